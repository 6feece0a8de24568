import { msg, type Message } from '../messages/message.js';

// What a sheet's XML may hold that exceljs reads wrong without a word: a number cell whose
// value is no number (`<v>1,5</v>` became 1, `<v>0x10</v>` 0) and a row written twice (the
// second replaced the first, and a key result vanished). Checked on the bytes, before
// exceljs sees them.

/** A number as OOXML writes a cell's value: decimal digits, a point, an exponent. */
const NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

const attribute = (open: string, name: string): string | undefined => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(open)?.[1];

/** The first number cell of a sheet whose value is no number, as its reference and value; null when none. */
function badNumber(xml: Buffer): { cell: string; value: string } | null {
  for (let v = xml.indexOf('<v>'); v !== -1; v = xml.indexOf('<v>', v + 3)) {
    const end = xml.indexOf('</v>', v);
    if (end === -1) continue;
    const value = xml.toString('utf8', v + 3, end);
    if (NUMBER.test(value)) continue; // the most cells: only text and numbers that are no number need their type
    const c = xml.lastIndexOf('<c', v);
    const open = c === -1 ? '' : xml.toString('utf8', c, xml.indexOf('>', c) + 1);
    if ((attribute(open, 't') ?? 'n') === 'n') return { cell: attribute(open, 'r') ?? '?', value };
  }
  return null;
}

/** The first row number a sheet writes again, or out of order; null when its rows go up. */
function repeatedRow(xml: Buffer): number | null {
  let last = 0;
  for (let i = xml.indexOf('<row'); i !== -1; i = xml.indexOf('<row', i + 4)) {
    const close = xml.indexOf('>', i);
    const r = attribute(xml.toString('utf8', i, close === -1 ? i + 200 : close + 1), 'r');
    if (r === undefined) continue; // a row without its number follows the one before
    const n = Number(r);
    if (n <= last) return n;
    last = n;
  }
  return null;
}

/** What exceljs would read wrong in a sheet part (`name` is its path in the zip), or null. */
export function sheetXmlProblem(part: Uint8Array, name: string): Message | null {
  const xml = Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  const bad = badNumber(xml);
  if (bad !== null) return msg('xlsx.notANumber', { part: name, cell: bad.cell, value: bad.value });
  const row = repeatedRow(xml);
  return row === null ? null : msg('xlsx.rowRepeated', { part: name, row });
}
