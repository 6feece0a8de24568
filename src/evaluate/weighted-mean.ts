import { isList } from '../_lib/is-list.js';
import { dividedBy, FRACTION_ZERO, fractionOfDouble, plus, signOf, times, toDouble } from '../_lib/fraction.js';
import { invalidArgument } from '../messages/okrkit-error.js';

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
 * is the same for any order of the items: each number is read as the decimal it prints
 * as and the mean is computed exactly, then rounded once. Nothing scorable gives `null`,
 * never `NaN`.
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
  if (!isList(items)) invalidArgument('arg.items');
  let sum = FRACTION_ZERO;
  let total = FRACTION_ZERO;
  items.forEach((item, i) => {
    const weight = item?.weight ?? 1;
    const score = item?.score ?? null;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      invalidArgument('arg.itemWeight', { index: i, value: String(weight) });
    }
    if (score !== null && (typeof score !== 'number' || !Number.isFinite(score) || score < 0)) {
      invalidArgument('arg.itemScore', { index: i, value: String(score) });
    }
    if (score === null || weight === 0) return;
    // Each number read as written; the mean is exact until its one rounding.
    const w = fractionOfDouble(weight);
    sum = plus(sum, times(w, fractionOfDouble(score)));
    total = plus(total, w);
  });
  return signOf(total) > 0 ? toDouble(dividedBy(sum, total)) : null;
}
