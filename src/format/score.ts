import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale, type Locale } from '../messages/locale.js';
import { INTL_LOCALE } from './value.js';
import { numberFormat } from '../messages/number-format.js';
import { roundDecimalHalfUp } from './round.js';

/**
 * The scales a score can be shown on: `fraction` (0–1, as computed), `hundred` (0–100,
 * the seeds' scale) or `percent` (0–100 with a % sign).
 *
 * @category Format
 */
export type ScoreScale = 'fraction' | 'hundred' | 'percent';

/**
 * Options of {@link formatScore} and {@link toScale}.
 *
 * @category Format
 */
export interface FormatScoreOptions {
  /** The scale: `hundred` by default. */
  readonly scale?: ScoreScale;
  /** Digits after the decimal point: 0 by default (2 on the fraction scale). */
  readonly digits?: number;
  /** Text for a missing score: `'–'` by default. */
  readonly empty?: string;
  /** Number style: `en` (default: 72.5) or `vi` (72,5). */
  readonly locale?: Locale;
}

function checkScore(score: number, name: string): void {
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    invalidArgument('arg.finiteOrNull', { name, value: String(score) });
  }
}

function digitsOf(options: FormatScoreOptions): number {
  const scale = options.scale ?? 'hundred';
  const digits = options.digits ?? (scale === 'fraction' ? 2 : 0);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) invalidArgument('arg.integerBetween', { name: 'digits', min: 0, max: 20, value: String(digits) });
  return digits;
}

/**
 * Puts a 0–1 score on another scale, rounded half away from zero as people round (the
 * score's shortest decimal form is rounded, so 0.285 gives 28.5 → 29, not 28).
 *
 * @param score - A score, usually from 0 to 1.
 * @param options - `scale` (`hundred` by default) and `digits`.
 * @returns The rounded number.
 * @throws {OkrkitError} `invalid_argument` for NaN, infinite values or bad digits.
 * @example
 * toScale(0.285)
 * //=> 29
 * toScale(0.6667, { scale: 'hundred', digits: 1 })
 * //=> 66.7
 * @category Format
 */
export function toScale(score: number, options: FormatScoreOptions = {}): number {
  checkScore(score, 'score');
  const digits = digitsOf(options);
  const shift = (options.scale ?? 'hundred') === 'fraction' ? 0 : 2;
  const n = roundDecimalHalfUp(score, shift, digits);
  return n === 0 ? 0 : n;
}

/**
 * Formats a score for display: `72` on the 0–100 scale, `72%` as percent, `0.72` as a
 * fraction. A null score gives `'–'`.
 *
 * @param score - A score from {@link evaluate}, or null.
 * @param options - `scale`, `digits` and `empty`.
 * @returns The text.
 * @throws {OkrkitError} `invalid_argument` for NaN, infinite values or bad digits.
 * @example
 * formatScore(0.725, { scale: 'percent' })
 * //=> '73%'
 * formatScore(0.725, { digits: 1, locale: 'vi' })
 * //=> '72,5'
 * formatScore(null)
 * //=> '–'
 * @category Format
 */
export function formatScore(score: number | null, options: FormatScoreOptions = {}): string {
  if (score === null) return options.empty ?? '–';
  const value = toScale(score, options);
  const digits = digitsOf(options);
  const text =
    options.locale === undefined
      ? value.toFixed(digits)
      : numberFormat(INTL_LOCALE[checkLocale(options.locale)], { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false }).format(value);
  return (options.scale ?? 'hundred') === 'percent' ? `${text}%` : text;
}
