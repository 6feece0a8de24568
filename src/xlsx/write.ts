import ExcelJS from 'exceljs';
import type { Locale } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { CellType, TableLayout } from '../csv/columns.js';
import { isRecord } from '../csv/extra.js';
import { planTables, type TableGrid } from '../csv/tables.js';
import { addFingerprints, fingerprintOf, writtenRows } from './fingerprint.js';
import { FLAT_HEADERS, FLAT_LISTS, FLAT_SHEET, flatRows } from './flat.js';
import { bytesOf, DropDowns, exactDouble, fillSheet, typedDate, type Out } from './style.js';

/** Options for {@link writePlanXlsx}. @category Spreadsheets */
export interface WritePlanXlsxOptions {
  /** The language of the flat sheet's name and headers (default `en`). */
  readonly locale?: Locale;
  /**
   * Which sheets to write: `all` (the default: a sheet per table, then the flat sheet when
   * the plan fits it), `tables`, or `flat` (only the flat sheet; an error when the plan does not fit it).
   */
  readonly sheets?: 'all' | 'tables' | 'flat';
}

/** The text columns that hold a calendar date. */
const DATE_COLUMNS: ReadonlySet<string> = new Set(['start', 'end', 'at', 'due', 'timeframe.start', 'timeframe.end']);

/** The columns that offer the plan's own values in a drop-down list. */
const LIST_COLUMNS: ReadonlySet<string> = new Set(['kind', 'unit', 'cycleId', 'ownerId', 'unitId', 'authorId', 'state', 'status', 'commitment', 'level', 'comparator', 'aggregate', 'timeframe.cycleId', 'frequency', 'aggregation', 'perspective', 'indicator', 'target.polarity']);

/**
 * A table cell as a workbook holds it: a number a double holds exactly and Excel keeps
 * whole as a typed number (else its text, so no decimal is lost), a date as a typed date,
 * a boolean as one, text as text (never a formula: the `'` that CSV puts before
 * formula-like text is not needed in a typed text cell).
 */
function tableCell(text: string, type: CellType, column: string): Out {
  if (text === '') return null;
  switch (type) {
    case 'number':
    case 'weight':
      return exactDouble(text) ?? text;
    case 'boolean':
      return text === 'true';
    case 'text':
    case 'json': {
      const plain = text.startsWith("'") ? text.slice(1) : text;
      return (type === 'text' && DATE_COLUMNS.has(column) ? typedDate(plain) : null) ?? plain;
    }
  }
}

/**
 * The grid without its all-blank columns (`writePlanCsv` keeps a table's first two columns
 * so an empty CSV file shows its layout; a sheet is written only for a table with rows, and
 * a blank column there, such as check-ins' `id`, is noise). One column stays when all are blank.
 */
function columnsInUse(grid: TableGrid): TableGrid {
  const keep = grid.header.map((_, i) => grid.rows.some((row) => (row[i] ?? '') !== ''));
  if (!keep.includes(true)) keep[0] = true;
  const kept = <T>(cells: readonly T[]): T[] => cells.filter((_, i) => keep[i] === true);
  return { header: kept(grid.header), types: kept(grid.types), rows: grid.rows.map(kept) };
}

/** A sheet as written, as the reader will read it (for the layouts' fingerprints). */
type Written = { readonly name: string; readonly rows: ReturnType<typeof writtenRows> };

function writeTable(book: ExcelJS.Workbook, lists: DropDowns, table: TableLayout, all: TableGrid): Written {
  const grid = columnsInUse(all);
  const name = table.file.replace(/\.csv$/, '');
  const sheet = book.addWorksheet(name);
  const rows = grid.rows.map((row) => row.map((text, i) => tableCell(text, grid.types[i] ?? 'text', grid.header[i] ?? '')));
  fillSheet(sheet, grid.header, rows);
  grid.header.forEach((name, i) => {
    if (!LIST_COLUMNS.has(name)) return;
    lists.add(sheet, i + 1, rows.length, new Set(rows.map((r) => r[i]).filter((v): v is string => typeof v === 'string')));
  });
  return { name, rows: writtenRows(grid.header, rows) };
}

function writeFlat(book: ExcelJS.Workbook, lists: DropDowns, rows: readonly Out[][], locale: Locale): Written {
  const sheet = book.addWorksheet(FLAT_SHEET[locale]);
  fillSheet(sheet, FLAT_HEADERS[locale], rows);
  for (const i of FLAT_LISTS) lists.add(sheet, i + 1, rows.length, new Set(rows.map((r) => r[i]).filter((v): v is string => typeof v === 'string')));
  return { name: sheet.name, rows: writtenRows(FLAT_HEADERS[locale], rows) };
}

/**
 * Writes a plan as an Excel workbook: a sheet per non-empty table (`cycles`, `objectives`,
 * `key-results`…, the columns and cell rules of `writePlanCsv`), then a flat sheet (the
 * layout `readPlanSheet` reads, a row per key result with its latest check-in) when the plan
 * fits it: every key result a metric one, every cycle named like `Q3 2026`. Each sheet has
 * a bold, filled, frozen header row with filters and fitted columns; numbers are typed
 * numbers when a double holds them exactly and Excel keeps all their digits (else text,
 * so no decimal is lost), dates typed dates shown `yyyy-mm-dd`, text always text (a title
 * such as `=SUM(A1)` is never a formula). Kinds, units, cycles, owners and states offer
 * the plan's own values in drop-down lists (a hidden `_lists` sheet holds them). With both
 * layouts, a very hidden `_okrkit` sheet keeps each one's fingerprint, so a user may edit
 * either: {@link readPlanXlsx} reads the one edited.
 * {@link readPlanXlsx} reads the tables back to the same plan.
 *
 * @param plan - A plan (parsed or as written).
 * @param options - `locale` of the flat sheet (`en` or `vi`), `sheets` (`all`, `tables` or `flat`).
 * @returns The workbook's bytes.
 * @throws {OkrkitError} `invalid_argument` when `plan` is not a plan object, or `sheets` is
 *   `flat` and the plan does not fit the flat sheet.
 * @example
 * writeFileSync('plan.xlsx', await writePlanXlsx(plan, { locale: 'vi' }));
 * @category Spreadsheets
 */
export async function writePlanXlsx(plan: object, options: WritePlanXlsxOptions = {}): Promise<Uint8Array> {
  if (!isRecord(plan)) invalidArgument('arg.plan');
  const locale = options.locale ?? 'en';
  if (locale !== 'en' && locale !== 'vi') invalidArgument('arg.oneOf', { name: 'options.locale', options: "'en', 'vi'", value: String(locale) });
  const sheets = options.sheets ?? 'all';
  if (sheets !== 'all' && sheets !== 'tables' && sheets !== 'flat') invalidArgument('arg.oneOf', { name: 'options.sheets', options: "'all', 'tables', 'flat'", value: String(sheets) });
  const book = new ExcelJS.Workbook();
  book.creator = 'okrkit';
  const lists = new DropDowns(book);
  const tables = sheets === 'flat' ? [] : planTables(plan).map(({ table, grid }) => writeTable(book, lists, table, grid));
  const rows = sheets === 'tables' ? null : flatRows(plan);
  if (rows === null && sheets === 'flat') invalidArgument('xlsx.flatDoesNotFit');
  const flat = rows === null ? null : writeFlat(book, lists, rows, locale);
  lists.finish();
  // Both layouts: their fingerprints tell the reader which one a user edits.
  if (flat !== null && tables.length > 0) addFingerprints(book, fingerprintOf(tables), fingerprintOf([{ name: '', rows: flat.rows }]));
  return bytesOf(book);
}
