import { ExactSum } from '../_lib/exact-sum.js';
import { divideScaled, ScaledSum } from '../_lib/scaled-sum.js';
import { invalidArgument } from '../error/okrkit-error.js';

/**
 * Accumulates a weighted mean of scores exactly, so it does not depend on the order of
 * the items. While every score and weight is a short decimal (0.8, 3, 12.5) the sums
 * are exact decimals and the mean is rounded once: (3·0.8 + 0.4) / 4 is 0.7. Otherwise
 * Σ wᵢsᵢ and Σ wᵢ are exact sums of the doubles. The mean is kept within the items'
 * lowest and highest score (the true mean always is; this only absorbs rounding).
 */
export class WeightedMean {
  private readonly weighted = new ExactSum();
  private readonly weights = new ExactSum();
  private readonly decimalWeighted = new ScaledSum();
  private readonly decimalWeights = new ScaledSum();
  private min = Infinity;
  private max = -Infinity;
  private scored = 0;

  /** Empties the mean, for reuse on a hot path. */
  reset(): this {
    this.weighted.reset();
    this.weights.reset();
    this.decimalWeighted.reset();
    this.decimalWeights.reset();
    this.min = Infinity;
    this.max = -Infinity;
    this.scored = 0;
    return this;
  }

  /** Adds a scored item; weight 0 or a null score is skipped. */
  add(score: number | null, weight: number): this {
    if (score === null || !(weight > 0)) return this;
    this.weighted.addProduct(weight, score);
    this.weights.add(weight);
    if (this.decimalWeighted.valid) {
      this.decimalWeighted.addProduct(weight, score);
      this.decimalWeights.addProduct(weight, 1);
    }
    if (score < this.min) this.min = score;
    if (score > this.max) this.max = score;
    this.scored++;
    return this;
  }

  /** Sum of the weights of the scored items. */
  totalWeight(): number {
    return this.weights.value();
  }

  /**
   * Σ wᵢsᵢ ÷ Σ wᵢ from the exact sums of doubles. When Σ wᵢ is itself a double, one
   * correction step with the exact residual makes the quotient correctly rounded, so
   * equal rationals (equal weights, or weights scaled by k) give the same double.
   */
  private binaryMean(total: number): number {
    const quotient = this.weighted.value() / total;
    if (this.weights.count > 1) return quotient;
    const residual = new ExactSum().merge(this.weighted).addProduct(-quotient, total).value();
    return quotient + residual / total;
  }

  /** The mean, or null when nothing was scored. */
  value(): number | null {
    if (this.scored === 0) return null;
    const total = this.weights.value();
    if (!(total > 0)) return null;
    const mean = divideScaled(this.decimalWeighted, this.decimalWeights) ?? this.binaryMean(total);
    const clamped = mean < this.min ? this.min : mean > this.max ? this.max : mean;
    return clamped === 0 ? 0 : clamped;
  }
}

/**
 * One item of {@link scoreWeightedMean}: a score (or null when not scorable) and its
 * relative weight (1 when omitted; 0 excludes the item).
 *
 * @category Rollup
 */
export interface WeightedScore {
  /** The item's score, or null when it has none. */
  readonly score: number | null;
  /** Its relative weight: 1 when omitted, 0 excludes it. */
  readonly weight?: number;
}

/**
 * The weighted mean of scores with relative weights, the rule behind every objective
 * score. Weights are normalised, weight 0 and null scores are left out, and the result
 * is the same for any order of the items. Nothing scorable gives `null`, never `NaN`.
 *
 * @param items - Scores with their weights.
 * @returns The weighted mean, or null.
 * @throws {OkrkitError} `invalid_argument` for a negative, NaN or infinite weight or score.
 * @example
 * scoreWeightedMean([{ score: 1 }, { score: 0.5, weight: 3 }])
 * //=> 0.625
 * scoreWeightedMean([{ score: null }, { score: 0.4, weight: 0 }])
 * //=> null
 * @category Rollup
 */
export function scoreWeightedMean(items: readonly WeightedScore[]): number | null {
  if (!Array.isArray(items)) invalidArgument('arg.items');
  const mean = new WeightedMean();
  items.forEach((item, i) => {
    const weight = item?.weight ?? 1;
    const score = item?.score ?? null;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      invalidArgument('arg.itemWeight', { index: i, value: String(weight) });
    }
    if (score !== null && (typeof score !== 'number' || !Number.isFinite(score) || score < 0)) {
      invalidArgument('arg.itemScore', { index: i, value: String(score) });
    }
    mean.add(score, weight);
  });
  return mean.value();
}
