// An oracle for the exactness tests, written apart from okrkit's own arithmetic: decimal
// strings read into bigint fractions, and the nearest double taken by JavaScript's own
// (correctly rounding) parser from a long decimal expansion.

/** A fraction n / d with d > 0. */
export interface Q {
  readonly n: bigint;
  readonly d: bigint;
}

const abs = (x: bigint) => (x < 0n ? -x : x);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b) [a, b] = [b, a % b];
  return a;
}
export function q(n: bigint, d: bigint = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
/** A decimal as written ("12.5", 0.1, "-3"). */
export function dec(x: string | number): Q {
  const text = typeof x === 'number' ? String(x) : x;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`oracle: not a plain decimal: ${text}`);
  const frac = m[3] ?? '';
  const n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  return q(n, 10n ** BigInt(frac.length));
}
export const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
export const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
export const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const min = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b);

/**
 * The nearest double: 120 significant decimal digits, then the language's parser.
 * (Exact unless the value lies within 10^-120 of a midpoint between two doubles, which
 * the generated cases never do but by construction.)
 */
export function toDouble(a: Q): number {
  if (a.n === 0n) return 0;
  const negative = a.n < 0n;
  let n = abs(a.n);
  const d = a.d;
  const whole = n / d;
  n %= d;
  let digits = '';
  for (let i = 0; i < 120 && n !== 0n; i++) {
    n *= 10n;
    digits += String(n / d);
    n %= d;
  }
  const sticky = n !== 0n ? '1' : '';
  return Number(`${negative ? '-' : ''}${whole}.${digits}${sticky}`);
}

/** The weighted mean Σ wᵢxᵢ / Σ wᵢ, or null with no weight. */
export function mean(items: readonly { x: Q; w: Q }[]): Q | null {
  let s = q(0n);
  let t = q(0n);
  for (const { x, w } of items) {
    s = add(s, mul(w, x));
    t = add(t, w);
  }
  return t.n === 0n ? null : div(s, t);
}
