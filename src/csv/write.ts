import { stringify } from 'csv-stringify/sync';
import { invalidArgument } from '../messages/okrkit-error.js';

/**
 * The separator between the cells of a CSV file okrkit writes: `,` (RFC 4180) or `;`
 * (what Excel with Vietnamese and many European regional settings opens into columns).
 *
 * @example
 * writePlanCsv(plan, { separator: ';' })['cycles.csv']
 * //=> '\uFEFFid;name;start;end\r\nq3;"Q3, 2026";2026-07-01;2026-09-30\r\n'
 * @category Spreadsheets
 */
export type CsvSeparator = ',' | ';';

/** The separators okrkit writes. */
const SEPARATORS: readonly string[] = [',', ';'];

/** A `separator` option checked: `,` when absent, else `,` or `;` (an OkrkitError `invalid_argument` for anything else). */
function checkSeparator(value: unknown, name: string): CsvSeparator {
  if (value === undefined || value === ',') return ',';
  if (value === ';') return ';';
  return invalidArgument('arg.oneOf', { name, options: SEPARATORS.map((s) => `"${s}"`).join(', '), value: typeof value === 'string' ? JSON.stringify(value) : typeof value });
}

/** The `separator` of an options object (`,` when absent); an OkrkitError `invalid_argument` when the options are not an object. */
export function separatorOf(options: unknown): CsvSeparator {
  if (options === undefined) return ',';
  if (typeof options !== 'object' || options === null) return invalidArgument('arg.object', { name: 'options' });
  return checkSeparator(Reflect.get(options, 'separator'), 'options.separator');
}

/**
 * Cells that must be quoted whatever the separator (RFC 4180 §2.6, and a lone CR or LF
 * as Excel's Alt+Enter writes it): a comma, a semicolon, a quote, CR or LF. Quoting both
 * separators lets a reader that guesses the separator (or a person) never split a cell.
 */
const QUOTE = /[,;"\r\n]/;

/**
 * Rows as CSV text (RFC 4180): cells separated by `separator`, records ended by CRLF, a
 * cell quoted when it holds a comma, a semicolon, a quote, CR or LF, quotes doubled.
 */
export function csvText(rows: readonly (readonly string[])[], separator: CsvSeparator): string {
  return stringify(
    rows.map((row) => [...row]),
    { delimiter: separator, record_delimiter: 'windows', quoted_match: QUOTE },
  );
}
