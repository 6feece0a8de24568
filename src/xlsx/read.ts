import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { CalendarDate, safeParsePlan, type Locale } from '../index.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { msg, type Message } from '../messages/message.js';
import { invalidArgument, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { TABLES, type TableLayout } from '../csv/columns.js';
import { decimalOption, type DecimalMark } from '../csv/number-format.js';
import { readTableSheets, type CsvPlan, type TableSource } from '../csv/read-tables.js';
import { CsvProblems, type Row, type Sheet } from '../csv/rows.js';
import { dateFormatOption, type DateFormat } from '../csv/sheet-dates.js';
import { fieldOfHeader, hasRequiredHeaders } from '../csv/sheet-headers.js';
import { readFlatSheet } from '../csv/sheet.js';
import { dateProblem, headerTexts, readRows, type ReadRow } from './cells.js';
import { compareFlat } from './compare.js';
import { layoutsEdited } from './fingerprint.js';
import { withoutIsoDates } from './iso-dates.js';
import { percentCells, type PercentCells } from './number-formats.js';
import { mixedPercents } from './percent-rows.js';
import { checkWorkbookZip } from './zip.js';

/** Options for {@link readPlanXlsx}. @category Spreadsheets */
export interface ReadPlanXlsxOptions {
  /** The file name used in messages and locations (default `plan.xlsx`); a sheet's cells are at `plan.xlsx › sheet`. */
  readonly file?: string;
  /** As `readPlanSheet`'s: the date of the flat sheet's `current` values that have no `updated` cell. */
  readonly checkInDate?: string;
  /**
   * The decimal mark of numbers typed as text (`1.500,5` with `,`); typed numbers need none.
   * Without it, text numbers (in the flat sheet and the table sheets) are read as
   * `readPlanSheet` reads a `;`-separated sheet: one mark, unless it could also group
   * thousands (`0,5` and `1234.125` are read; `1.500` is an error asking for it).
   */
  readonly decimal?: DecimalMark;
  /** As `readPlanSheet`'s: how dates typed as text in the `updated` column are written; typed dates need none. */
  readonly dateFormat?: DateFormat;
  /** The language of the person who made the workbook (accepted as `readPlanSheet`'s; a workbook's text numbers are read without assuming a mark). */
  readonly locale?: Locale;
}

/** Problems by cell, the first at each cell kept: a workbook cell's own problem is not repeated by the reader that then finds it blank. */
class CellProblems extends CsvProblems {
  private readonly seen = new Set<string>();
  override add(file: string, line: number, column: string | null, code: OkrkitIssueCode, message: Message): void {
    const key = `${file}\u0000${line}\u0000${column ?? ''}`;
    if (column !== null && this.seen.has(key)) return;
    this.seen.add(key);
    super.add(file, line, column, code, message);
  }
}

/** Throws `invalid_csv` with one problem about the whole file. */
function fail(problems: CsvProblems, file: string, message: Message): never {
  problems.add(file, 0, null, 'csv_syntax', message);
  problems.throwIfAny();
  throw new Error('unreachable');
}

function bytesOf(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  return invalidArgument('arg.required', { name: 'bytes (a Uint8Array or an ArrayBuffer)' });
}

/** A workbook as exceljs builds it, and the cells whose real number format may show a percentage. */
interface Loaded {
  readonly book: ExcelJS.Workbook;
  readonly percents: PercentCells;
}

async function loadBook(b: Uint8Array, file: string, problems: CsvProblems): Promise<Loaded> {
  const checked = checkWorkbookZip(b);
  if (!('isoDates' in checked)) fail(problems, file, checked);
  const rewritten = checked.isoDates ? withoutIsoDates(b) : b;
  if (!(rewritten instanceof Uint8Array)) fail(problems, file, rewritten);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(new Uint8Array(rewritten).buffer);
  } catch (error) {
    // A TypeError or RangeError is exceljs tripping over XML it does not expect (a prefixed
    // namespace, a cell without its address): its own words would mean nothing to the user.
    const internal = !(error instanceof Error) || error instanceof TypeError || error instanceof RangeError;
    const detail = internal ? msg('xlsx.unexpectedXml') : (error.message.split('\n')[0] ?? '');
    fail(problems, file, msg('xlsx.corrupt', { detail }));
  }
  return { book, percents: percentCells(b) };
}

