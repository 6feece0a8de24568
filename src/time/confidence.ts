import { Dec } from '../_lib/numeric.js';
import { dividedBy, fractionOfDouble, times, toDouble } from '../_lib/fraction.js';
import { invalidArgument } from '../messages/okrkit-error.js';

function checkMax(max: number): void {
  if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) invalidArgument('arg.positive', { name: 'max', value: String(max) });
}

/**
 * Turns a confidence on a 0–`max` scale (0–10 by default, as many teams ask "how
 * confident are you, out of 10?") into okrkit's 0–1 confidence.
 *
 * @param value - The confidence on the team's scale.
 * @param max - The top of the scale: 10 by default.
 * @returns A number from 0 to 1.
 * @throws {OkrkitError} `invalid_argument` when the value is outside 0–max or not a number.
 * @example
 * confidenceFromScale(7)
 * //=> 0.7
 * confidenceFromScale(4, 5)
 * //=> 0.8
 * @category Pace
 */
export function confidenceFromScale(value: number, max = 10): number {
  checkMax(max);
  if (typeof value !== 'number' || !(value >= 0 && value <= max)) invalidArgument('arg.numberBetween', { name: 'confidence', min: 0, max, value: String(value) });
  // Both read as written; the quotient is rounded once.
  return toDouble(dividedBy(fractionOfDouble(value), fractionOfDouble(max)));
}

/**
 * Shows a 0–1 confidence on a 0–`max` scale, rounded to `digits` decimals.
 *
 * @param confidence - A confidence from 0 to 1.
 * @param max - The top of the scale: 10 by default.
 * @param digits - Decimals to keep: 1 by default.
 * @returns The confidence on the scale.
 * @throws {OkrkitError} `invalid_argument` when the confidence is outside 0–1.
 * @example
 * confidenceToScale(0.72)
 * //=> 7.2
 * @category Pace
 */
export function confidenceToScale(confidence: number, max = 10, digits = 1): number {
  checkMax(max);
  if (typeof confidence !== 'number' || !(confidence >= 0 && confidence <= 1)) invalidArgument('arg.numberBetween', { name: 'confidence', min: 0, max: 1, value: String(confidence) });
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) invalidArgument('arg.integerBetween', { name: 'digits', min: 0, max: 15, value: String(digits) });
  // The exact product of the two numbers as written, rounded half up to `digits` decimals.
  const exact = times(fractionOfDouble(confidence), fractionOfDouble(max));
  return new Dec(exact.n.toString()).div(exact.d.toString()).toDecimalPlaces(digits, Dec.ROUND_HALF_UP).toNumber();
}
