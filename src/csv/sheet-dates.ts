import { CalendarDate, Timestamp } from '../index.js';
import { msg, type Message } from '../messages/message.js';
import { invalidArgument } from '../messages/okrkit-error.js';

/**
 * How the dates of a sheet are written: `2026-11-15` (the default) or `15/11/2026`.
 *
 * @example
 * readPlanSheet('objective;key result;target;current;cycle;updated\nGrow;Revenue;20;12;Q4 2026;5/11/2026\n', { dateFormat: 'dd/mm/yyyy' }).input.checkIns[0].at
 * //=> '2026-11-05'
 * @category Spreadsheets
 */
export type DateFormat = 'yyyy-mm-dd' | 'dd/mm/yyyy';

/** A date's format in a column: known, or `unknown` when it has `d/m/yyyy` dates and no setting or day above 12 says which. */
export type DateContext = DateFormat | 'unknown';

const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Checks a `dateFormat` option. */
export function dateFormatOption(value: unknown, name: string): DateFormat | undefined {
  if (value === undefined || value === 'yyyy-mm-dd' || value === 'dd/mm/yyyy') return value;
  return invalidArgument('arg.oneOf', { name, options: "'yyyy-mm-dd', 'dd/mm/yyyy'", value: typeof value === 'string' ? `'${value}'` : `a ${typeof value}` });
}

/**
 * The date format of a column: the setting when given; else `dd/mm/yyyy` when a cell written
 * `a/b/yyyy` has a first part above 12 (so it can only be the day); else `unknown` when some cell
 * is written `a/b/yyyy` (day/month or month/day cannot be told, and month/day is never guessed);
 * else `yyyy-mm-dd`.
 */
export function dateContext(cells: readonly string[], setting: DateFormat | undefined): DateContext {
  if (setting !== undefined) return setting;
  let slashed = false;
  for (const cell of cells) {
    const m = SLASHED.exec(cell.trim());
    if (m === null) continue;
    if (Number(m[1]) > 12) return 'dd/mm/yyyy';
    slashed = true;
  }
  return slashed ? 'unknown' : 'yyyy-mm-dd';
}

/** The columns of the CSV tables that hold a date (`at` a date or a timestamp). */
export const TABLE_DATE_COLUMNS: ReadonlySet<string> = new Set(['start', 'end', 'at', 'due', 'timeframe.start', 'timeframe.end']);

/**
 * A table's date cell written with slashes (`15/11/2026`), read as an ISO date with the
 * `dd/mm/yyyy` setting, else the problem asking for it; null for any other cell, which is
 * read as text (an ISO date or timestamp, checked by `parsePlan`).
 */
export function readTableDate(text: string, setting: DateFormat | undefined): ReturnType<typeof readDate> | null {
  if (!SLASHED.test(text.trim())) return null;
  if (setting === 'dd/mm/yyyy') return readDate(text, setting);
  return { ok: false, message: msg('csv.dateNeedsFormat', { value: text }) };
}

/**
 * A date cell read as an ISO date or timestamp, or the problem (which echoes the cell).
 * ISO dates and timestamps are read in every context; `d/m/yyyy` only as day/month.
 */
export function readDate(text: string, context: DateContext): { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: Message } {
  const s = text.trim();
  if (Timestamp.safeParse(s).success) return { ok: true, value: s };
  const m = SLASHED.exec(s);
  if (m !== null && context === 'unknown') return { ok: false, message: msg('csv.dateAmbiguous', { value: text }) };
  if (m !== null && context === 'dd/mm/yyyy') {
    const iso = `${m[3] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
    if (CalendarDate.safeParse(iso).success) return { ok: true, value: iso };
  }
  // The day-first hint only for a date written with slashes: `2026-13-01` is no date, whatever the column's format.
  return { ok: false, message: msg(m !== null && context === 'dd/mm/yyyy' ? 'csv.dateDayFirst' : 'csv.date', { value: text }) };
}