/** A column's name in messages: its header, or its letter when the header is blank. */
const columnName = (header: readonly string[], i: number): string => header[i] || columnLetter(i);

function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface SheetParts {
  readonly place: string;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Whether a column is read (a problem in a column the reader ignores is no problem). */
  readonly used: (i: number) => boolean;
  /** Text that starts with `'` keeps it (the table reader takes one leading `'` off, as it does in CSV). */
  readonly quoted: boolean;
  /** Whether a column holds dates: a number there is a problem, and so is text that is no date when `dateText`. */
  readonly date: (i: number) => boolean;
  readonly dateText: boolean;
}

/** A sheet's rows below its header as text rows for the spreadsheet readers; a cell's own problem is added. */
function toSheet(rows: readonly ReadRow[], parts: SheetParts, problems: CsvProblems): Sheet {
  const out: Row[] = [];
  for (const r of rows) {
    if (r.line <= parts.headerLine) continue;
    const cells: string[] = [];
    const typed = new Set<number>();
    r.cells.forEach((cell, i) => {
      // A merge reaching up into the header rows is part of the header: blank below it.
      if (cell.mergedFrom !== undefined && cell.mergedFrom <= parts.headerLine) {
        cells.push('');
        return;
      }
      const c = (parts.date(i) ? dateProblem(cell, parts.dateText) : null) ?? cell;
      if (c.kind === 'problem') {
        if (parts.used(i)) problems.add(parts.place, r.line, columnName(parts.header, i), 'invalid_value', c.message);
        cells.push('');
        return;
      }
      if (c.kind === 'number') typed.add(i);
      cells.push(parts.quoted && c.kind === 'text' && c.text.startsWith("'") ? `'${c.text}` : c.text);
    });
    out.push({ line: r.line, cells, typed });
  }
  return { header: parts.header, rows: out };
}

/** The table columns that hold calendar dates (when typed text: a key result's `start` is a number). */
const DATE_COLUMNS: ReadonlySet<string> = new Set(['start', 'end', 'at', 'due', 'timeframe.start', 'timeframe.end']);

const tableName = (t: TableLayout): string => t.file.replace(/\.csv$/, '');

/** The table a sheet holds: named like it (any case), with a header row naming at least one of its columns. */
function tableOf(sheet: Worksheet, rows: readonly ReadRow[]): { table: TableLayout; headerLine: number } | null {
  const name = sheet.name.trim().toLowerCase();
  const table = TABLES.find((t) => tableName(t) === name);
  const first = rows[0];
  if (table === undefined || first === undefined) return null;
  const header = headerTexts(sheet, first.line);
  return header.some((h) => h === 'extra' || table.columns.some((c) => c.name === h)) ? { table, headerLine: first.line } : null;
}

/** Drops the columns with a blank header and no cell (styled but empty columns of a table sheet). */
function keptColumns(header: readonly string[], rows: readonly ReadRow[], headerLine: number): number[] {
  const kept: number[] = [];
  header.forEach((h, i) => {
    const filled = (c: ReadRow['cells'][number] | undefined) => c !== undefined && !(c.kind === 'text' && c.text === '');
    if (h !== '' || rows.some((r) => r.line > headerLine && filled(r.cells[i]))) kept.push(i);
  });
  return kept;
}

const NONE: ReadonlyMap<number, string> = new Map();

