// The fast path of exactness: a number held as an unevaluated sum hi + lo of two doubles
// (about 106 bits) with a bound on its distance from the exact value. Most decisions —
// the double nearest to a mean, a value against a threshold — are settled by this
// approximation alone; when the exact value lies too close to a boundary to tell, the
// caller computes it in bigint fractions (fraction.ts). Nothing here allocates.
import { ExactSum, productError } from './exact-sum.js';
import { fractionOfBinary, minus, toDouble, type Fraction } from './fraction.js';
import { scaleOf, scaledBy } from './numeric.js';

/** A register: the exact value x satisfies |x − (hi + lo)| ≤ err. */
export class Near {
  hi = 0;
  lo = 0;
  err = 0;

  /** Sets the three parts. */
  set(hi: number, lo: number, err: number): this {
    this.hi = hi;
    this.lo = lo;
    this.err = err;
    return this;
  }

  /** Copies another register. */
  copy(other: Near): this {
    return this.set(other.hi, other.lo, other.err);
  }
}

const EPS = 2 ** -50; // a generous bound on a few roundings, relative
const TINY = 2 ** -1060;


/**
 * n ÷ d for safe integers held in doubles (d ≠ 0): hi is the correctly rounded quotient,
 * lo the exact remainder over d, rounded once.
 */
export function nearQuotient(out: Near, n: number, d: number): Near {
  const hi = n / d;
  const p = hi * d;
  // n − hi·d is exactly representable (the remainder of a correctly rounded division),
  // and n − p is exact (Sterbenz), so r is exact.
  const r = n - p - productError(hi, d, p);
  const lo = r / d;
  return out.set(hi === 0 ? 0 : hi, lo, Math.abs(lo) * EPS);
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;

/** A double read as the short decimal it prints as (0.1 is one tenth), else its binary value. */
export function nearDouble(out: Near, x: number): Near {
  const k = scaleOf(x);
  if (k <= 0) return out.set(x === 0 ? 0 : x, 0, 0);
  return nearQuotient(out, scaledBy(x, k), POW10[k] as number);
}

/** An exact fraction: its nearest double and the rest. */
export function nearFraction(out: Near, f: Fraction): Near {
  const hi = toDouble(f);
  const lo = toDouble(minus(f, fractionOfBinary(hi)));
  return out.set(hi, lo, Math.abs(lo) * EPS);
}

/**
 * Sign of a − b when the registers settle it: -1 or 1, 0 when they are exactly equal
 * (both exact and the same), or NaN when the exact values are too close to tell.
 */
export function compareNear(a: Near, b: Near): number {
  const d = a.hi - b.hi + (a.lo - b.lo);
  const bound = a.err + b.err + (Math.abs(a.lo) + Math.abs(b.lo) + Math.abs(d)) * EPS;
  if (d > bound) return 1;
  if (d < -bound) return -1;
  if (a.err === 0 && b.err === 0 && a.hi === b.hi && a.lo === b.lo) return 0;
  return NaN;
}

/** out = a × b. */
export function multiplyNear(out: Near, a: Near, b: Near): Near {
  const p = a.hi * b.hi;
  const e = productError(a.hi, b.hi, p);
  const cross = a.hi * b.lo + a.lo * b.hi + a.lo * b.lo;
  const lo = e + cross;
  const err =
    a.err * (Math.abs(b.hi) + Math.abs(b.lo) + b.err) + b.err * (Math.abs(a.hi) + Math.abs(a.lo)) + (Math.abs(cross) + Math.abs(lo)) * EPS + TINY;
  const hi = p + lo;
  return out.set(hi, lo - (hi - p), err);
}

/** out = a − b. */
export function subtractNear(out: Near, a: Near, b: Near): Near {
  const hi = a.hi - b.hi;
  // Two-sum: the rounding error of hi, exactly.
  const bb = hi - a.hi;
  const e = a.hi - (hi - bb) + (-b.hi - bb);
  const lo = e + (a.lo - b.lo);
  const s = hi + lo;
  return out.set(s, lo - (s - hi), a.err + b.err + (Math.abs(a.lo) + Math.abs(b.lo) + Math.abs(lo)) * EPS + TINY);
}

/** The spacing of doubles at |x| (x ≠ 0): the gap to the next double away from zero. */
function ulpOf(x: number): number {
  const s = Math.abs(x);
  if (s < 2 ** -1021) return 2 ** -1074;
  let e = Math.floor(Math.log2(s));
  if (2 ** e > s) e--;
  else if (2 ** (e + 1) <= s) e++;
  return 2 ** (e - 52);
}

/**
 * Rounds the register to the nearest double in place (hi becomes that double, lo the
 * rest) when the register settles it; false when the exact value is too close to the
 * midpoint between two doubles to tell.
 */
function roundNear(x: Near): boolean {
  const m = x.hi + x.lo;
  const rest = x.hi - m + x.lo;
  const err = x.err + Math.abs(rest) * EPS;
  if (m === 0) {
    if (rest !== 0 || err !== 0) return false;
    x.set(0, 0, 0);
    return true;
  }
  // The gaps to the neighbours of m; toward zero it is half as wide at a power of two.
  const ulp = ulpOf(m);
  const inward = Math.abs(m) === 2 ** Math.round(Math.log2(Math.abs(m))) ? ulp / 2 : ulp;
  const up = m > 0 ? ulp : inward;
  const down = m > 0 ? inward : ulp;
  if (rest + err < up / 2 && rest - err > -down / 2) {
    x.set(m, rest, err);
    return true;
  }
  return false;
}

/**
 * A weighted mean Σ wᵢxᵢ ÷ Σ wᵢ with whole-number weights (a common scale makes decimal
 * weights whole) and register items: the numerator is an exact sum of the items'
 * approximations, so the result is within the items' error bounds of the exact mean.
 */
export class NearMean {
  private readonly sum = new ExactSum();
  private readonly rest = new ExactSum();
  private errors = 0;
  private weights = 0;
  count = 0;

  /** Empties the mean for reuse. */
  reset(): this {
    this.sum.reset();
    this.errors = 0;
    this.weights = 0;
    this.count = 0;
    return this;
  }

  /** Adds an item of whole weight w > 0. */
  add(w: number, x: Near): this {
    this.sum.addProduct(w, x.hi);
    if (x.lo !== 0) this.sum.addProduct(w, x.lo);
    this.errors += w * x.err;
    this.weights += w;
    this.count++;
    return this;
  }

  /** Σ wᵢ (exact while below 2^53). */
  totalWeight(): number {
    return this.weights;
  }

  /**
   * Writes the mean into `out`, rounded when the approximation settles the nearest
   * double; returns false when nothing was added, and 'unsure' when the caller must
   * compute the exact mean to round it.
   */
  valueInto(out: Near): boolean | 'unsure' {
    if (this.count === 0 || !(this.weights > 0)) return false;
    const W = this.weights;
    const sHi = this.sum.value();
    const sLo = this.rest.reset().merge(this.sum).add(-sHi).value();
    const q = sHi / W;
    const p = q * W;
    const r = sHi - p - productError(q, W, p);
    const qLo = (r + sLo) / W;
    const err = (this.errors / W) * (1 + EPS) + (Math.abs(qLo) + Math.abs(sLo) / W) * EPS;
    out.set(q, qLo, err);
    return roundNear(out) ? true : 'unsure';
  }
}
