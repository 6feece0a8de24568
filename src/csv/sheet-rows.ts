import { msg, type Message } from '../messages/message.js';
import type { OkrkitIssueCode } from '../messages/okrkit-error.js';
import { Dec } from '../_lib/numeric.js';
import { readNumber } from './cells.js';
import { cycleFromLabel, type LabelledCycle } from './cycle-label.js';
import type { NumberContext } from './number-format.js';
import { readDate, type DateContext } from './sheet-dates.js';
import type { CsvProblems, Row, Sheet } from './rows.js';
import type { SheetColumns, SheetField } from './sheet-headers.js';

/** A number as a sheet's cell gives it: a number, or a decimal string a double cannot hold exactly. */
type SheetNumber = number | string;

/** A row that names an objective, with its merged cells filled in from the rows above. */
export interface SheetRow {
  readonly line: number;
  readonly objective: string;
  readonly cycle: LabelledCycle;
  /** The department's name; empty for none. */
  readonly department: string;
  /** The title of the objective this one supports; empty for none. */
  readonly parent: string;
  /** The row's key result; null when the row names none, or when a cell of it is wrong (the problem says which). */
  readonly keyResult: KeyResultRow | null;
}

/** A key result as one row of a sheet writes it: a metric key result, and its current value as a check-in. */
export interface KeyResultRow {
  readonly title: string;
  readonly start: SheetNumber;
  readonly target: SheetNumber;
  /** The measure column, else `%` when a number was written with one; null for neither. */
  readonly unit: string | null;
  /** A number, or 'target' (weigh by the target's size). */
  readonly weight: SheetNumber | null;
  /** Empty for none. */
  readonly owner: string;
  readonly checkIn: { readonly at: string; readonly value: SheetNumber } | null;
}

/** What reading a row needs besides the row. */
export interface RowContext {
  readonly file: string;
  readonly columns: SheetColumns;
  readonly problems: CsvProblems;
  /** The date for `current` values without an `updated` cell; moved into the row's cycle. */
  readonly checkInDate: string | undefined;
  /** How the number cells are written. */
  readonly numbers: NumberContext;
  /** How the `updated` column's dates are written. */
  readonly dates: DateContext;
}

/** The cells that merged cells leave blank on the rows below the first; they repeat from above. */
interface Merged {
  readonly objective: string;
  readonly cycle: string;
  readonly department: string;
}

const NONE: Merged = { objective: '', cycle: '', department: '' };

const problem = (context: RowContext, row: Row, field: SheetField, code: OkrkitIssueCode, message: Message): void =>
  context.problems.add(context.file, row.line, context.columns.column(field), code, message);

/**
 * Reads the rows of a flat sheet in order. A row with neither objective nor key result is
 * skipped (and does not count as "above"); a row whose objective or cycle is missing or
 * wrong is left out, and its problem added.
 */
export function readSheetRows(sheet: Sheet, context: RowContext, onProgress?: (done: number, total: number) => void): SheetRow[] {
  const read: SheetRow[] = [];
  let above = NONE;
  let done = 0;
  for (const row of sheet.rows) {
    if (onProgress !== undefined && ++done % 50_000 === 0) onProgress(done, sheet.rows.length);
    const { cell } = context.columns;
    const own = { objective: cell(row, 'objective'), cycle: cell(row, 'cycle'), department: cell(row, 'department') };
    if (own.objective === '' && cell(row, 'keyResult') === '') continue;
    above = {
      objective: own.objective || above.objective,
      cycle: own.cycle || above.cycle,
      department: own.department || above.department,
    };
    const sheetRow = readRow(row, above, context);
    if (sheetRow !== null) read.push(sheetRow);
  }
  return read;
}

/** A row read; every problem of its cells is added, not only the first. */
function readRow(row: Row, here: Merged, context: RowContext): SheetRow | null {
  if (here.objective === '') problem(context, row, 'objective', 'missing', msg('csv.required'));
  let cycle: LabelledCycle | null = null;
  if (here.cycle === '') problem(context, row, 'cycle', 'missing', msg('csv.required'));
  else {
    cycle = cycleFromLabel(here.cycle);
    if (cycle === null) problem(context, row, 'cycle', 'invalid_value', msg('csv.cycle', { value: here.cycle }));
  }
  const { cell } = context.columns;
  const title = cell(row, 'keyResult');
  if (title === '') valuesWithoutKeyResult(row, context);
  const keyResult = title === '' ? null : readKeyResult(row, title, cycle, context);
  if (here.objective === '' || cycle === null) return null;
  return { line: row.line, objective: here.objective, cycle, department: here.department, parent: cell(row, 'parent'), keyResult };
}

