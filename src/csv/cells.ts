import { Decimal } from 'decimal.js';
import { DECIMAL_STRING } from '../_lib/numeric.js';
import { msg, type Message } from '../messages/message.js';
import type { CellType } from './columns.js';
import { plainNumber, type NumberContext } from './number-format.js';

/** A cell read into a value, or the reason it could not be. */
export type CellResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: Message };

/** A number cell read into a number or an exact decimal string (both are okrkit's `Numeric`), or the reason it could not be. */
export type NumberResult = { readonly ok: true; readonly value: number | string } | { readonly ok: false; readonly message: Message };

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'có', 'co', 'đúng']);
const FALSE = new Set(['false', 'no', 'n', '0', 'không', 'khong', 'sai']);

/**
 * The characters that make a spreadsheet read a cell as a formula or a command (OWASP
 * "CSV injection": `=`, `+`, `-`, `@`, tab, carriage return; a line feed too), and the
 * single quote that marks the rest of a cell as text.
 */
const NEEDS_QUOTE = /^[=+\-@\t\r\n']/;

/**
 * A text cell made safe to open in a spreadsheet: text starting with a formula character
 * or with `'` gets a leading `'`, which spreadsheets take as "this is text". The rule is
 * reversible ({@link readText} removes one leading `'`), so a text that itself starts
 * with `'` round-trips too. Numbers in number columns are not text and are written as is.
 */
const writeText = (text: string): string => (NEEDS_QUOTE.test(text) ? `'${text}` : text);

/** A text cell as written by {@link writeText}, back to the text: one leading `'` removed, composed to NFC. */
const readText = (cell: string): string => (cell.startsWith("'") ? cell.slice(1) : cell).normalize('NFC');

/** The message of each problem, each with a hint that fits the context (see {@link NumberContext}). */
const NUMBER_PROBLEM = { number: 'csv.number', unknown: 'csv.numberUnknown', ambiguous: 'csv.numberAmbiguous', comma: 'csv.numberComma', point: 'csv.numberPoint' } as const;

/**
 * Reads a number cell in its file's context (see {@link NumberContext}; by default a dot for
 * decimals and no thousands separators). A decimal that a JS number holds exactly becomes
 * that number; one it cannot (more digits than a double keeps) stays a decimal string, which
 * okrkit's numeric fields accept, so no precision is lost on the way in.
 */
export function readNumber(text: string, context: NumberContext = 'point'): NumberResult {
  const s = plainNumber(text.trim(), context);
  if (typeof s !== 'string') return { ok: false, message: msg(NUMBER_PROBLEM[s.problem], { value: text }) };
  const n = Number(s);
  if (Number.isFinite(n) && new Decimal(s).eq(new Decimal(String(n)))) return { ok: true, value: n };
  return { ok: true, value: s };
}

/** Reads one non-empty cell as its column's type. */
export function readCell(text: string, type: CellType, numbers: NumberContext = 'point'): CellResult {
  switch (type) {
    case 'text':
      return { ok: true, value: readText(text) };
    case 'number':
      return readNumber(text, numbers);
    case 'boolean': {
      const s = text.trim().toLowerCase();
      if (TRUE.has(s)) return { ok: true, value: true };
      if (FALSE.has(s)) return { ok: true, value: false };
      return { ok: false, message: msg('csv.boolean', { value: text }) };
    }
    case 'weight':
      // A weight is a number, or the word `target` (weigh by the target's size).
      return text.trim().toLowerCase() === 'target' ? { ok: true, value: 'target' } : readNumber(text, numbers);
    case 'json':
      try {
        const value: unknown = JSON.parse(text.startsWith("'") ? text.slice(1) : text);
        return { ok: true, value };
      } catch {
        return { ok: false, message: msg('csv.json', { value: text.length > 40 ? `${text.slice(0, 40)}…` : text }) };
      }
  }
}

/**
 * Writes a value into a cell of a column's type, or returns `undefined` when the value
 * does not fit the column (it then travels in the `extra` column). Empty strings do
 * not fit either: an empty cell reads back as "absent".
 */
export function writeCell(value: unknown, type: CellType): string | undefined {
  switch (type) {
    case 'text':
      return typeof value === 'string' && value !== '' ? writeText(value) : undefined;
    case 'weight':
      if (value === 'target') return value;
      return writeCell(value, 'number');
    case 'number':
      if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
      return typeof value === 'string' && DECIMAL_STRING.test(value) ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? String(value) : undefined;
    case 'json': {
      // JSON text never starts with `'`, and a top-level negative number would start with `-`.
      const json = value === undefined ? undefined : JSON.stringify(value);
      return json === undefined ? undefined : writeText(json);
    }
  }
}
