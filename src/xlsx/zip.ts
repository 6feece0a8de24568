import { inflateRawSync } from 'node:zlib';
import { msg, type Message } from '../messages/message.js';
import { sheetXmlProblem } from './sheet-xml.js';

// A workbook is a zip archive of XML parts. Before a library builds it in memory, its
// central directory is read here: is it a workbook at all, is it encrypted, how large does
// it unzip (a zip bomb is refused), and how many rows do its sheets hold.

/** The most a workbook may unzip to, all parts together (a 250,000-row sheet is far below it). */
const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;

/** The most rows okrkit reads from a workbook, all sheets together. */
export const MAX_ROWS = 250_000;

/** The most the worksheet parts may unzip to, all together: 100 MB, what the command reads of a CSV file (exceljs needs some 20 times that in memory). */
export const MAX_SHEET_BYTES = 100 * 1024 * 1024;

/** The most cells (`<c>` elements) okrkit reads from a workbook, all sheets together: ten columns of {@link MAX_ROWS} rows. */
export const MAX_CELLS = 2_500_000;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const LOCAL_FILE = 0x04034b50;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;

export interface Entry {
  readonly name: string;
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressed: number;
  readonly size: number;
  readonly offset: number;
}

/** Why bytes are not a workbook okrkit reads. */
export type ZipProblem = Message;

/** A workbook okrkit may read: whether its sheets hold ISO date cells (`t="d"`, which exceljs misreads). */
export interface ZipChecked {
  readonly isoDates: boolean;
}

const u16 = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, i: number): number => (u16(b, i) + u16(b, i + 2) * 0x10000) >>> 0;

/** The central directory's entries, or null when the bytes hold no readable one. */
export function entriesOf(b: Uint8Array): Entry[] | null {
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(b, i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(b, end + 10);
  let p = u32(b, end + 16);
  const entries: Entry[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== DIRECTORY_ENTRY) return null;
    const nameLength = u16(b, p + 28);
    const skip = nameLength + u16(b, p + 30) + u16(b, p + 32);
    entries.push({
      name: decoder.decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: u16(b, p + 10),
      encrypted: (u16(b, p + 8) & 1) === 1,
      compressed: u32(b, p + 20),
      size: u32(b, p + 24),
      offset: u32(b, p + 42),
    });
    p += 46 + skip;
  }
  return entries;
}

/** An entry's bytes, unzipped, never more than it declares; null when it cannot be. */
export function unzipped(b: Uint8Array, e: Entry): Uint8Array | null {
  if (u32(b, e.offset) !== LOCAL_FILE) return null;
  const start = e.offset + 30 + u16(b, e.offset + 26) + u16(b, e.offset + 28);
  const data = b.subarray(start, start + e.compressed);
  if (e.method === 0) return data.length === e.size ? data : null;
  if (e.method !== 8) return null;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    return out.length === e.size ? out : null;
  } catch {
    return null;
  }
}

