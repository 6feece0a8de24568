import type { Cell, DataValidation, Worksheet } from 'exceljs';
import ExcelJS from 'exceljs';
import { DECIMAL_STRING, Dec } from '../_lib/numeric.js';

// What every sheet okrkit writes shares: a styled, frozen header row with filters, column
// widths from the content, typed numbers only when no decimal is lost, typed dates.

/** A cell's value as okrkit writes it. */
export type Out = string | number | boolean | Date | null;

const HEADER_FILL = 'FFD9E1F2';

/** Significant digits Excel keeps of a number: more are lost when the workbook is saved again. */
const EXCEL_DIGITS = 15;

/** A number held exactly by a double that Excel keeps whole (at most 15 significant digits), or null. */
export function exactDouble(text: string): number | null {
  if (!DECIMAL_STRING.test(text)) return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const shortest = new Dec(String(n));
  if (!new Dec(text).eq(shortest) || shortest.sd() > EXCEL_DIGITS) return null;
  return n === 0 ? 0 : n;
}

/** The first day Excel's calendar counts right (its 1900 leap-year bug is before it). */
const FIRST_DAY = '1900-03-01';

/** A `yyyy-mm-dd` date as a typed date (midnight UTC: Excel's days have no time zone), or null when it is not one Excel shows right. */
export function typedDate(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || text < FIRST_DAY) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== text ? null : d;
}

/** Whether a UTF-16 unit at `i` is one XML cannot hold (a control character but tab and LF; CR, which XML turns into LF; U+FFFE, U+FFFF; a lone surrogate). */
function notInXml(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c !== 0x09 && c !== 0x0a;
  if (c === 0xfffe || c === 0xffff) return true;
  const high = (x: number) => x >= 0xd800 && x <= 0xdbff;
  const low = (x: number) => x >= 0xdc00 && x <= 0xdfff;
  if (high(c)) return !low(text.charCodeAt(i + 1));
  return low(c) && !high(text.charCodeAt(i - 1));
}

/**
 * Text as a workbook stores it (Excel's own escape, which exceljs and Excel read back):
 * a character XML cannot hold as `_xHHHH_`, and the `_` that starts a text looking like
 * such an escape as `_x005F_`, so `_x0041_` stays `_x0041_` and a CR stays a CR.
 */
function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '_' && /^x[0-9A-Fa-f]{4}_/.test(text.slice(i + 1, i + 7))) out += '_x005F_';
    else if (notInXml(text, i)) out += `_x${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')}_`;
    else out += text[i] ?? '';
  }
  return out;
}

/** Writes a header row and data rows into a sheet, styled: bold filled header, frozen, with filters and widths. */
export function fillSheet(sheet: Worksheet, header: readonly string[], rows: readonly (readonly Out[])[]): void {
  sheet.addRow(header.map(xmlSafe));
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? xmlSafe(v) : v)));
  const top = sheet.getRow(1);
  top.font = { bold: true };
  top.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 0 }];
  if (header.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: header.length } };
  header.forEach((h, i) => {
    let width = h.length;
    for (const row of rows) width = Math.max(width, widthOf(row[i] ?? null));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, width + 2));
  });
  sheet.eachRow((row, line) => {
    if (line > 1) row.eachCell((cell) => formatCell(cell));
  });
}

function widthOf(value: Out): number {
  if (value instanceof Date) return 10;
  if (value === null) return 0;
  return Math.max(...String(value).split(/\r\n|\r|\n/).map((l) => l.length));
}

/** Dates shown `yyyy-mm-dd`; text with a line break wrapped. */
function formatCell(cell: Cell): void {
  if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
  else if (typeof cell.value === 'string' && /[\r\n]/.test(cell.value)) cell.alignment = { wrapText: true, vertical: 'top' };
}

/** The hidden sheet that holds the drop-down lists' values. */
const LISTS_SHEET = '_lists';

/** Drop-down lists: for each column of a sheet, the values it offers (a warning, not a refusal, for others). */
export class DropDowns {
  private readonly lists: string[][] = [];
  constructor(private readonly book: ExcelJS.Workbook) {}

  /** Adds a list to a column of a sheet's data rows (and some rows below them). */
  add(sheet: Worksheet, column: number, rows: number, values: ReadonlySet<string>): void {
    const list = [...values].filter((v) => v !== '' && v.length <= 255).sort();
    if (list.length === 0) return;
    this.lists.push(list);
    const letter = sheet.getColumn(column).letter;
    const formula = `'${LISTS_SHEET}'!$${columnLetter(this.lists.length)}$1:$${columnLetter(this.lists.length)}$${list.length}`;
    // One range per column, set on the sheet rather than cell by cell: cell by cell, exceljs
    // squeezes the cells into ranges that overlap (C10:C103 and C2:C103), which Excel
    // repairs, and creates the blank cells, so readers see ~100 blank rows.
    addValidation(sheet, `${letter}2:${letter}${rows + 101}`, { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning' });
  }

  /** Writes the lists' sheet, hidden, when any list was added. */
  finish(): void {
    if (this.lists.length === 0) return;
    const sheet = this.book.addWorksheet(LISTS_SHEET, { state: 'hidden' });
    this.lists.forEach((list, i) => list.forEach((v, r) => (sheet.getCell(r + 1, i + 1).value = xmlSafe(v))));
  }
}

/** Adds a data validation to a range of a sheet (exceljs supports it, but its types do not declare the sheet's validations). */
function addValidation(sheet: Worksheet, range: string, validation: DataValidation): void {
  const validations: unknown = Reflect.get(sheet, 'dataValidations');
  const add: unknown = typeof validations === 'object' && validations !== null ? Reflect.get(validations, 'add') : undefined;
  if (typeof add !== 'function') throw new Error('exceljs: no sheet data validations');
  Reflect.apply(add, validations, [range, validation]);
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The workbook's bytes. */
export async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await book.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
