import type { Locale } from '../index.js';
import { msg } from '../messages/message.js';
import type { CsvProblems, Row } from './rows.js';

/** The fields of a flat sheet, each with the headers it may have (English and Vietnamese). */
const FIELDS = {
  objective: ['objective', 'objectives', 'mục tiêu', 'muc tieu'],
  keyResult: ['key result', 'key results', 'kr', 'kết quả then chốt', 'ket qua then chot', 'kết quả chính'],
  start: ['start', 'baseline', 'bắt đầu', 'ban đầu', 'giá trị ban đầu'],
  target: ['target', 'chỉ tiêu', 'giá trị mục tiêu', 'mục tiêu số'],
  current: ['current', 'actual', 'hiện tại', 'thực tế', 'giá trị hiện tại'],
  weight: ['weight', 'trọng số', 'trong so'],
  owner: ['owner', 'người phụ trách', 'phụ trách', 'người sở hữu'],
  cycle: ['cycle', 'quarter', 'period', 'chu kỳ', 'quý', 'kỳ'],
  department: ['department', 'unit', 'team', 'phòng ban', 'bộ phận', 'đơn vị'],
  parent: ['parent', 'parent objective', 'supports', 'mục tiêu cấp trên'],
  measure: ['measure', 'unit of measure', 'đơn vị tính', 'đvt'],
  updated: ['updated', 'as of', 'date', 'ngày cập nhật', 'ngày'],
} as const;
export type SheetField = keyof typeof FIELDS;

/** The columns a sheet cannot do without: a key result needs its objective, target and cycle. */
const REQUIRED = ['objective', 'keyResult', 'target', 'cycle'] as const satisfies readonly SheetField[];

/** The Vietnamese header of each required column, which a missing-column problem names under `vi`. */
const VI_HEADER = { objective: 'mục tiêu', keyResult: 'kết quả then chốt', target: 'chỉ tiêu', cycle: 'chu kỳ' } as const satisfies Record<(typeof REQUIRED)[number], string>;

/** Header text as compared with the aliases: composed, trimmed, lower case, single spaces. */
export const normalHeader = (header: string): string => header.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

const ALIAS: ReadonlyMap<string, SheetField> = new Map(
  Object.entries(FIELDS).flatMap(([field, names]) => (isField(field) ? names.map((name) => [name, field] as const) : [])),
);

function isField(name: string): name is SheetField {
  return Object.hasOwn(FIELDS, name);
}

/** A bilingual header: the text before a parenthesis and the text inside it, as in `Mục tiêu (Objective)`. */
const BILINGUAL = /^([^()]*)\(([^()]*)\)\s*$/;

/**
 * The field a header names, or undefined for a column the sheet reader ignores. A header
 * is matched whole first; else, when written `A (B)`, by `A`, else by `B`, so
 * `Mục tiêu (Objective)` and `Target (Chỉ tiêu)` are both known.
 */
export function fieldOfHeader(header: string): SheetField | undefined {
  const whole = ALIAS.get(normalHeader(header));
  if (whole !== undefined) return whole;
  const parts = BILINGUAL.exec(header.normalize('NFC'));
  if (parts === null) return undefined;
  return ALIAS.get(normalHeader(parts[1] ?? '')) ?? ALIAS.get(normalHeader(parts[2] ?? ''));
}

/** Where each field is in a sheet, and the header it was written with. */
export interface SheetColumns {
  /** The header as written in the sheet, or the field's English name when the sheet has no such column. */
  readonly column: (field: SheetField) => string;
  /** The cell of a field in a row, composed to NFC and trimmed; empty when the sheet has no such column. */
  readonly cell: (row: Row, field: SheetField) => string;
  /** Whether the cell of a field holds a number typed in a workbook (see {@link Row.typed}). */
  readonly typed: (row: Row, field: SheetField) => boolean;
}

/** Whether a header row names every column a flat sheet needs (a workbook's reader looks for its header row with it). */
export function hasRequiredHeaders(header: readonly string[]): boolean {
  const fields = new Set(header.map(fieldOfHeader));
  return REQUIRED.every((field) => fields.has(field));
}

/**
 * Maps a sheet's headers to fields. A field named twice and a required field missing are
 * added to `problems` (on the header's line, 1 unless given), the duplicates first; with
 * two columns for a field the last one is read. Under the `vi` locale a missing column is
 * named by its Vietnamese header and its English one.
 */
export function mapHeaders(header: readonly string[], file: string, problems: CsvProblems, line = 1, locale?: Locale): SheetColumns {
  const index = new Map<SheetField, number>();
  const headerOf = new Map<SheetField, string>();
  header.forEach((name, i) => {
    const field = fieldOfHeader(name);
    if (field === undefined) return;
    if (index.has(field)) problems.add(file, line, name, 'csv_syntax', msg('csv.duplicateColumn', { column: name }));
    index.set(field, i);
    headerOf.set(field, name);
  });
  for (const field of REQUIRED) {
    if (index.has(field)) continue;
    const column = FIELDS[field][0];
    problems.add(file, line, null, 'missing', locale === 'vi' ? msg('csv.missingColumnBilingual', { column, vi: VI_HEADER[field] }) : msg('csv.missingColumn', { column }));
  }
  return {
    column: (field) => headerOf.get(field) ?? FIELDS[field][0],
    cell: (row, field) => {
      const i = index.get(field);
      return i === undefined ? '' : (row.cells[i] ?? '').normalize('NFC').trim();
    },
    typed: (row, field) => {
      const i = index.get(field);
      return i !== undefined && row.typed?.has(i) === true;
    },
  };
}
