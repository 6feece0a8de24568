import { CalendarDate, type Locale } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { decimalOption, numberContext, type DecimalMark } from './number-format.js';
import { CsvProblems, readSheet } from './rows.js';
import { dateContext, dateFormatOption, type DateFormat } from './sheet-dates.js';
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
  /**
   * The decimal mark of the number cells: `.` (`1,500.5`; a `,` may group thousands) or `,`
   * (`1.500,5`; a `.` may group thousands). Without it a `,`-separated sheet is read with a
   * decimal point and no thousands separators; a `;` or tab separated one, or any sheet
   * under `locale: 'vi'`, takes a number with one mark only when that mark is not followed
   * by exactly three digits (`0,5` and `2.75` are read, `1.500` is an error asking for this
   * setting), and a number with two marks only with this setting. Never a guess.
   */
  readonly decimal?: DecimalMark;
  /**
   * How the `updated` dates are written: `yyyy-mm-dd` or `dd/mm/yyyy` (`d/m/yyyy` too).
   * Without it, a column with a date such as `15/11/2026` (a first part above 12) is read
   * day first; `a/b/yyyy` dates that could be either are errors asking for this setting
   * (month first is never guessed). ISO dates are read with either setting.
   */
  readonly dateFormat?: DateFormat;
  /** The language of the person who made the sheet: under `vi` the decimal mark is not assumed (see `decimal`). */
  readonly locale?: Locale;
}

/**
 * Reads a plan from one flat sheet, the layout of the seeds' templates: a row per key
 * result with columns objective, key result, start, target, current, weight, owner and
 * cycle (English or Vietnamese headers, any order, other columns ignored), and
 * optionally department, parent (the title of the objective it supports), measure and
 * updated. A blank objective, cycle or department repeats the row above (merged cells).
 * Headers may be bilingual, such as `Mục tiêu (Objective)`. Cycles are written like
 * `Q3 2026`, `Q4/2026`, `Quý IV/2026`, `Quý 4 năm 2026`, `H1 2026`, `2026-07` or `2026`; `start` defaults
 * to 0; a number may end in `%`, which becomes the key result's unit. Each key result is
 * a metric key result, and `current` becomes its check-in.
 *
 * @param text - The sheet's CSV text (`,`, `;` or tab separated; a byte-order mark is fine).
 * @param options - `file`, `checkInDate`, `onProgress`, `decimal`, `dateFormat`, `locale`.
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
  const decimal = decimalOption(options.decimal, 'options.decimal');
  const dateFormat = dateFormatOption(options.dateFormat, 'options.dateFormat');
  const problems = new CsvProblems();
  const sheet = readSheet(text, file, problems);
  problems.throwIfAny();
  const columns = mapHeaders(sheet.header, file, problems);
  problems.throwIfAny();
  const numbers = numberContext(text, decimal, options.locale);
  const dates = dateContext(sheet.rows.map((row) => columns.cell(row, 'updated')), dateFormat);
  const rows = readSheetRows(sheet, { file, columns, problems, checkInDate, numbers, dates }, options.onProgress);
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
