import { posix } from 'node:path';
import { entriesOf, unzipped, type Entry } from './zip.js';

// Whether a number is shown as a percentage is decided by its cell's real number format,
// read here from the workbook's XML: exceljs hands okrkit `0\%` (which shows 50 as "50%",
// the `%` only a character) as `0%` (which shows 0.5 as "50%", the value ×100), so its
// numFmt cannot tell them apart. The format codes come from xl/styles.xml (numFmts and
// cellXfs), each cell's from its `s` attribute in the sheet's XML.

/** How a format shows a number: as a percentage (×100), followed by a `%` that is only a character (`0\%`: 50 as "50%"), plainly, or by conditions okrkit cannot be sure of. */
export type Shown = 'percent' | 'literal' | 'plain' | 'unsure' | 'scaled';

/** The format codes of the cells that may show a percentage, or show a date and no time of day: by sheet name, then by {@link cellKey}. Other cells show their numbers plainly. */
export type PercentCells = ReadonlyMap<string, ReadonlyMap<number, string>>;

/** A cell's key in {@link PercentCells}: from its row and column, each from 1. */
export const cellKey = (row: number, column: number): number => (row - 1) * 16_384 + (column - 1);

interface Section {
  readonly percent: boolean;
  /** A `%` written as a character (`\%`, `"%"`), which does not scale the number. */
  readonly literal: boolean;
  readonly condition: boolean;
  /** Shows the number scaled other than by one `%`: `0%%` (×10,000), `#,##0,` (÷1,000). */
  readonly scaled: boolean;
}

const how = (s: Section): Shown => (s.scaled ? 'scaled' : s.percent ? 'percent' : s.literal ? 'literal' : 'plain');

/** A format code's sections (`positive;negative;zero;text`): whether each has a `%` that scales (not `\%`, `"%"`, `_%`, `*%` or in `[...]`) and a condition (`[>100]`). */
function sections(code: string): Section[] {
  const out: Section[] = [];
  let section = { percent: false, literal: false, condition: false, scaled: false };
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    // A comma after a digit and before no digit divides by 1,000 (`#,##0,`); between digits it only groups them.
    if (ch === ',' && /[0#?,]/.test(code[i - 1] ?? '') && !/[0#?,]/.test(code[i + 1] ?? '')) section.scaled = true;
    if (ch === '\\' || ch === '_' || ch === '*') {
      if (ch === '\\' && code[i + 1] === '%') section.literal = true;
      i++;
    } else if (ch === '"' || ch === '[') {
      const end = code.indexOf(ch === '"' ? '"' : ']', i + 1);
      const stop = end < 0 ? code.length : end;
      const inside = code.slice(i + 1, stop);
      if (ch === '[' && /^[<>=]/.test(inside)) section.condition = true;
      if (ch === '"' && inside.includes('%')) section.literal = true;
      i = stop;
    } else if (ch === ';') {
      out.push(section);
      section = { percent: false, literal: false, condition: false, scaled: false };
    } else if (ch === '%') {
      // A second `%` multiplies by 100 again.
      if (section.percent) section.scaled = true;
      section.percent = true;
    }
  }
  out.push(section);
  return out;
}

/**
 * How a number format code shows a number: the section Excel uses for it (the first for a
 * positive number or when there is one section, the second for a negative one, the third
 * for zero) decides. With conditions (`[>=1]`), only sections that all agree are sure.
 */
export function shownAs(code: string, value: number): Shown {
  const numeric = sections(code).slice(0, 3);
  const first = numeric[0] ?? { percent: false, literal: false, condition: false, scaled: false };
  if (numeric.some((s) => s.condition)) return numeric.every((s) => how(s) === how(first)) ? how(first) : 'unsure';
  return how(value > 0 ? first : value < 0 ? (numeric[1] ?? first) : (numeric[2] ?? first));
}

/**
 * Built-in number formats that show a percentage (ids 9 `0%` and 10 `0.00%`; no other
 * built-in one does), and the dates of every locale (14 to 22, 45 to 47; others, such as
 * 27 to 36, depend on the workbook's language and are left out).
 */
const BUILT_IN: ReadonlyMap<number, string> = new Map([
  [9, '0%'], [10, '0.00%'], [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'], [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'],
]);

/** A format code's characters that format (not quoted, escaped, nor in brackets; `[h]`, `[mm]`, `[ss]` kept as `h`). */
function formatting(code: string): string {
  let out = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] ?? '';
    if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '"' || ch === '[') {
      const end = code.indexOf(ch === '"' ? '"' : ']', i + 1);
      const stop = end < 0 ? code.length : end;
      if (ch === '[' && /^(h+|m+|s+)$/i.test(code.slice(i + 1, stop))) out += 'h';
      i = stop;
    } else out += ch;
  }
  return out;
}

/** Whether a number format shows a time of day: an hour, minutes (always beside an hour or seconds), seconds, AM/PM. */
export function showsTimeOfDay(code: string): boolean {
  return /[hs]|am\/pm|a\/p/i.test(formatting(code));
}

