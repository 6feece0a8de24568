import { invalidArgument } from '../messages/okrkit-error.js';
import { msg } from '../messages/message.js';
import { writeCell } from './cells.js';
import { EXTRA, TABLES, type CellType, type TableLayout } from './columns.js';
import { getPath, isRecord } from './extra.js';
import { decimalOption, numberContext, type DecimalMark } from './number-format.js';
import { readTableSheets, type CsvPlan, type TableSource } from './read-tables.js';
import { CsvProblems, readSheet, writeSheet } from './rows.js';
import { dateFormatOption, type DateFormat } from './sheet-dates.js';
import { separatorOf, type CsvSeparator } from './write.js';

/** Options for {@link writePlanCsv}. @category Spreadsheets */
export interface WritePlanCsvOptions {
  /** Start each file with a UTF-8 byte-order mark so Excel shows Vietnamese text right (default true). */
  readonly bom?: boolean;
  /**
   * The separator between cells: `,` (the default, RFC 4180) or `;`, which Excel with
   * Vietnamese and many European regional settings opens into columns. Either way a
   * cell holding a comma, a semicolon, a quote or a line break is quoted.
   */
  readonly separator?: CsvSeparator;
  /**
   * The decimal mark of the number cells: `,` by default with the `;` separator (what
   * Excel with Vietnamese regional settings reads as a number), `.` with `,` (a `,`
   * decimal mark with the `,` separator is refused as `invalid_argument`). Numbers are
   * never grouped in thousands. With `;` a number that could be read as grouped thousands
   * (`123,456`, `123.456`) gets a trailing zero (`123,4560`, the same number), so
   * {@link readPlanCsv} reads every file back exactly with or without its `decimal` setting.
   */
  readonly decimal?: DecimalMark;
}

/** Options for {@link readPlanCsv}. @category Spreadsheets */
export interface ReadPlanCsvOptions {
  /**
   * The decimal mark of the number cells, `.` or `,` (the other mark may then group
   * thousands in threes: `1,500.5`, `1.500,5`). Without it a `,`-separated file is read
   * with a decimal point and no thousands separators (`1500.5`; a number with a `,` is an
   * error asking for this setting), and a `;` or tab separated one (Excel's layout where
   * the decimal mark is often a comma) takes a number with one mark only when the mark
   * cannot be grouping thousands (`0,5`, `2.75`, `1234.125` are read; `1.500` is an error
   * asking for this setting, never 1.5), and a number with two marks only with this
   * setting. Either way the files {@link writePlanCsv} writes read back exactly.
   */
  readonly decimal?: DecimalMark;
  /**
   * How the date columns (`start`, `end`, `due`, `at`, `timeframe.start`, `timeframe.end`)
   * write their dates: `yyyy-mm-dd` (the default) or `dd/mm/yyyy` (`d/m/yyyy` too), as
   * Excel with Vietnamese settings saves them. ISO dates, and timestamps with a time, are
   * read either way; without `dd/mm/yyyy` a date such as `15/11/2026` is an error at its
   * cell asking for it (day and month are never guessed).
   */
  readonly dateFormat?: DateFormat;
}

/** The table files okrkit reads and writes, in order. @category Spreadsheets */
export const CSV_TABLE_FILES: readonly string[] = TABLES.map((t) => t.file);

type Rec = Readonly<Record<string, unknown>>;

/** The record without the fields written in named columns; undefined when nothing is left. */
function leftover(value: unknown, written: ReadonlySet<string>, prefix: string): unknown {
  if (!isRecord(value)) return written.has(prefix) ? undefined : value;
  if (prefix !== '' && written.has(prefix)) return undefined;
  const out: Record<string, unknown> = {};
  let any = false;
  for (const key of Object.keys(value)) {
    const rest = leftover(value[key], written, prefix === '' ? key : `${prefix}.${key}`);
    if (rest !== undefined) {
      Object.defineProperty(out, key, { value: rest, enumerable: true, writable: true, configurable: true });
      any = true;
    }
  }
  return any ? out : undefined;
}

