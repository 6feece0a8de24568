import type { Cell, CellValue, Worksheet } from 'exceljs';
import { Dec } from '../_lib/numeric.js';
import { msg, type Message } from '../messages/message.js';
import { cellKey, shownAs, showsTimeOfDay } from './number-formats.js';

/**
 * A workbook cell as the spreadsheet readers take it: text (typed text, a date as
 * `yyyy-mm-dd`, a boolean as `true`/`false`), a typed number as its exact plain decimal
 * text, or the problem that keeps it from being read.
 */
export type CellRead = (
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'problem'; readonly message: Message }
) & {
  /** For a merged cell other than its merge's top-left one: the row of that top-left cell, whose value it reads. */
  readonly mergedFrom?: number;
};

const DAY_MS = 86_400_000;
/** Excel's day 0 in its 1900 date system. */
const EPOCH = Date.UTC(1899, 11, 30);

const text = (t: string): CellRead => ({ kind: 'text', text: t });

/** A double as its shortest round-trip decimal, written plainly (`0.0000001`, never `1e-7`). */
const plainDecimal = (n: number): string => new Dec(String(n)).toFixed();

/**
 * How a sheet's numbers shown as percentages (by their real format, see number-formats.ts)
 * are read: `written` as shown (`50%` for 0.5, and for 50 formatted `0\%`, as the flat sheet reads the text `50%`),
 * `refused` (an error at the cell: a table holds values in a key result's unit, and 0.5
 * shown as 50% may mean either), `value` (0.5).
 */
export interface Percents {
  readonly mode: 'written' | 'refused' | 'value';
  /** The format codes of the sheet's cells that may show a percentage, by {@link cellKey}. */
  readonly formats: ReadonlyMap<number, string>;
}

const VALUES: Percents = { mode: 'value', formats: new Map() };

/** Excel's last day, 9999-12-31. */
const LAST_SERIAL = 2_958_465;

/**
 * A typed date: an Excel date is a calendar day, so its UTC date is the day (no time zone
 * shifts it). exceljs counts days from 1899-12-30, right from Excel's day 61 (1900-03-01);
 * Excel's days 1 to 59 are one day later than exceljs says (Excel counts a 1900-02-29, its
 * day 60, which never was). Day 60, days before 1 and after 9999-12-31 are no date. A time
 * of day is an error unless the cell's format (`format`, its code when known) shows none:
 * then the cell is read as the day it shows, its day number's whole part (SheetJS in UTC+7
 * writes 15/11/2026 as 46341.00034722222, shown `15/11/2026`).
 */
function dateRead(d: Date, format: string | undefined): CellRead {
  let ms = d.getTime();
  if (!Number.isFinite(ms)) return { kind: 'problem', message: msg('xlsx.cellError', { value: '#VALUE!' }) };
  const serial = (ms - EPOCH) / DAY_MS;
  if (serial < 1 || Math.floor(serial) === 60 || serial >= LAST_SERIAL + 1) {
    return { kind: 'problem', message: msg('xlsx.dateSerial', { value: plainDecimal(serial) }) };
  }
  if (ms % DAY_MS !== 0 && format !== undefined && !showsTimeOfDay(format)) ms = EPOCH + Math.floor(serial) * DAY_MS;
  if (serial < 60) ms += DAY_MS;
  const iso = new Date(ms).toISOString();
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

/** A typed number, read as its format shows it (see {@link Percents}). */
function numberRead(value: number, format: string | undefined, mode: Percents['mode']): CellRead {
  if (!Number.isFinite(value)) return { kind: 'problem', message: msg('xlsx.cellError', { value: '#NUM!' }) };
  const plain = plainDecimal(value);
  const shown = format === undefined || mode === 'value' ? 'plain' : shownAs(format, value);
  if (shown === 'unsure') return { kind: 'problem', message: msg('xlsx.percentUnsure', { value: plain, format: format ?? '' }) };
  if (shown === 'scaled') return { kind: 'problem', message: msg('xlsx.formatScales', { value: plain, format: format ?? '' }) };
  if (shown === 'plain') return { kind: 'number', text: plain };
  // A `%` that is only a character (`0\%` shows 50 as "50%"): the value as shown, with its `%` in the flat sheet.
  const percent = shown === 'literal' ? `${plain}%` : `${new Dec(plain).times(100).toFixed()}%`;
  if (mode === 'written') return { kind: 'number', text: percent };
  // A table's value: 0.5 shown as 50% may be 0.5 or 50 (zero, or 50 shown as "50%", is what it shows).
  if (shown === 'literal' || value === 0) return { kind: 'number', text: plain };
  return { kind: 'problem', message: msg('xlsx.percentTable', { value: plain, shown: percent }) };
}

/** Reads a cell's value; `format` is its number format's code when it may show a percentage, or is a date's without a time of day. */
function readValue(value: CellValue, format: string | undefined, mode: Percents['mode']): CellRead {
  if (value === null || value === undefined) return text('');
  if (typeof value === 'number') return numberRead(value, format, mode);
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return text(String(value));
  if (value instanceof Date) return dateRead(value, format);
  if ('error' in value) return { kind: 'problem', message: msg('xlsx.cellError', { value: String(value.error) }) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return { kind: 'problem', message: msg('xlsx.noResult', { formula: String(formula) }) };
    }
    return readValue(result, format, mode);
  }
  const plain = 'hyperlink' in value ? richText(value.text) : richText(value);
  return plain === null ? text('') : text(plain);
}

