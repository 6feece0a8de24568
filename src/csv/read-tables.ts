import type { PlanInput } from '../index.js';
import { msg } from '../messages/message.js';
import { readCell, type CellResult } from './cells.js';
import { EXTRA, type Column, type TableLayout } from './columns.js';
import { checkExtra, isRecord, mergeInto, setPath } from './extra.js';
import type { NumberContext } from './number-format.js';
import type { CsvProblems, Sheet } from './rows.js';
import { readTableDate, TABLE_DATE_COLUMNS, type DateFormat } from './sheet-dates.js';

// Reading the table layout, from CSV files (readPlanCsv) or a workbook's sheets
// (okrkit/xlsx): each table is a sheet of text cells, read by its columns' types.

/** Where a field of a plan read from spreadsheets came from. @category Spreadsheets */
export interface CsvLocation {
  /** The file name, such as `key-results.csv`. */
  readonly file: string;
  /** The line in the file (the header is line 1). */
  readonly line: number;
  /** The column's header, when the path names one. */
  readonly column: string | null;
  /** The workbook's sheet, when the plan was read from a workbook (`file` is then `book.xlsx › sheet`). */
  readonly sheet?: string;
}

/**
 * A plan read from spreadsheets, not yet validated: pass `input` to `parsePlan` or
 * `safeParsePlan`, and `locate` an issue's path to name the file, line and column.
 *
 * @category Spreadsheets
 */
export interface CsvPlan {
  /** The plan as read, for `parsePlan`. */
  readonly input: PlanInput;
  /** The file, line and column a plan path such as `['keyResults', 3, 'target']` came from, or null. */
  locate(path: readonly (string | number)[]): CsvLocation | null;
}

type Rec = Readonly<Record<string, unknown>>;

/** One table to read: its layout, the name its problems and locations give, and its cells. */
export interface TableSource {
  readonly table: TableLayout;
  /** The name in messages and locations: `key-results.csv`, or `book.xlsx › key-results`. */
  readonly file: string;
  /** The workbook's sheet name, for {@link CsvLocation.sheet}; undefined for a CSV file. */
  readonly sheetName?: string;
  readonly sheet: Sheet;
  /** How this table's number cells are written, when it is not the context all tables share. */
  readonly numbers?: NumberContext;
}

interface TableRead {
  readonly records: Record<string, unknown>[];
  readonly lines: number[];
}

/** Reads a table's cell by its column: a date column's `15/11/2026` by the date format, the rest by type. */
function readTableCell(text: string, column: Column | 'extra', numbers: NumberContext, dates: DateFormat | undefined): CellResult {
  if (column === 'extra') return readCell(text, 'json');
  return (column.type === 'text' && TABLE_DATE_COLUMNS.has(column.name) ? readTableDate(text, dates) : null) ?? readCell(text, column.type, numbers);
}

function readTable(source: TableSource, problems: CsvProblems, shared: NumberContext, dates: DateFormat | undefined): TableRead {
  const { file, sheet, table } = source;
  const numbers = source.numbers ?? shared;
  const byName = new Map<string, Column>(table.columns.map((c) => [c.name, c]));
  const columns: (Column | 'extra' | null)[] = [];
  const seen = new Set<string>();
  for (const name of sheet.header) {
    if (seen.has(name)) problems.add(file, 1, name, 'csv_syntax', msg('csv.duplicateColumn', { column: name }));
    seen.add(name);
    const column = name === EXTRA ? 'extra' : byName.get(name);
    if (column === undefined) {
      const options = [...byName.keys(), EXTRA].join(', ');
      problems.add(file, 1, name, 'unknown_column', msg('csv.unknownColumn', { column: name, options }));
      columns.push(null);
    } else columns.push(column);
  }
  const records: Record<string, unknown>[] = [];
  const lines: number[] = [];
  // Every named column the file shows, filled or not: `extra` may set none of them (an
  // empty visible cell must not hide a value the sheet does not show).
  const shown = new Set<string>();
  for (const column of columns) if (column !== null && column !== 'extra') shown.add(column.name);
  for (const row of sheet.rows) {
    const record: Record<string, unknown> = {};
    const set = new Set<string>();
    let extra: Rec | undefined;
    row.cells.forEach((text, i) => {
      const column = columns[i];
      if (text === '' || column === undefined || column === null) return;
      const read = readTableCell(text, column, row.typed?.has(i) === true ? 'point' : numbers, dates);
      const name = column === 'extra' ? EXTRA : column.name;
      if (!read.ok) return problems.add(file, row.line, name, 'invalid_value', read.message);
      if (column === 'extra') {
        if (isRecord(read.value)) extra = read.value;
        else problems.add(file, row.line, name, 'invalid_value', msg('csv.json', { value: text }));
      } else {
        setPath(record, column.name.split('.'), read.value);
        set.add(column.name);
      }
    });
    if (extra !== undefined && checkExtra(extra, { file, line: row.line, table, set, shown, problems })) mergeInto(record, extra, []);
    records.push(record);
    lines.push(row.line);
  }
  return { records, lines };
}

function columnFor(table: TableLayout, rest: readonly (string | number)[]): string | null {
  let best: string | null = null;
  for (const column of table.columns) {
    const parts = column.name.split('.');
    if (parts.length <= rest.length && parts.every((p, i) => rest[i] === p) && (best === null || parts.length > best.split('.').length)) {
      best = column.name;
    }
  }
  return best ?? (rest.length > 0 ? EXTRA : null);
}


/**
 * Reads a plan from its tables (see `readPlanCsv`), each a sheet of text cells with its
 * layout, its numbers in its own context or else in `numbers`, its date columns' `15/11/2026`
 * cells by `dates` (an error asking for it when absent). Throws `invalid_csv` with every
 * problem, those already in `problems` included.
 */
export function readTableSheets(sources: Iterable<TableSource>, problems: CsvProblems, numbers: NumberContext, dates?: DateFormat): CsvPlan {
  const input: Record<string, unknown> = {};
  const lines = new Map<string, number[]>();
  const sourceOf = new Map<string, TableSource>();
  for (const source of sources) {
    const { table } = source;
    const read = readTable(source, problems, numbers, dates);
    sourceOf.set(table.collection, source);
    lines.set(table.collection, read.lines);
    if (table.collection === 'plan') {
      const first = read.records[0];
      // Field by field as own properties: a key never reaches the prototype of the input.
      if (first !== undefined) for (const key of Object.keys(first)) setPath(input, [key], first[key]);
    } else input[table.collection] = read.records;
  }
  problems.throwIfAny();
  const at = (source: TableSource, line: number, column: string | null): CsvLocation =>
    source.sheetName === undefined ? { file: source.file, line, column } : { file: source.file, line, column, sheet: source.sheetName };
  return {
    // As read, not validated: `parsePlan` checks it (every field of a PlanInput is optional,
    // so TypeScript takes a record of unknown values for one).
    input,
    locate(path) {
      const [head, index, ...rest] = path;
      if (typeof head !== 'string') return null;
      const planSource = sourceOf.get('plan');
      if (head === 'name' || head === 'meta') return planSource === undefined ? null : at(planSource, lines.get('plan')?.[0] ?? 1, head);
      const source = sourceOf.get(head);
      const line = typeof index === 'number' ? lines.get(head)?.[index] : undefined;
      if (source === undefined || line === undefined) return null;
      return at(source, line, columnFor(source.table, rest));
    },
  };
}