/** The items of a plan's collection, each checked to be a record when its table is written. */
function recordsOf(plan: Rec, table: TableLayout): readonly unknown[] {
  if (table.collection === 'plan') {
    const own: Record<string, unknown> = {};
    if (plan.name !== undefined) own.name = plan.name;
    if (plan.meta !== undefined) own.meta = plan.meta;
    return Object.keys(own).length === 0 ? [] : [own];
  }
  const list = plan[table.collection];
  if (list === undefined) return [];
  if (!Array.isArray(list)) invalidArgument('arg.array', { name: `plan.${table.collection}` });
  return list;
}

/** A table's cells as {@link writePlanCsv} writes them, before they are joined into CSV text. */
export interface TableGrid {
  /** The columns in use, by header. */
  readonly header: readonly string[];
  /** Each column's type (`json` for `extra`). */
  readonly types: readonly CellType[];
  /** The cells, `''` for empty; text starts with `'` when it would read as a formula (see `writeCell`). */
  readonly rows: readonly (readonly string[])[];
}

/** A table's cells: only the columns in use, the fields no column names in `extra`. */
function tableGrid(records: readonly unknown[], table: TableLayout): TableGrid {
  const cells: (string | undefined)[][] = [];
  const used = new Array<boolean>(table.columns.length + 1).fill(false);
  for (const record of records) {
    if (!isRecord(record)) invalidArgument('arg.object', { name: `an item of plan.${table.collection}` });
    const row: (string | undefined)[] = [];
    const written = new Set<string>();
    table.columns.forEach((column, i) => {
      const value = getPath(record, column.name.split('.'));
      const text = value === undefined ? undefined : writeCell(value, column.type);
      if (text !== undefined) {
        written.add(column.name);
        used[i] = true;
      }
      row.push(text);
    });
    const rest = leftover(record, written, '');
    if (rest !== undefined) used[table.columns.length] = true;
    row.push(rest === undefined ? undefined : JSON.stringify(rest));
    cells.push(row);
  }
  // Always keep the id-like first columns, so an empty table still shows its layout.
  const all = [...table.columns, { name: EXTRA, type: 'json' as const }];
  const keep = all.map((_, i) => used[i] === true || i < 2);
  return {
    header: all.filter((_, i) => keep[i]).map((c) => c.name),
    types: all.filter((_, i) => keep[i]).map((c) => c.type),
    rows: cells.map((row) => row.filter((_, i) => keep[i]).map((c) => c ?? '')),
  };
}

/** A plan's non-empty tables, in order, each with its cells; `invalid_argument` for a value nested too deep to write. */
export function planTables(plan: object): { readonly table: TableLayout; readonly grid: TableGrid }[] {
  if (!isRecord(plan)) invalidArgument('arg.plan');
  const out: { table: TableLayout; grid: TableGrid }[] = [];
  for (const table of TABLES) {
    const records = recordsOf(plan, table);
    if (records.length === 0) continue;
    try {
      out.push({ table, grid: tableGrid(records, table) });
    } catch (error) {
      // JSON.stringify and the field walk overflow the stack on a value nested thousands deep, which parsePlan rejects.
      if (error instanceof RangeError) invalidArgument('arg.unparsedPlan', { reason: `a value in ${table.collection} is nested too deep to write` });
      throw error;
    }
  }
  return out;
}

/**
 * Writes a plan as spreadsheet tables: one CSV text per collection (`cycles.csv`,
 * `objectives.csv`, `key-results.csv`, `check-ins.csv`, `kpis.csv`…), with only the
 * columns in use. Nested fields are dotted columns (`target.value`), lists are JSON in
 * one cell, and anything else a record holds is kept in an `extra` column, so
 * {@link readPlanCsv} gives the same plan back.
 *
 * @param plan - A plan (parsed or as written).
 * @param options - `bom` (default true), `separator` (`,` by default, or `;`), `decimal`
 *   (`,` with `;`, `.` with `,` by default).
 * @returns The CSV text of each non-empty table, by file name.
 * @throws {OkrkitError} `invalid_argument` when `plan` is not a plan object, holds a value
 *   nested too deep to write (which `parsePlan` rejects), or the options are not valid
 *   (a `,` decimal mark with the `,` separator among them).
 * @example
 * const files = writePlanCsv(plan);
 * Object.keys(files)
 * //=> ['plan.csv', 'cycles.csv', 'units.csv', 'objectives.csv', 'key-results.csv', 'check-ins.csv']
 * @category Spreadsheets
 */
