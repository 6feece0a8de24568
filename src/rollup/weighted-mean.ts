import { ExactSum } from '../_lib/exact-sum.js';
import { invalidArgument } from '../error/okrkit-error.js';

/**
 * Accumulates a weighted mean of scores exactly: Σ wᵢsᵢ and Σ wᵢ are exact sums, so the
 * mean does not depend on the order of the items, and it is kept within the items'
 * lowest and highest score (the true mean always is; this only absorbs rounding).
 */
export class WeightedMean {
  private readonly weighted = new ExactSum();
  private readonly weights = new ExactSum();
  private min = Infinity;
  private max = -Infinity;
  private scored = 0;

  /** Adds a scored item; weight 0 or a null score is skipped. */
  add(score: number | null, weight: number): this {
    if (score === null || !(weight > 0)) return this;
    this.weighted.addProduct(weight, score);
    this.weights.add(weight);
    if (score < this.min) this.min = score;
    if (score > this.max) this.max = score;
    this.scored++;
    return this;
  }

  /** Sum of the weights of the scored items. */
  totalWeight(): number {
    return this.weights.value();
  }

  /** The mean, or null when nothing was scored. */
  value(): number | null {
    if (this.scored === 0) return null;
    const total = this.weights.value();
    if (!(total > 0)) return null;
    const mean = this.weighted.value() / total;
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
  readonly score: number | null;
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
  if (!Array.isArray(items)) invalidArgument('items must be an array of { score, weight? }');
  const mean = new WeightedMean();
  items.forEach((item, i) => {
    const weight = item?.weight ?? 1;
    const score = item?.score ?? null;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      invalidArgument(`items[${i}].weight must be a finite number of zero or more, got ${String(weight)}`);
    }
    if (score !== null && (typeof score !== 'number' || !Number.isFinite(score) || score < 0)) {
      invalidArgument(`items[${i}].score must be a finite number of zero or more or null, got ${String(score)}`);
    }
    mean.add(score, weight);
  });
  return mean.value();
}
