import { createHash } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { Dec } from '../_lib/numeric.js';
import type { CellRead, ReadRow } from './cells.js';
import type { Out } from './style.js';

// A workbook okrkit writes with both layouts (the table sheets and the flat sheet) keeps a
// fingerprint of each layout as written, in a very hidden sheet Excel keeps and shows no
// one. Reading it again tells which layout the user edited: only the flat sheet → it is
// read; only the tables, or neither → they are; both → they are compared, as a workbook
// someone else made with both layouts is.

/** The very hidden sheet holding the fingerprints. */
const FINGERPRINT_SHEET = '_okrkit';

const TABLES_LABEL = 'tables sha256';
const FLAT_LABEL = 'flat sha256';

/** A cell as the reader reads it, in the fingerprint: its kind and its text. */
function cellToken(c: CellRead): string {
  if (c.kind === 'problem') return `p${JSON.stringify(c.message)}`;
  return c.text === '' ? '' : `${c.kind === 'number' ? 'n' : 't'}${c.text}`;
}

/** Feeds a sheet's rows (as the reader reads them, blank rows skipped) into a hash: each row's line and cells, trailing blank cells left out. */
function feedRows(hash: ReturnType<typeof createHash>, rows: readonly ReadRow[]): void {
  for (const r of rows) {
    const tokens = r.cells.map(cellToken);
    while (tokens.length > 0 && tokens[tokens.length - 1] === '') tokens.pop();
    hash.update(`\u0001${r.line}`);
    for (const t of tokens) hash.update(`\u0002${t}`);
  }
}

/** The fingerprint of sheets as read, by name (their order in the workbook does not count). */
export function fingerprintOf(sheets: readonly { readonly name: string; readonly rows: readonly ReadRow[] }[]): string {
  const hash = createHash('sha256');
  for (const s of [...sheets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    hash.update(`\u0000${s.name}`);
    feedRows(hash, s.rows);
  }
  return hash.digest('hex');
}

/** A written value as the reader reads it back (`fillSheet`'s escapes are undone by the reader). */
function readBack(value: Out): CellRead {
  if (value === null) return { kind: 'text', text: '' };
  if (value instanceof Date) return { kind: 'text', text: value.toISOString().slice(0, 10) };
  if (typeof value === 'number') return { kind: 'number', text: new Dec(String(value)).toFixed() };
  return { kind: 'text', text: String(value) };
}

/** A sheet as written (its header row, then its rows, from line 1) as the reader will read it: rows that hold nothing are skipped. */
export function writtenRows(header: readonly string[], rows: readonly (readonly Out[])[]): ReadRow[] {
  return [header, ...rows].flatMap((row, i) => {
    const cells = row.map(readBack);
    return cells.every((c) => c.kind === 'text' && c.text.trim() === '') ? [] : [{ line: i + 1, cells }];
  });
}

/** Adds the very hidden sheet with both layouts' fingerprints. */
export function addFingerprints(book: ExcelJS.Workbook, tables: string, flat: string): void {
  const sheet = book.addWorksheet(FINGERPRINT_SHEET, { state: 'veryHidden' });
  sheet.addRow([TABLES_LABEL, tables]);
  sheet.addRow([FLAT_LABEL, flat]);
}

/** The fingerprints a workbook holds, or null when it holds none (a workbook okrkit did not write with both layouts). */
function storedFingerprints(book: ExcelJS.Workbook): { tables: string; flat: string } | null {
  const sheet = book.worksheets.find((s) => s.name === FINGERPRINT_SHEET && s.state !== 'visible');
  if (sheet === undefined) return null;
  const value = (line: number, label: string): string | null => {
    const row = sheet.getRow(line);
    const v = row.getCell(2).value;
    return row.getCell(1).value === label && typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? v : null;
  };
  const tables = value(1, TABLES_LABEL);
  const flat = value(2, FLAT_LABEL);
  return tables === null || flat === null ? null : { tables, flat };
}

/** Which layouts of a workbook were edited since okrkit wrote it. */
type Edited = 'none' | 'tables' | 'flat' | 'both';

function editedLayouts(stored: { tables: string; flat: string }, tables: string, flat: string): Edited {
  const t = stored.tables !== tables;
  const f = stored.flat !== flat;
  return t && f ? 'both' : t ? 'tables' : f ? 'flat' : 'none';
}

/**
 * Which layouts of a workbook with both were edited since okrkit wrote it, from its stored
 * fingerprints and its sheets as read; null when it holds none.
 */
export function layoutsEdited(book: ExcelJS.Workbook, tables: readonly { readonly sheet: ExcelJS.Worksheet; readonly rows: readonly ReadRow[] }[], flat: readonly ReadRow[]): Edited | null {
  const stored = storedFingerprints(book);
  if (stored === null) return null;
  return editedLayouts(stored, fingerprintOf(tables.map((t) => ({ name: t.sheet.name, rows: t.rows }))), fingerprintOf([{ name: '', rows: flat }]));
}