function readTables(sheets: readonly { sheet: Worksheet; table: TableLayout; headerLine: number }[], file: string, percents: PercentCells, decimal: DecimalMark | undefined, problems: CsvProblems): CsvPlan {
  const sources: TableSource[] = sheets.map(({ sheet, table, headerLine }) => {
    // Read again: a table holds values in a key result's unit, so a number shown as a percentage (0.5 as 50%) may mean either.
    const rows = readRows(sheet, { mode: 'refused', formats: percents.get(sheet.name) ?? NONE });
    const all = headerTexts(sheet, headerLine);
    const kept = keptColumns(all, rows, headerLine);
    const header = kept.map((i) => all[i] ?? '');
    const narrowed = rows.map((r) => ({ line: r.line, cells: kept.map((i) => r.cells[i] ?? { kind: 'text' as const, text: '' }) }));
    const place = `${file} › ${sheet.name}`;
    const date = (i: number) => DATE_COLUMNS.has(header[i] ?? '') && table.columns.some((c) => c.name === header[i] && c.type === 'text');
    const cells = toSheet(narrowed, { place, header, headerLine, used: () => true, quoted: true, date, dateText: true }, problems);
    return { table, file: place, sheetName: sheet.name, sheet: cells };
  });
  // Text numbers are read as a ;-separated CSV table's: a mark that could group thousands (1.500) is an error, never a guess.
  return readTableSheets(sources, problems, decimal ?? 'unknown');
}

/** How many rows from the top of a sheet its flat header row is looked for in (title rows may come above it). */
const HEADER_SEARCH = 20;

/** The line of a sheet's flat header row, or null when none of its first rows names the required columns. */
function flatHeaderLine(sheet: Worksheet, rows: readonly ReadRow[]): number | null {
  for (const r of rows.slice(0, HEADER_SEARCH)) if (hasRequiredHeaders(headerTexts(sheet, r.line))) return r.line;
  return null;
}

interface Checked {
  readonly file: string;
  readonly checkInDate: string | undefined;
  readonly decimal: DecimalMark | undefined;
  readonly dateFormat: DateFormat | undefined;
  readonly locale: Locale | undefined;
}

function readFlat(visible: readonly { sheet: Worksheet; rows: readonly ReadRow[] }[], options: Checked, problems: CsvProblems): CsvPlan {
  const found = visible.map((v) => ({ ...v, line: flatHeaderLine(v.sheet, v.rows) })).find((v) => v.line !== null);
  // No sheet has the layout: the first visible one is read, so its missing columns are named.
  const { sheet, rows } = found ?? visible[0] ?? fail(problems, options.file, msg('xlsx.noSheet'));
  const headerLine = found?.line ?? rows[0]?.line ?? 1;
  const header = headerTexts(sheet, headerLine);
  const place = `${options.file} › ${sheet.name}`;
  const cells = toSheet(rows, { place, header, headerLine, used: (i) => fieldOfHeader(header[i] ?? '') !== undefined, quoted: false, date: (i) => fieldOfHeader(header[i] ?? '') === 'updated', dateText: false }, problems);
  mixedPercents(cells, place, problems);
  const flat = { file: place, sheet: sheet.name, headerLine, checkInDate: options.checkInDate, numbers: options.decimal ?? ('unknown' as const), dateFormat: options.dateFormat, locale: options.locale };
  return readFlatSheet(cells, flat, problems);
}

