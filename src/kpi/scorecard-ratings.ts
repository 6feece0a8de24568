import { compareNear, Near, nearDouble } from '../_lib/near.js';
import { compareFractions, fractionOfDouble, type Fraction } from '../_lib/fraction.js';

/**
 * A rating band: a total (0–100) of at least `min` earns `label`.
 *
 * @category Scorecards
 */
export interface RatingBand {
  readonly label: string;
  readonly min: number;
}

/** The default bands: A from 90, B from 75, C from 60, D below. */
export const DEFAULT_BANDS: readonly RatingBand[] = [
  { label: 'A', min: 90 },
  { label: 'B', min: 75 },
  { label: 'C', min: 60 },
  { label: 'D', min: -Infinity },
];

/**
 * The band of a total held in a register; `exact` gives it as a fraction when the
 * register cannot tell (null only for a total that has no value).
 */
export function ratingNear(bands: readonly RatingBand[], total: Near, exact: () => Fraction | null): string | null {
  for (const b of bands) {
    if (b.min === Infinity) continue;
    if (b.min === -Infinity) return b.label;
    let c = compareNear(total, nearDouble(new Near(), b.min));
    if (Number.isNaN(c)) {
      const x = exact();
      if (x !== null) c = compareFractions(x, fractionOfDouble(b.min));
    }
    if (c >= 0) return b.label;
  }
  return null;
}

/** The band of an exact total, from the highest down. */
export function ratingOf(bands: readonly RatingBand[], total: Fraction | null): string | null {
  if (total === null) return null;
  for (const b of bands) {
    if (b.min === Infinity) continue;
    if (b.min === -Infinity || compareFractions(total, fractionOfDouble(b.min)) >= 0) return b.label;
  }
  return null;
}
