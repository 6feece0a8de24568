import type { Cell, CellValue, Worksheet } from 'exceljs';
import { Dec } from '../_lib/numeric.js';
import { msg, type Message } from '../messages/message.js';

/**
 * A workbook cell as the spreadsheet readers take it: text (typed text, a date as
 * `yyyy-mm-dd`, a boolean as `true`/`false`), a typed number as its exact plain decimal
 * text, or the problem that keeps it from being read.
 */
export type CellRead =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'problem'; readonly message: Message };

const DAY_MS = 86_400_000;

const text = (t: string): CellRead => ({ kind: 'text', text: t });

/** A double as its shortest round-trip decimal, written plainly (`0.0000001`, never `1e-7`). */
const plainDecimal = (n: number): string => new Dec(String(n)).toFixed();

/** Whether a number format shows a percentage (a `%` outside quotes). */
const isPercent = (format: string | undefined): boolean => format !== undefined && format.replace(/"[^"]*"/g, '').includes('%');

/** A typed date: an Excel date is a calendar day, so its UTC date is the day (no time zone shifts it). */
function dateRead(d: Date): CellRead {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return { kind: 'problem', message: msg('xlsx.cellError', { value: '#VALUE!' }) };
  const iso = d.toISOString();
  if (ms % DAY_MS !== 0) return { kind: 'problem', message: msg('xlsx.dateTime', { value: iso.slice(0, 19).replace('T', ' ') }) };
  return text(iso.slice(0, 10));
}

/** The text of a rich text value, or of a hyperlink's text. */
function richText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const runs: unknown = Reflect.get(value, 'richText');
  if (!Array.isArray(runs)) return null;
  return runs.map((r: unknown) => (typeof r === 'object' && r !== null && typeof Reflect.get(r, 'text') === 'string' ? String(Reflect.get(r, 'text')) : '')).join('');
}

/**
 * Reads a cell's value. `percent`: a typed number shown as a percentage is read as
 * written (`50%` for 0.5), as the flat sheet reads `50%`; otherwise as its value.
 */
function readValue(value: CellValue, format: string | undefined, percent: boolean): CellRead {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'problem', message: msg('xlsx.cellError', { value: '#NUM!' }) };
    if (percent && isPercent(format)) return { kind: 'number', text: `${new Dec(String(value)).times(100).toFixed()}%` };
    return { kind: 'number', text: plainDecimal(value) };
  }
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return text(String(value));
  if (value instanceof Date) return dateRead(value);
  if ('error' in value) return { kind: 'problem', message: msg('xlsx.cellError', { value: String(value.error) }) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { kind: 'problem', message: msg('xlsx.noResult', { formula: String(formula) }) };
    }
    return readValue(result, format, percent);
  }
  const plain = 'hyperlink' in value ? richText(value.text) : richText(value);
  return plain === null ? text('') : text(plain);
}

/** A cell of a sheet read; a merged cell other than the merge's top-left one is blank, unless `header` (then it reads the top-left one). */
function readCell(cell: Cell, header: boolean, percent: boolean): CellRead {
  if (cell.isMerged && cell.master.address !== cell.address) {
    return header ? readValue(cell.master.value, cell.master.numFmt, percent) : text('');
  }
  return readValue(cell.value, cell.numFmt, percent);
}

/** Excel's day 0 in its 1900 date system. */
const EPOCH = Date.UTC(1899, 11, 30);

/**
 * The problem of a cell in a date column that holds no date, echoing what it holds: a
 * typed number (a date that lost its format, such as 46296, the day it would be shown
 * as when it has one) or, when `text` is checked, text that is no `yyyy-mm-dd` date.
 */
export function dateProblem(cell: CellRead, text: boolean): CellRead | null {
  if (cell.kind === 'number') {
    const n = Number(cell.text);
    const day = Number.isInteger(n) && n >= 61 && n < 2_958_466 ? new Date(EPOCH + n * DAY_MS).toISOString().slice(0, 10) : '2026-10-01';
    return { kind: 'problem', message: msg('xlsx.dateNumber', { value: cell.text, date: day }) };
  }
  if (text && cell.kind === 'text' && cell.text.trim() !== '' && !/^\d{4}-\d{2}-\d{2}/.test(cell.text.trim())) {
    return { kind: 'problem', message: msg('xlsx.dateText', { value: cell.text }) };
  }
  return null;
}

/** A row of a sheet, read cell by cell (columns 1 to `width`). */
export interface ReadRow {
  readonly line: number;
  readonly cells: readonly CellRead[];
}

/** Whether every cell of a row is blank text. */
const isBlank = (row: ReadRow): boolean => row.cells.every((c) => c.kind === 'text' && c.text.trim() === '');

/** The rows of a sheet that hold anything, read as data (merged cells blank but for their top-left one). */
export function readRows(sheet: Worksheet, percent: boolean): ReadRow[] {
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: CellRead[] = [];
    // Up to the row's own last cell: a row is as wide as what it holds.
    for (let c = 1; c <= row.cellCount; c++) cells.push(readCell(row.getCell(c), false, percent));
    const read = { line, cells };
    if (!isBlank(read)) rows.push(read);
  });
  return rows;
}

/** The texts of a row read as a header row: a merged cell reads its merge's top-left cell; a cell that is no text is blank. */
export function headerTexts(sheet: Worksheet, line: number): string[] {
  const row = sheet.getRow(line);
  const texts: string[] = [];
  for (let c = 1; c <= sheet.columnCount; c++) {
    const read = readCell(row.getCell(c), true, false);
    texts.push(read.kind === 'problem' ? '' : read.text.trim());
  }
  return texts;
}
