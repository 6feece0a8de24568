import { CalendarDate, type Locale } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { decimalOption, looksVietnamese, numberContext, type DecimalMark, type NumberContext } from './number-format.js';
import { CsvProblems, readSheet, type Sheet } from './rows.js';
import { dateContext, dateFormatOption, type DateFormat } from './sheet-dates.js';
import { hasRequiredHeaders, mapHeaders, type SheetColumns, type SheetField } from './sheet-headers.js';
import { assembleSheetPlan } from './sheet-plan.js';
import { readSheetRows } from './sheet-rows.js';
import type { CsvPlan } from './read-tables.js';

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
   * under `locale: 'vi'`, takes a number with one mark only when that mark cannot be grouping
   * thousands (1 to 3 leading digits, not a lone 0, then exactly three digits: `0,5`, `2.75` and
   * `1234.125` are read, `1.500` is an error asking for this setting), and a number with two
   * marks only with this setting. Never a guess.
   */
  readonly decimal?: DecimalMark;
  /**
   * How the `updated` dates are written: `yyyy-mm-dd` or `dd/mm/yyyy` (`d/m/yyyy` too).
   * Without it, a column with a date such as `15/11/2026` (a first part above 12) is read
   * day first; `a/b/yyyy` dates that could be either are errors asking for this setting
   * (month first is never guessed). ISO dates are read with either setting.
   */
  readonly dateFormat?: DateFormat;
  /**
   * The language of the person who made the sheet: under `vi` the decimal mark is not assumed
   * (see `decimal`), and a missing column is named by its Vietnamese header too.
   */
  readonly locale?: Locale;
}

/**
 * Reads a plan from one flat sheet, the layout of the seeds' templates: a row per key
 * result with columns objective, key result, start, target, current, weight, owner and
 * cycle (English or Vietnamese headers, any order, other columns ignored; the header row
 * is the first of the first 20 lines that names the required columns, so title rows may
 * come above it, and lines are counted as the file has them), and
 * optionally department, parent (the title of the objective it supports), measure and
 * updated. A blank objective, cycle or department repeats the row above (merged cells).
 * Headers may be bilingual, such as `Mục tiêu (Objective)`. Cycles are written like
 * `Q3 2026`, `Q4/2026`, `Quý IV/2026`, `Quý 4 năm 2026`, `H1 2026`, `2026-07` or `2026`, and a cycle is
 * named as written; two spellings of one period (`Quý IV/2026`, `Q4 2026`) are one cycle, named
 * by the first. `start` defaults
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
  // The header row may have title rows above it (`KẾ HOẠCH OKR`), as offices make sheets.
  const sheet = readSheet(text, file, problems, hasRequiredHeaders);
  problems.throwIfAny();
  // A sheet whose first lines are Vietnamese was made by a Vietnamese user, whatever the reader's language.
  const numbers = numberContext(text, decimal, looksVietnamese(text) ? 'vi' : options.locale, true);
  const { headerLine } = sheet;
  return readFlatSheet(sheet, { file, headerLine, checkInDate, numbers, dateFormat, onProgress: options.onProgress, locale: options.locale }, problems);
}

/** What {@link readFlatSheet} needs besides the sheet: its options, checked. */
export interface FlatSheetOptions {
  /** The name in messages and locations: a CSV file's, or `book.xlsx › sheet` for a workbook's sheet. */
  readonly file: string;
  /** The workbook's sheet the rows come from, for `CsvLocation.sheet`; undefined for CSV. */
  readonly sheet?: string;
  /** The line of the header row (1 unless a workbook's sheet has rows above it). */
  readonly headerLine?: number;
  readonly checkInDate: string | undefined;
  readonly numbers: NumberContext;
  readonly dateFormat: DateFormat | undefined;
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
  /** The reader's language: under `vi` a missing column is named by its Vietnamese header too. */
  readonly locale?: Locale | undefined;
}

/**
 * Reads a plan from the rows of a flat sheet (CSV text split by {@link readSheet}, or a
 * workbook's sheet as text cells): maps its headers, reads each row and assembles the
 * plan. Throws `invalid_csv` with every problem, those already in `problems` included.
 */
export function readFlatSheet(sheet: Sheet, options: FlatSheetOptions, problems: CsvProblems): CsvPlan {
  const { file } = options;
  const columns = mapHeaders(sheet.header, file, problems, options.headerLine, options.locale);
  problems.throwIfAny();
  const dates = dateContext(sheet.rows.map((row) => columns.cell(row, 'updated')), options.dateFormat);
  const context = { file, columns, problems, checkInDate: options.checkInDate, numbers: options.numbers, dates };
  const rows = readSheetRows(sheet, context, options.onProgress);
  const { input, lines } = assembleSheetPlan(rows, file, columns, problems);
  problems.throwIfAny();
  return { input, locate: sheetLocator(file, options.sheet, lines, columns) };
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
function sheetLocator(file: string, sheet: string | undefined, lines: ReadonlyMap<string, readonly number[]>, columns: SheetColumns): CsvPlan['locate'] {
  return (path) => {
    const [head, i, field] = path;
    if (typeof head !== 'string' || typeof i !== 'number') return null;
    const line = lines.get(head)?.[i];
    if (line === undefined) return null;
    const f = head === 'cycles' ? 'cycle' : head === 'units' ? 'department' : typeof field === 'string' ? FIELD_COLUMN.get(head)?.get(field) : undefined;
    const column = f === undefined ? null : columns.column(f);
    return sheet === undefined ? { file, line, column } : { file, line, column, sheet };
  };
}
