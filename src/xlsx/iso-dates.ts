import { msg, type Message } from '../messages/message.js';
import { entriesOf, unzipped } from './zip.js';

// SheetJS writes dates as ISO text in cells typed `d` when asked to (`cellDates: true`);
// Excel never does, and exceljs reads them as day numbers. Before exceljs loads such a
// workbook, those cells are rewritten in its sheets: a date at midnight as its day's text
// (`2026-10-01`, read as the calendar day), a date with a time of day as Excel's serial
// number (which the reader refuses at the cell, as it does Excel's own), and the archive
// is written again, stored.

const DATE_CELL = /<c\b([^>]*?)\s+t="d"([^>]*?)(?:\/>|>(?:\s*<v>([^<]*)<\/v>)?\s*<\/c>)/g;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MS = 86_400_000;
/** Excel's day 0 in its 1900 date system, from its day 61 (1900-03-01) on. */
const EPOCH = Date.UTC(1899, 11, 30);

/** The cell's XML with its ISO value as text or as a serial number. */
function dateCell(attributes: string, value: string | undefined): string {
  const text = (value ?? '').trim();
  const m = ISO.exec(text);
  const inline = (t: string) => `<c${attributes} t="inlineStr"><is><t>${t}</t></is></c>`;
  if (m === null) return inline(text);
  const [, y, mo, d, h, mi, s, frac] = m;
  const day = Date.UTC(Number(y), Number(mo) - 1, Number(d));
  const time = (Number(h ?? 0) * 3600 + Number(mi ?? 0) * 60 + Number(s ?? 0) + Number(frac ?? 0)) * 1000;
  if (Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return inline(text);
  if (time === 0) return inline(`${y}-${mo}-${d}`);
  // Excel's days before 1900-03-01 are one lower than days since its day 0 (it counts a 1900-02-29).
  const days = (day + time - EPOCH) / DAY_MS;
  return `<c${attributes}><v>${days >= 1 && days < 61 ? days - 1 : days}</v></c>`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A stored entry's header, local (`at` 4) or in the central directory (`at` 6, where the
 * fields come two bytes later, after the version that made it): signature, versions, UTF-8
 * flag, date, CRC, sizes and name length.
 */
function header(signature: number, at: 4 | 6, crc: number, size: number, nameLength: number): Buffer {
  const head = Buffer.alloc(at === 4 ? 30 : 46);
  head.writeUInt32LE(signature, 0);
  head.writeUInt16LE(20, 4);
  head.writeUInt16LE(20, at);
  head.writeUInt16LE(0x0800, at + 2);
  head.writeUInt16LE(0x21, at + 8);
  head.writeUInt32LE(crc, at + 10);
  head.writeUInt32LE(size, at + 14);
  head.writeUInt32LE(size, at + 18);
  head.writeUInt16LE(nameLength, at + 22);
  return head;
}

/** A zip archive of the parts, stored (no compression). */
function storedZip(parts: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const central = header(0x02014b50, 6, crc, data.length, nameBytes.length);
    central.writeUInt32LE(offset, 42);
    chunks.push(header(0x04034b50, 4, crc, data.length, nameBytes.length), nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = directory.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

/** The workbook with its ISO date cells rewritten (see above), or the problem when its archive cannot be read again. */
export function withoutIsoDates(b: Uint8Array): Uint8Array | Message {
  const entries = entriesOf(b);
  if (entries === null) return msg('xlsx.corrupt', { detail: 'no zip directory' });
  const parts: { name: string; data: Uint8Array }[] = [];
  for (const e of entries) {
    const data = unzipped(b, e);
    if (data === null) return msg('xlsx.corrupt', { detail: `the part ${e.name} does not unzip to its size` });
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) parts.push({ name: e.name, data });
    else parts.push({ name: e.name, data: Buffer.from(Buffer.from(data).toString('utf8').replace(DATE_CELL, (_, a: string, z: string, v: string | undefined) => dateCell(`${a}${z}`, v)), 'utf8') });
  }
  return storedZip(parts);
}
