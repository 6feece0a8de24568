import { DECIMAL_STRING } from '../_lib/numeric.js';
import type { Locale } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { delimiterOf } from './rows.js';

/**
 * The character that starts the decimals of a number: `.` (1,500.5) or `,` (1.500,5).
 *
 * @example
 * readPlanSheet('objective;key result;target;cycle\nGrow;Revenue;1.500,5;Quý IV/2026\n', { decimal: ',' }).input.keyResults[0].target
 * //=> 1500.5
 * @category Spreadsheets
 */
export type DecimalMark = ',' | '.';

/**
 * How the number cells of one file are read:
 * - `.` or `,`: the decimal mark given by the `decimal` setting; the other mark may group
 *   thousands (`1,500.5` or `1.500,5`), in groups of three.
 * - `point`: no setting, a `,`-separated file and no Vietnamese locale: a dot for decimals
 *   and no thousands separators (`1500.5`), as before; a `,` in a number asks for the setting.
 * - `unknown`: no setting, and a `;` or tab separator or the `vi` locale (Excel's layout where
 *   the decimal mark is often a comma): a number with a single mark is read with that mark as the
 *   decimal one unless the mark could also group thousands, which needs 1 to 3 leading digits (not
 *   a leading 0) and exactly three digits after it: `1.500` and `123,456` are errors that ask for the
 *   setting; `0,5`, `2.75`, `0.125`, `1234.125` and `1.5000` are read. A mark found two or more
 *   times in groups of three can only group thousands (a number has one decimal mark), so
 *   `1.500.000` and `1,500,000` are 1500000, and `1.500.000,5` and `1,500,000.5` 1500000.5 (a
 *   single mark of the other kind after the groups is the decimal one). Any other number with
 *   more than one mark (`1.500,5`, one group only; `1.500,000.5`, mixed; `1.500.00`, a bad group)
 *   asks for the setting too.
 */
export type NumberContext = DecimalMark | 'point' | 'unknown';

/** Checks a `decimal` option. */
export function decimalOption(value: unknown, name: string): DecimalMark | undefined {
  if (value === undefined || value === ',' || value === '.') return value;
  return invalidArgument('arg.oneOf', { name, options: "',', '.'", value: typeof value === 'string' ? `'${value}'` : `a ${typeof value}` });
}

/** Letters only Vietnamese writes (đ, ă, ơ, ư and the letters with two marks, U+1EA0–U+1EF9). */
const VIETNAMESE = /[đĐăĂơƠưƯ\u1ea0-\u1ef9]/;

/**
 * Whether a sheet's first lines are Vietnamese (its headers, a title): a `,`-separated
 * sheet made by a Vietnamese user (Google Sheets and LibreOffice export `,` whatever the
 * language) is read as under the `vi` locale, assuming no decimal mark.
 */
export const looksVietnamese = (text: string): boolean => typeof text === 'string' && VIETNAMESE.test(text.slice(0, 4096).normalize('NFC'));

/** The number context of a file's text, given the `decimal` setting and the reader's locale (`titles`: see `delimiterOf`). */
export function numberContext(text: string, decimal: DecimalMark | undefined, locale: Locale | undefined, titles = false): NumberContext {
  if (decimal !== undefined) return decimal;
  if (typeof text !== 'string') return 'point'; // readSheet reports the file that is not text
  return locale !== 'vi' && delimiterOf(text, titles) === ',' ? 'point' : 'unknown';
}

/**
 * Numbers with thousands grouped by the other mark at least twice (`1.500.000`, `1.500.000,5`),
 * by decimal mark: a number has one decimal mark, so a mark found twice can only group thousands.
 */
const TWICE_GROUPED: Readonly<Record<DecimalMark, RegExp>> = {
  '.': /^[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?$/,
  ',': /^[+-]?[1-9]\d{0,2}(?:\.\d{3}){2,}(?:,\d+)?$/,
};

/** Numbers with thousands grouped by the other mark, by decimal mark. */
const GROUPED: Readonly<Record<DecimalMark, RegExp>> = {
  '.': /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/,
  ',': /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/,
};

/** The number as a plain decimal string (dot, no grouping), or null when it is not written with this mark. */
function withMark(s: string, mark: DecimalMark): string | null {
  const other = mark === '.' ? ',' : '.';
  let plain = s;
  if (GROUPED[mark].test(s)) plain = s.split(other).join('');
  else if (s.includes(other)) return null;
  if (mark === ',') plain = plain.replace(',', '.');
  return DECIMAL_STRING.test(plain) ? plain : null;
}

/**
 * Why a number cell could not be read in its context: not a number (`number` with a decimal
 * point, `unknown` when the mark is not known), `ambiguous`, or not written with the `decimal`
 * setting's mark (`comma`, `point`).
 */
export type NumberProblem = 'number' | 'unknown' | 'ambiguous' | 'comma' | 'point';

/** A trimmed number cell as a plain decimal string (dot, no grouping), or the problem. */
export function plainNumber(s: string, context: NumberContext): string | { readonly problem: NumberProblem } {
  const marks = s.replace(/[^.,]/g, '');
  switch (context) {
    case '.':
    case ',':
      return withMark(s, context) ?? { problem: context === ',' ? 'comma' : 'point' };
    case 'point':
      if (DECIMAL_STRING.test(s)) return s;
      return { problem: s.includes(',') && (withMark(s, ',') !== null || withMark(s, '.') !== null) ? 'ambiguous' : 'number' };
    case 'unknown': {
      if (marks.length === 0) return DECIMAL_STRING.test(s) ? s : { problem: 'unknown' };
      // Two or more marks of one kind in groups of three: only thousands, whatever follows.
      if (TWICE_GROUPED[','].test(s)) return withMark(s, ',') ?? { problem: 'unknown' };
      if (TWICE_GROUPED['.'].test(s)) return withMark(s, '.') ?? { problem: 'unknown' };
      const comma = withMark(s, ',');
      const point = withMark(s, '.');
      // One mark: read when only one reading is possible (the mark cannot be grouping thousands).
      const only = comma === null ? point : point === null ? comma : null;
      if (marks.length === 1 && only !== null) return only;
      return { problem: comma !== null || point !== null ? 'ambiguous' : 'unknown' };
    }
  }
}