/** The cells of a key result, which a row without one must leave empty. */
const KEY_RESULT_CELLS: readonly SheetField[] = ['start', 'target', 'current', 'weight', 'owner', 'measure', 'updated'];

/** A row without a key result names an objective: a key result's value there would be dropped, so each one is a problem. */
function valuesWithoutKeyResult(row: Row, context: RowContext): void {
  for (const field of KEY_RESULT_CELLS) {
    const value = context.columns.cell(row, field);
    if (value !== '') problem(context, row, field, 'invalid_value', msg('csv.keyResultMissing', { field: context.columns.column(field), value }));
  }
}

/** A number cell; a trailing `%` is noted (it becomes the key result's unit). Null when empty or wrong. */
function readNumberCell(row: Row, field: SheetField, context: RowContext): { value: SheetNumber; percent: boolean } | null {
  const raw = context.columns.cell(row, field);
  if (raw === '') return null;
  const percent = raw.endsWith('%');
  const read = readNumber(percent ? raw.slice(0, -1) : raw, context.columns.typed(row, field) ? 'point' : context.numbers);
  if (!read.ok) {
    problem(context, row, field, 'invalid_number', read.message);
    return null;
  }
  return { value: read.value, percent };
}

/** A percentage's fraction (50 → 0.5): a number when a double holds it exactly, else its decimal text. */
function fraction(percent: SheetNumber): SheetNumber {
  const exact = new Dec(String(percent)).div(100).toFixed();
  return String(Number(exact)) === exact ? Number(exact) : exact;
}

/** The words a weight cell may hold to weigh a key result by its target. */
const TARGET_WEIGHT = new Set(['target', 'chỉ tiêu', 'chi tieu']);

function readKeyResult(row: Row, title: string, cycle: LabelledCycle | null, context: RowContext): KeyResultRow | null {
  const { cell } = context.columns;
  const problemsBefore = context.problems.size;
  const start = readNumberCell(row, 'start', context);
  const target = readNumberCell(row, 'target', context);
  const current = readNumberCell(row, 'current', context);
  const byTarget = TARGET_WEIGHT.has(cell(row, 'weight').trim().toLowerCase());
  const weight = byTarget ? null : readNumberCell(row, 'weight', context);
  if (target === null && cell(row, 'target') === '') problem(context, row, 'target', 'missing', msg('csv.required'));
  // The date is checked even when the current value is wrong, so one round shows both.
  const at = checkInDate(row, cycle, context);
  if (target === null || cycle === null || context.problems.size > problemsBefore) return null;
  const measure = cell(row, 'measure');
  return {
    title,
    start: start?.value ?? 0,
    target: target.value,
    unit: measure !== '' ? measure : start?.percent || target.percent || current?.percent ? '%' : null,
    // A weight shown as a percentage is its fraction (50% weighs as 0.5), beside weights written plainly.
    weight: byTarget ? 'target' : weight === null ? null : weight.percent ? fraction(weight.value) : weight.value,
    owner: cell(row, 'owner'),
    checkIn: current === null || at === null ? null : { at, value: current.value },
  };
}

/**
 * When the row's current value was read: its `updated` cell, else the check-in date moved into
 * the cycle. Null when the row has no current value, or the date cannot be had (the problem says why).
 */
function checkInDate(row: Row, cycle: LabelledCycle | null, context: RowContext): string | null {
  const { cell } = context.columns;
  const updated = cell(row, 'updated');
  if (updated !== '') {
    const read = readDate(updated, context.dates);
    if (!read.ok) problem(context, row, 'updated', 'invalid_date', read.message);
    return read.ok && cell(row, 'current') !== '' ? read.value : null;
  }
  if (cell(row, 'current') === '') return null;
  const date = context.checkInDate;
  if (date === undefined) {
    problem(context, row, 'current', 'missing', msg('csv.checkInDate'));
    return null;
  }
  if (cycle === null) return null;
  return date < cycle.start ? cycle.start : date > cycle.end ? cycle.end : date;
}