/**
 * Reads a plan from an Excel workbook (`.xlsx`). A workbook with sheets named like the CSV
 * tables (`objectives`, `key-results`…, the layout {@link writePlanXlsx} writes) is read as
 * those tables, by `readPlanCsv`'s rules; otherwise the first visible sheet whose header
 * row (one of its first 20 rows) has the flat layout is read by `readPlanSheet`'s rules,
 * bilingual headers included. Hidden sheets are never read; hidden rows are. A workbook
 * okrkit wrote with both the tables and the flat sheet keeps their fingerprints and is read
 * from its tables: an edit of the tables alone is read. When the flat sheet was edited
 * (alone, or with the tables), or the workbook has no fingerprints, every flat cell that
 * differs from the flat sheet the tables give is a problem naming the table cell to change
 * (an edit there would otherwise be lost, and reading the flat sheet would drop what only
 * the tables hold).
 *
 * Cells: a typed number is read exactly (its shortest decimal, never rounded). Whether it
 * is shown as a percentage is read from its cell's number format in the workbook's XML: in
 * the flat sheet, `0.5` shown as `50%` and `50` shown by `0\%` are read as `50%`; a flat row
 * showing one value as a percentage and another as a plain number with no measure, a
 * table cell showing `0.5` as `50%`, and a format deciding by conditions are errors at the
 * cell. A typed date (or an ISO date cell, `t="d"`, as SheetJS writes with `cellDates`)
 * is read as the calendar day (no time zone moves it; a time of day its format does not
 * show, as SheetJS adds in UTC+7, is dropped: the day shown is read; a date with a
 * time of day shown, Excel's day 60 — its false 1900-02-29 — and days before 1900-01-01 or
 * after 9999-12-31 are errors), a formula as its saved result, rich text as its text, a
 * merged cell as its merge's top-left cell, in that cell's column (blank below a merge that
 * reaches up into the header rows). Text cells go through the CSV rules (`1.500,5` with `decimal: ','`).
 *
 * @param bytes - The workbook's bytes.
 * @param options - `file`, `checkInDate`, `decimal`, `dateFormat`, `locale`.
 * @returns The plan as read, with `locate` to point at the cell behind a path (`file` is `plan.xlsx › key-results`, `sheet` the sheet).
 * @throws {OkrkitError} `invalid_csv` listing every problem, each at `[file › sheet, row, column]`:
 *   bytes that are no workbook (CSV text, an old `.xls`, an encrypted workbook, a zip of
 *   something else), a workbook unzipping to over 400 MB (its sheets to over 100 MB) or
 *   holding over 250,000 rows or 2,500,000 cells,
 *   error cells (`#N/A`), formulas without a saved result, and every problem of the CSV
 *   readers; `invalid_argument` for bad options.
 * @example
 * const read = await readPlanXlsx(readFileSync('okr.xlsx'), { checkInDate: '2026-11-15' });
 * const plan = parsePlan(read.input);
 * @category Spreadsheets
 */
export async function readPlanXlsx(bytes: Uint8Array | ArrayBuffer, options: ReadPlanXlsxOptions = {}): Promise<CsvPlan> {
  const b = bytesOf(bytes);
  const file = options.file ?? 'plan.xlsx';
  if (typeof file !== 'string') invalidArgument('arg.required', { name: 'options.file' });
  const checkInDate = options.checkInDate === undefined ? undefined : parseArgument(CalendarDate, options.checkInDate, 'options.checkInDate');
  const decimal = decimalOption(options.decimal, 'options.decimal');
  const dateFormat = dateFormatOption(options.dateFormat, 'options.dateFormat');
  const problems = new CellProblems();
  const { book, percents } = await loadBook(b, file, problems);
  const visible = book.worksheets.filter((sheet) => sheet.state === 'visible').map((sheet) => ({ sheet, rows: readRows(sheet, { mode: 'written', formats: percents.get(sheet.name) ?? NONE }) }));
  const tables = visible.flatMap((v) => {
    const found = tableOf(v.sheet, v.rows);
    return found === null ? [] : [{ ...v, ...found }];
  });
  const checked: Checked = { file, checkInDate, decimal, dateFormat, locale: options.locale };
  if (tables.length === 0) return readFlat(visible, checked, problems);
  const flat = visible.filter((v) => !tables.some((t) => t.sheet === v.sheet)).map((v) => ({ ...v, line: flatHeaderLine(v.sheet, v.rows) })).find((v) => v.line !== null);
  // A workbook okrkit wrote with both layouts says which one was edited. The tables hold
  // the whole plan (the flat sheet is a view of it, without KPIs, history or notes): an
  // edit of the tables alone is read; an edit of the flat sheet is an error at each cell
  // naming the table cell to change (reading the flat sheet would drop what only the
  // tables hold, silently), unless the tables were edited to agree.
  const edited = flat === undefined ? 'none' : layoutsEdited(book, tables, flat.rows);
  const read = readTables(tables, file, percents, decimal, problems);
  // Tables that make no valid plan are compared with nothing: their own problems come first
  // (an unknown objective would make every flat cell differ and hide the one that matters).
  if (flat?.line != null && edited !== 'none' && edited !== 'tables' && safeParsePlan(read.input).success) compareFlat(flat.sheet, percents.get(flat.sheet.name) ?? NONE, flat.line, read, `${file} › ${flat.sheet.name}`, problems, edited === 'both');
  problems.throwIfAny();
  return read;
}