export function writePlanCsv(plan: object, options: WritePlanCsvOptions = {}): Record<string, string> {
  if (!isRecord(plan)) invalidArgument('arg.plan');
  const separator = separatorOf(options);
  const decimal = decimalOption(options.decimal, 'options.decimal') ?? (separator === ';' ? ',' : '.');
  if (separator === ',' && decimal === ',') invalidArgument('arg.decimalSeparator');
  const bom = options.bom ?? true;
  const files: Record<string, string> = {};
  for (const { table, grid } of planTables(plan)) files[table.file] = writeSheet(grid.header, localNumbers(grid, separator, decimal), bom, separator);
  return files;
}

/** A number written with one mark that a `;` file's reader (no `decimal` setting) could take for grouped thousands. */
const GROUPING_LIKE = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

/**
 * The cells of a file with the number cells written with `decimal`; in a `;` file a number
 * such as `123,456` gets a trailing zero (`123,4560`, the same number), which cannot be
 * grouped thousands, so the file reads back without a setting.
 */
function localNumbers(grid: TableGrid, separator: CsvSeparator, decimal: DecimalMark): readonly (readonly string[])[] {
  if (separator === ',' && decimal === '.') return grid.rows;
  return grid.rows.map((row) =>
    row.map((cell, i) => {
      const type = grid.types[i];
      if ((type !== 'number' && type !== 'weight') || cell === 'target') return cell;
      const local = decimal === ',' ? cell.replace('.', ',') : cell;
      return GROUPING_LIKE.test(local) ? `${local}0` : local;
    }),
  );
}

/**
 * Reads a plan from spreadsheet tables, the layout {@link writePlanCsv} writes: CSV
 * text by file name (`objectives.csv`, `key-results.csv`…; any may be left out).
 * Cells are read by their column's type; a leading byte-order mark, `;` or tab
 * separators (Excel in many locales; each file's header line tells which: the one found
 * most often outside quotes) and quoted line breaks are handled.
 *
 * @param files - CSV text by file name.
 * @param options - `decimal`, `dateFormat`.
 * @returns The plan as read, with `locate` to point at the cell behind a path.
 * @throws {OkrkitError} `invalid_csv` listing every unreadable file, unknown column and
 *   bad cell, each at `[file, line, column]`; `invalid_argument` when `files` is not an object.
 * @example
 * const read = readPlanCsv({ 'objectives.csv': 'id,title,cycleId\no1,Grow sales,q3\n', … });
 * const result = safeParsePlan(read.input);
 * if (!result.success) result.error.issues.map((i) => read.locate(i.path))
 * //=> [{ file: 'key-results.csv', line: 4, column: 'target' }, …]
 * @category Spreadsheets
 */
export function readPlanCsv(files: Readonly<Record<string, string>>, options: ReadPlanCsvOptions = {}): CsvPlan {
  if (!isRecord(files)) invalidArgument('arg.object', { name: 'files' });
  const decimal = decimalOption(options.decimal, 'options.decimal');
  const dateFormat = dateFormatOption(options.dateFormat, 'options.dateFormat');
  const problems = new CsvProblems();
  // File names are matched without regard to case (Objectives.csv from Windows is objectives.csv).
  const byFile = new Map(TABLES.map((t) => [t.file, t]));
  // A generator, so each file's problems come in the files' order.
  function* sources(): Generator<TableSource> {
    for (const [file, text] of Object.entries(files)) {
      const table = byFile.get(file.toLowerCase());
      if (table === undefined) problems.add(file, 0, null, 'unknown_file', msg('csv.unknownFile', { file, options: CSV_TABLE_FILES.join(', ') }));
      // Each file in its own context: a `;` file may be Excel's, with a decimal comma.
      else yield { file, table, sheet: readSheet(text, file, problems), numbers: numberContext(text, decimal, undefined) };
    }
  }
  return readTableSheets(sources(), problems, decimal ?? 'point', dateFormat);
}