/** How many `<name` elements (`name` followed by a space, `>` or `/`) an XML sheet holds. */
function elementsIn(xml: Uint8Array, name: string): number {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const tag = `<${name}`;
  let count = 0;
  for (let i = buffer.indexOf(tag); i !== -1; i = buffer.indexOf(tag, i + tag.length)) {
    const next = buffer[i + tag.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

/** A column's number from its letters (`A` 1, `XFD` 16,384). */
const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** How many cells a reference list covers (`A1`, `B2:C3`, `F2:F1048576 H1`), counting overlaps twice. */
function areaOf(refs: string): number {
  let area = 0;
  for (const ref of refs.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref);
    if (m === null) continue;
    const [c1, r1] = [columnNumber(m[1] ?? 'A'), Number(m[2])];
    const [c2, r2] = m[3] === undefined ? [c1, r1] : [columnNumber(m[3]), Number(m[4])];
    area += (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
  }
  return area;
}

/** The cells covered by the `attribute` of every `<element` in a sheet (a merge's `ref`, a drop-down's `sqref`), which exceljs builds one by one. */
function coveredBy(xml: Uint8Array, element: string, attribute: string): number {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const tag = `<${element} `;
  const pattern = new RegExp(`\\s${attribute}="([^"]*)"`);
  let area = 0;
  for (let i = buffer.indexOf(tag); i !== -1; i = buffer.indexOf(tag, i + tag.length)) {
    const end = buffer.indexOf('>', i);
    const open = buffer.toString('latin1', i, end === -1 ? buffer.length : Math.min(end, i + 100_000));
    const value = pattern.exec(open)?.[1];
    if (value !== undefined) area += areaOf(value);
  }
  return area;
}

/**
 * The value of the workbook's `date1904` attribute when it says "1904" in a spelling
 * exceljs does not take (`true`, which OOXML allows; exceljs takes only `1`), else null.
 */
function date1904Spelling(entries: readonly Entry[], b: Uint8Array): string | null {
  const workbook = entries.find((e) => /^xl\/workbook\d*\.xml$/.test(e.name));
  const xml = workbook === undefined ? null : unzipped(b, workbook);
  if (xml === null) return null;
  const value = /\bdate1904\s*=\s*["']([^"']*)["']/.exec(Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('utf8'))?.[1];
  return value !== undefined && value.trim().toLowerCase() === 'true' ? value : null;
}

const isSheet = (name: string): boolean => /^xl\/worksheets\/[^/]+\.xml$/.test(name);

/**
 * Checks that bytes are an `.xlsx` workbook okrkit may read, before any library builds it:
 * a zip archive (not CSV text, an old `.xls` or an encrypted workbook, both OLE2 files)
 * with a workbook part, no encrypted part, every part unzipping to what it declares,
 * at most {@link MAX_UNZIPPED_BYTES} in all, its sheets at most {@link MAX_SHEET_BYTES},
 * {@link MAX_ROWS} rows and {@link MAX_CELLS} cells. The problem, or
 * whether its sheets hold ISO date cells.
 */
export function checkWorkbookZip(b: Uint8Array): ZipProblem | ZipChecked {
  if (OLE2.every((x, i) => b[i] === x)) return msg('xlsx.ole');
  if (b.length < 22 || u16(b, 0) !== 0x4b50) return msg('xlsx.notZip');
  const entries = entriesOf(b);
  if (entries === null) return msg('xlsx.corrupt', { detail: 'no zip directory' });
  if (!entries.some((e) => e.name === '[Content_Types].xml') || !entries.some((e) => /^xl\/workbook\d*\.xml$/.test(e.name))) return msg('xlsx.noWorkbook');
  if (entries.some((e) => e.encrypted)) return msg('xlsx.encrypted');
  const limit = MAX_UNZIPPED_BYTES / 1024 / 1024;
  if (entries.some((e) => e.size === 0xffffffff) || entries.reduce((sum, e) => sum + e.size, 0) > MAX_UNZIPPED_BYTES) return msg('xlsx.tooLarge', { limit });
  // Declared sizes: a part that unzips to more than it declares is refused below.
  if (entries.reduce((sum, e) => sum + (isSheet(e.name) ? e.size : 0), 0) > MAX_SHEET_BYTES) return msg('xlsx.sheetsTooLarge', { limit: MAX_SHEET_BYTES / 1024 / 1024 });
  const odd1904 = date1904Spelling(entries, b);
  if (odd1904 !== null) return msg('xlsx.date1904', { value: odd1904 });
  let wrong: Message | null = null;
  let rows = 0;
  let cells = 0;
  let merged = 0;
  let validated = 0;
  let isoDates = false;
  for (const e of entries) {
    const part = unzipped(b, e);
    if (part === null) return msg('xlsx.corrupt', { detail: `the part ${e.name} does not unzip to its size` });
    if (!isSheet(e.name)) continue;
    wrong ??= sheetXmlProblem(part, e.name);
    rows += elementsIn(part, 'row');
    cells += elementsIn(part, 'c');
    merged += coveredBy(part, 'mergeCell', 'ref');
    validated += coveredBy(part, 'dataValidation', 'sqref');
    // Cells typed `d` hold ISO dates (SheetJS's cellDates), which Excel never writes and exceljs would read as a day number.
    isoDates ||= Buffer.from(part.buffer, part.byteOffset, part.byteLength).includes(' t="d"');
  }
  if (rows > MAX_ROWS) return msg('xlsx.tooManyRows', { count: rows, limit: MAX_ROWS });
  if (cells > MAX_CELLS) return msg('xlsx.tooManyCells', { count: cells, limit: MAX_CELLS });
  // exceljs makes a cell object for every cell a merge or a drop-down list covers: a merge
  // over K3:XFD1048576 (a 2 kB file) ran out of memory, a whole-column list takes seconds.
  if (merged > MAX_CELLS) return msg('xlsx.areaTooLarge', { what: msg('xlsx.area.merges'), count: merged, limit: MAX_CELLS });
  if (validated > MAX_CELLS) return msg('xlsx.areaTooLarge', { what: msg('xlsx.area.validations'), count: validated, limit: MAX_CELLS });
  if (wrong !== null) return wrong;
  return { isoDates };
}
