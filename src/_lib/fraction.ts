// Exact rationals in bigints: the slow path that decides what the fast path cannot, and
// the oracle of the tests. Every value is reduced, with a positive denominator.
import { scaleOf, scaledBy, type Value } from './numeric.js';

/** An exact rational n / d with d > 0 and gcd(n, d) = 1. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO_N = 0n;
const ONE_N = 1n;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < ZERO_N ? -a : a;
  let y = b < ZERO_N ? -b : b;
  while (y !== ZERO_N) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** n / d, reduced; the caller guarantees d ≠ 0. */
export function fraction(n: bigint, d: bigint): Fraction {
  if (d < ZERO_N) {
    n = -n;
    d = -d;
  }
  if (n === ZERO_N) return { n: ZERO_N, d: ONE_N };
  const g = gcd(n, d);
  return g === ONE_N ? { n, d } : { n: n / g, d: d / g };
}

/** The fraction of two safe integers held in doubles (d ≠ 0). */
export function fractionOfIntegers(n: number, d: number): Fraction {
  return fraction(BigInt(n), BigInt(d));
}

const TEN = 10n;

function pow10(k: number): bigint {
  return TEN ** BigInt(k);
}

/** The exact value of a decimal string such as "-12.5e-3". */
function fractionOfDecimalText(text: string): Fraction {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) throw new RangeError(`not a decimal: ${text}`);
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exponent = Number(m[4] ?? '0') - (m[3] ?? '').length;
  let n = BigInt(digits === '' ? '0' : digits);
  if (m[1] === '-') n = -n;
  return exponent >= 0 ? fraction(n * pow10(exponent), ONE_N) : fraction(n, pow10(-exponent));
}

/** The exact value of an okrkit {@link Value}: a fast-form number is the short decimal it prints as. */
export function fractionOfValue(v: Value): Fraction {
  if (typeof v === 'number') return fractionOfDouble(v);
  return fractionOfDecimalText(v.toFixed());
}

/**
 * A double read as written: the short decimal it prints as (0.1 is one tenth) when it is
 * one of okrkit's common values, otherwise its exact binary value.
 */
export function fractionOfDouble(x: number): Fraction {
  const k = scaleOf(x);
  if (k >= 0) return fraction(BigInt(scaledBy(x, k)), pow10(k));
  return fractionOfBinary(x);
}

/** The exact binary value of a finite double. */
export function fractionOfBinary(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`okrkit: internal error: ${x} is not a finite number`);
  if (x === 0) return { n: ZERO_N, d: ONE_N };
  if (Number.isInteger(x)) return { n: BigInt(x), d: ONE_N };
  // x = m · 2^e with an integer m: scale until the mantissa is whole.
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return fraction(BigInt(m), ONE_N << BigInt(e));
}

/** a + b. */
export function plus(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return fraction(a.n + b.n, a.d);
  return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a − b. */
export function minus(a: Fraction, b: Fraction): Fraction {
  return plus(a, { n: -b.n, d: b.d });
}

/** a × b. */
export function times(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}

/** a ÷ b; the caller guarantees b ≠ 0. */
export function dividedBy(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}


/** The sign: -1, 0 or 1. */
export function signOf(a: Fraction): number {
  return a.n < ZERO_N ? -1 : a.n > ZERO_N ? 1 : 0;
}

function bitLength(x: bigint): number {
  return x === ZERO_N ? 0 : x.toString(2).length;
}

/**
 * The nearest double, ties to even: the one rounding of an exact result. Magnitudes
 * beyond the double range give ±Infinity or ±0 (okrkit's inputs never get there).
 */
export function toDouble(a: Fraction): number {
  if (a.n === ZERO_N) return 0;
  const negative = a.n < ZERO_N;
  const n = negative ? -a.n : a.n;
  const d = a.d;
  // Scale so that the quotient has 54 or 55 bits: 53 kept, one to round, plus the rest.
  let shift = 54 - (bitLength(n) - bitLength(d));
  let q = shift >= 0 ? (n << BigInt(shift)) / d : n / (d << BigInt(-shift));
  let rem = shift >= 0 ? (n << BigInt(shift)) % d : n % (d << BigInt(-shift));
  let bits = bitLength(q);
  while (bits > 54) {
    // Fold the lowest bit into the sticky remainder.
    if ((q & ONE_N) === ONE_N) rem = rem === ZERO_N ? ONE_N : rem;
    q >>= ONE_N;
    shift--;
    bits--;
  }
  // q has 54 bits: 53 for the mantissa, one rounding bit; rem ≠ 0 is the sticky bit.
  let exponent = -shift + 1;
  let mantissa = q >> ONE_N;
  const half = (q & ONE_N) === ONE_N;
  // Below the normal range the mantissa has fewer bits: round at the subnormal position.
  const lowest = -1074;
  if (exponent < lowest) {
    const drop = lowest - exponent;
    if (drop > 60) return negative ? -0 + 0 : 0;
    const full = q;
    const cut = BigInt(drop + 1);
    mantissa = full >> cut;
    const dropped = full & ((ONE_N << cut) - ONE_N);
    const halfway = ONE_N << (cut - ONE_N);
    const up = dropped > halfway || (dropped === halfway && (rem !== ZERO_N || (mantissa & ONE_N) === ONE_N));
    if (up) mantissa += ONE_N;
    exponent = lowest;
    const r = Number(mantissa) * 2 ** exponent;
    return negative ? -r : r;
  }
  if (half && (rem !== ZERO_N || (mantissa & ONE_N) === ONE_N)) mantissa += ONE_N;
  const m = Number(mantissa);
  const r = exponent >= -1022 ? m * 2 ** exponent : m * 2 ** (exponent + 600) * 2 ** -600;
  return negative ? -r : r;
}


export const FRACTION_ZERO: Fraction = /*@__PURE__*/ Object.freeze({ n: ZERO_N, d: ONE_N });
export const FRACTION_ONE: Fraction = /*@__PURE__*/ Object.freeze({ n: ONE_N, d: ONE_N });
