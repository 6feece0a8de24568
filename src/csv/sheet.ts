import { CalendarDate } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { CsvProblems, readSheet } from './rows.js';
import { mapHeaders, type SheetColumns, type SheetField } from './sheet-headers.js';
import { assembleSheetPlan } from './sheet-plan.js';
import { readSheetRows } from './sheet-rows.js';
import type { CsvPlan } from './tables.js';

// A flat sheet is read in three parts: its headers are mapped to fields (sheet-headers),
// each row is read into a key result or the problems of its cells (sheet-rows), and the
// rows are assembled into a plan with ids and parents (sheet-plan).

/** Options for {@link readPlanSheet}. @category Spreadsheets */
export interface ReadPlanSheetOptions {
  /** The file name used in messages (default `sheet.csv`). */
  readonly file?: string;
  /**
   * The date of the `current` values when the sheet has no `updated` column (or the
   * cell is empty), typically the report's as-of date; it is moved into the row's cycle.
   */
  readonly checkInDate?: string;
  /** Called every 50,000 rows with the rows read so far and the total, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Reads a plan from one flat sheet, the layout of the seeds' templates: a row per key
 * result with columns objective, key result, start, target, current, weight, owner and
 * cycle (English or Vietnamese headers, any order, other columns ignored), and
 * optionally department, parent (the title of the objective it supports), measure and
 * updated. A blank objective, cycle or department repeats the row above (merged cells).
 * Cycles are written like `Q3 2026`, `H1 2026`, `2026-07` or `2026`; `start` defaults
 * to 0; a number may end in `%`, which becomes the key result's unit. Each key result is
 * a metric key result, and `current` becomes its check-in.
 *
 * @param text - The sheet's CSV text (`,`, `;` or tab separated; a byte-order mark is fine).
 * @param options - `file`, `checkInDate`, `onProgress`.
 * @returns The plan as read, with `locate` to point at the cell behind a path.
 * @throws {OkrkitError} `invalid_csv` listing every missing column and bad cell, each at
 *   `[file, line, column]`; `invalid_argument` for bad options.
 * @example
 * const read = readPlanSheet('objective,key result,start,target,current,cycle\nGrow sales,Revenue (bn VND),0,20,12,Q3 2026\n', { checkInDate: '2026-08-15' });
 * evaluate(parsePlan(read.input), { asOf: '2026-08-15' }).keyResults['o1-kr1'].score
 * //=> 0.6
 * @category Spreadsheets
 */
export function readPlanSheet(text: string, options: ReadPlanSheetOptions = {}): CsvPlan {
  const file = options.file ?? 'sheet.csv';
  const checkInDate = options.checkInDate === undefined ? undefined : parseArgument(CalendarDate, options.checkInDate, 'options.checkInDate');
  if (typeof text !== 'string') invalidArgument('arg.required', { name: 'text' });
  const problems = new CsvProblems();
  const sheet = readSheet(text, file, problems);
  problems.throwIfAny();
  const columns = mapHeaders(sheet.header, file, problems);
  problems.throwIfAny();
  const rows = readSheetRows(sheet, { file, columns, problems, checkInDate }, options.onProgress);
  const { input, lines } = assembleSheetPlan(rows, file, columns, problems);
  problems.throwIfAny();
  return { input, locate: sheetLocator(file, lines, columns) };
}

/** The column behind each field of the records a sheet gives. */
const FIELD_COLUMN: ReadonlyMap<string, ReadonlyMap<string, SheetField>> = new Map([
  ['objectives', new Map<string, SheetField>([['title', 'objective'], ['cycleId', 'cycle'], ['unitId', 'department'], ['parentId', 'parent']])],
  [
    'keyResults',
    new Map<string, SheetField>([['title', 'keyResult'], ['start', 'start'], ['target', 'target'], ['weight', 'weight'], ['ownerId', 'owner'], ['unit', 'measure']]),
  ],
  ['checkIns', new Map<string, SheetField>([['value', 'current'], ['at', 'updated']])],
]);

/** `locate` for a sheet: a plan path to the line of its record and the column of its field. */
function sheetLocator(file: string, lines: ReadonlyMap<string, readonly number[]>, columns: SheetColumns): CsvPlan['locate'] {
  return (path) => {
    const [head, i, field] = path;
    if (typeof head !== 'string' || typeof i !== 'number') return null;
    const line = lines.get(head)?.[i];
    if (line === undefined) return null;
    const f = head === 'cycles' ? 'cycle' : head === 'units' ? 'department' : typeof field === 'string' ? FIELD_COLUMN.get(head)?.get(field) : undefined;
    return { file, line, column: f === undefined ? null : columns.column(f) };
  };
}