/**
 * A cell of a sheet read; a merged cell reads its merge's top-left cell (what the sheet
 * shows), and says which row that is. In data rows (not `header`) only the top-left cell's
 * column does: a title merged across the next columns leaves them blank, as they show.
 */
function readCell(cell: Cell, percents: Percents, header = false): CellRead {
  const master = cell.isMerged ? cell.master : cell;
  if (!header && master.col !== cell.col) return text('');
  const read = readValue(master.value, percents.formats.get(cellKey(Number(master.row), Number(master.col))), percents.mode);
  return master === cell || master.address === cell.address ? read : { ...read, mergedFrom: Number(master.row) };
}

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

/** Whether a row holds nothing of its own: every cell blank text or a copy of a merge's top-left cell in a row above. */
const isBlank = (row: ReadRow): boolean => row.cells.every((c) => (c.kind === 'text' && c.text.trim() === '') || (c.mergedFrom !== undefined && c.mergedFrom < row.line));

/**
 * The rows of a sheet that hold anything, read as data: a merged cell reads its merge's
 * top-left cell; numbers shown as percentages as `percents` says (`false`: as their values).
 */
export function readRows(sheet: Worksheet, percents: Percents | false): ReadRow[] {
  const how = percents === false ? VALUES : percents;
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    // Only the cells the row holds (a value far right, in column XFD, must not make every
    // row 16,384 cells wide), and only up to MAX_COLUMNS: no layout has more columns, so a
    // value beyond is under no header, as any column okrkit does not know.
    const held = new Map<number, CellRead>();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c <= MAX_COLUMNS) held.set(c, readCell(cell, how));
    });
    const width = Math.max(0, ...[...held].filter(([, r]) => !(r.kind === 'text' && r.text === '')).map(([c]) => c));
    const cells: CellRead[] = [];
    for (let c = 1; c <= width; c++) cells.push(held.get(c) ?? BLANK);
    const read = { line, cells };
    if (!isBlank(read)) rows.push(read);
  });
  return rows;
}

/** The most columns okrkit reads in a row (no layout has a tenth of them). */
export const MAX_COLUMNS = 1024;

const BLANK: CellRead = { kind: 'text', text: '' };

/** The texts of a row read as a header row: a merged cell reads its merge's top-left cell; a cell that is no text is blank. */
export function headerTexts(sheet: Worksheet, line: number): string[] {
  const row = sheet.getRow(line);
  const texts: string[] = [];
  for (let c = 1; c <= Math.min(sheet.columnCount, MAX_COLUMNS); c++) {
    const read = readCell(row.getCell(c), VALUES, true);
    texts.push(read.kind === 'problem' ? '' : read.text.trim());
  }
  return texts;
}
