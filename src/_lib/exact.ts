// A register for one exact rational: two safe integers n / d in doubles while they fit
// (the common case, no allocation), a bigint fraction once they do not.
import { fraction, fractionOfBinary, fractionOfIntegers, fractionOfValue, compareFractions, toDouble, type Fraction } from './fraction.js';
import { productError } from './exact-sum.js';
import { nearFraction, nearQuotient, type Near } from './near.js';
import { scaleOf, scaledBy, type Value } from './numeric.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;

/** Sign of a·b − c·d for safe integers, exactly (Dekker's two-product on both sides). */
export function compareProducts(a: number, b: number, c: number, d: number): number {
  const p = a * b;
  const q = c * d;
  if (p !== q) return p < q ? -1 : 1;
  const e = productError(a, b, p);
  const f = productError(c, d, q);
  return e < f ? -1 : e > f ? 1 : 0;
}

/** A mutable exact rational. */
export class Exact {
  /** Numerator while `big` is null. */
  n = 0;
  /** Denominator (> 0) while `big` is null. */
  d = 1;
  /** The value when it does not fit two safe integers. */
  big: Fraction | null = null;

  /** n / d for integers held exactly in doubles (d ≠ 0). */
  setIntegers(n: number, d: number): this {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    if (Math.abs(n) <= SAFE && d <= SAFE) {
      this.n = n === 0 ? 0 : n;
      this.d = n === 0 ? 1 : d;
      this.big = null;
      return this;
    }
    return this.setFraction(fractionOfIntegers(n, d));
  }

  /** A bigint fraction; kept in the fast form when it fits. */
  setFraction(f: Fraction): this {
    const n = Number(f.n);
    const d = Number(f.d);
    if (Math.abs(n) <= SAFE && d <= SAFE) {
      this.n = n === 0 ? 0 : n;
      this.d = d;
      this.big = null;
    } else {
      this.big = f;
    }
    return this;
  }

  /** A double read as written: the short decimal it prints as, else its binary value. */
  setDouble(x: number): this {
    const k = scaleOf(x);
    if (k >= 0) return this.setIntegers(scaledBy(x, k), POW10[k] as number);
    return this.setFraction(fractionOfBinary(x));
  }

  /** An okrkit value (a number is the short decimal it prints as). */
  setValue(v: Value): this {
    return typeof v === 'number' ? this.setDouble(v) : this.setFraction(fractionOfValue(v));
  }

  /** Copies another register. */
  copy(other: Exact): this {
    this.n = other.n;
    this.d = other.d;
    this.big = other.big;
    return this;
  }

  /** The value as a bigint fraction. */
  fraction(): Fraction {
    return this.big ?? fraction(BigInt(this.n), BigInt(this.d));
  }

  /** The nearest double. */
  toNumber(): number {
    if (this.big !== null) return toDouble(this.big);
    const q = this.n / this.d;
    return q === 0 ? 0 : q;
  }

  /** The value as an approximation register (hi the nearest double). */
  near(out: Near): Near {
    return this.big === null ? nearQuotient(out, this.n, this.d) : nearFraction(out, this.big);
  }

  /** -1, 0 or 1 as this is below, equal to or above `other`. */
  compare(other: Exact): number {
    if (this.big === null && other.big === null) return compareProducts(this.n, other.d, other.n, this.d);
    return compareFractions(this.fraction(), other.fraction());
  }

  /** The sign: -1, 0 or 1. */
  sign(): number {
    if (this.big !== null) return this.big.n < 0n ? -1 : this.big.n > 0n ? 1 : 0;
    return this.n < 0 ? -1 : this.n > 0 ? 1 : 0;
  }

  /** The value as JSON-safe text "n/d", for results that travel (shards). */
  toText(): string {
    return this.big === null ? `${this.n}/${this.d}` : `${this.big.n}/${this.big.d}`;
  }

  /** Reads {@link toText}'s form back; false when the text is not one. */
  setText(text: unknown): boolean {
    if (typeof text !== 'string') return false;
    const m = /^(-?\d{1,400})\/(\d{1,400})$/.exec(text);
    if (m === null || /^0+$/.test(m[2] as string)) return false;
    this.setFraction(fraction(BigInt(m[1] as string), BigInt(m[2] as string)));
    return true;
  }
}

