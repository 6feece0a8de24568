import { lastScaled, scaleOf } from './numeric.js';

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22] as const;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * An exact decimal sum n / 10^k held as a safe integer n and a scale k ≤ 22, for terms
 * that are short decimals (integers, 0.8, 12.5, …). It becomes invalid, and stays so,
 * as soon as a term or the total cannot be held exactly; the caller then uses another
 * method. Whether it stays valid depends only on the terms, not their order, because
 * terms are never negative.
 */
export class ScaledSum {
  numerator = 0;
  scale = 0;
  valid = true;

  /** Empties the sum, for reuse. */
  reset(): this {
    this.numerator = 0;
    this.scale = 0;
    this.valid = true;
    return this;
  }

  /** Adds n / 10^k for a safe integer n ≥ 0. */
  addScaled(n: number, k: number): this {
    if (!this.valid) return this;
    const scale = k > this.scale ? k : this.scale;
    if (scale > 22) return this.invalidate();
    const a = this.numerator * (POW10[scale - this.scale] as number);
    const b = n * (POW10[scale - k] as number);
    const sum = a + b;
    if (a > SAFE || b > SAFE || sum > SAFE) return this.invalidate();
    this.numerator = sum;
    this.scale = scale;
    return this;
  }

  /** Adds the product of two doubles taken as the short decimals they print as. */
  addProduct(x: number, y: number): this {
    if (!this.valid) return this;
    const kx = scaleOf(x);
    const nx = lastScaled();
    const ky = kx < 0 ? -1 : scaleOf(y);
    const ny = lastScaled();
    if (kx < 0 || ky < 0) return this.invalidate();
    const product = nx * ny;
    if (product > SAFE) return this.invalidate();
    return this.addScaled(product, kx + ky);
  }

  /** Adds every term of another sum. */
  merge(other: ScaledSum): this {
    if (!other.valid) return this.invalidate();
    return this.addScaled(other.numerator, other.scale);
  }

  private invalidate(): this {
    this.valid = false;
    return this;
  }
}

/**
 * The quotient of two valid scaled sums with one rounding, or null when it cannot be
 * formed exactly.
 */
export function divideScaled(num: ScaledSum, den: ScaledSum): number | null {
  if (!num.valid || !den.valid || den.numerator === 0) return null;
  const d = num.scale - den.scale;
  if (d >= 0) {
    const divisor = den.numerator * (POW10[d] as number);
    return d <= 22 && divisor <= SAFE ? num.numerator / divisor : null;
  }
  const dividend = num.numerator * (POW10[-d] as number);
  return -d <= 22 && dividend <= SAFE ? dividend / den.numerator : null;
}