/** Whether a format shows a date and no time of day (`dd/mm/yyyy`, `[$-42A]d mmmm yyyy;@`). */
const dayOnly = (code: string): boolean => /[dmy]/i.test(formatting(code).split(';')[0] ?? '') && !showsTimeOfDay(code);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities decoded. */
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (!e.startsWith('#')) return ENTITIES[e] ?? whole;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

type AttributeName = 'numFmtId' | 'formatCode' | 'r' | 's' | 't' | 'Type' | 'Target' | 'Id' | 'name';
const NAMES: readonly AttributeName[] = ['numFmtId', 'formatCode', 'r', 's', 't', 'Type', 'Target', 'Id', 'name'];
const PATTERNS = new Map(NAMES.map((n) => [n, new RegExp(`(?:^|\\s)${n}\\s*=\\s*(["'])(.*?)\\1`, 's')]));

/** An attribute of an element's attribute text, decoded; undefined when absent. */
function attribute(attributes: string, name: AttributeName): string | undefined {
  const pattern = PATTERNS.get(name);
  if (pattern === undefined) return undefined;
  const m = pattern.exec(attributes);
  return m?.[2] === undefined ? undefined : m[2].includes('&') ? unescapeXml(m[2]) : m[2];
}

/** The `(?:prefix:)?name` start tags of an XML text: their attribute texts. */
function tags(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}\\b([^>]*)>`, 'g'))].map((m) => m[1] ?? '');
}

/** The cell style indexes (`s`) whose number format may show a `%`, or shows a date and no time of day, with their format codes. */
function percentStyles(styles: string): Map<number, string> {
  const custom = new Map(tags(styles, 'numFmt').map((a) => [Number(attribute(a, 'numFmtId')), attribute(a, 'formatCode') ?? '']));
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)?.[1] ?? '';
  const found = new Map<number, string>();
  tags(cellXfs, 'xf').forEach((a, index) => {
    const id = Number(attribute(a, 'numFmtId') ?? '0');
    const code = custom.get(id) ?? BUILT_IN.get(id);
    if (code !== undefined && (sections(code).some((s) => s.percent || s.literal || s.scaled) || dayOnly(code))) found.set(index, code);
  });
  return found;
}

/** A cell reference's column number (`B2` → 2) and row, or null. */
function position(ref: string): { column: number; row: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~0x20;
    if (c < 65 || c > 90) break;
    column = column * 26 + c - 64;
  }
  const row = Number(ref.slice(i));
  return i === 0 || i > 3 || !Number.isInteger(row) || row < 1 ? null : { column, row };
}

/** The number cells of a sheet's XML whose style may show a percentage, or a date without a time: cell key → format code. */
function percentCellsOf(xml: string, styles: ReadonlyMap<number, string>): Map<number, string> {
  const cells = new Map<number, string>();
  let row = 0;
  let column = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?(row|c)\b([^>]*)>/g)) {
    const attributes = m[2] ?? '';
    if (m[1] === 'row') {
      row = Number(attribute(attributes, 'r') ?? row + 1);
      column = 0;
      continue;
    }
    const at = position(attribute(attributes, 'r') ?? '');
    column = at?.column ?? column + 1;
    const code = styles.get(Number(attribute(attributes, 's') ?? '0'));
    const type = attribute(attributes, 't') ?? 'n';
    if (code !== undefined && type === 'n') cells.set(cellKey(at?.row ?? row, column), code);
  }
  return cells;
}

/** A part's path from a relationship target, relative to `xl/`. */
const partPath = (target: string): string => posix.normalize(target.startsWith('/') ? target.slice(1) : `xl/${target}`);

/**
 * The cells of a workbook whose number format may show a percentage, by sheet name (empty
 * when its styles have no such format). Parts that cannot be found or read give none: the
 * zip was checked before, and exceljs reports a workbook it cannot read.
 */
export function percentCells(b: Uint8Array): PercentCells {
  const entries = entriesOf(b) ?? [];
  const text = (name: string): string => {
    const e: Entry | undefined = entries.find((x) => x.name === name);
    const data = e === undefined ? null : unzipped(b, e);
    return data === null ? '' : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
  };
  const rels = tags(text('xl/_rels/workbook.xml.rels'), 'Relationship');
  const stylesRel = rels.find((a) => (attribute(a, 'Type') ?? '').endsWith('/styles'));
  const styles = percentStyles(text(partPath(attribute(stylesRel ?? '', 'Target') ?? 'styles.xml')));
  const result = new Map<string, Map<number, string>>();
  if (styles.size === 0) return result;
  const targets = new Map(rels.map((a) => [attribute(a, 'Id') ?? '', attribute(a, 'Target') ?? '']));
  for (const sheet of tags(text('xl/workbook.xml'), 'sheet')) {
    const id = /(?:^|\s)\w+:id\s*=\s*(["'])(.*?)\1/.exec(sheet)?.[2] ?? '';
    const target = targets.get(id);
    const name = attribute(sheet, 'name');
    if (target !== undefined && name !== undefined) result.set(name, percentCellsOf(text(partPath(target)), styles));
  }
  return result;
}
