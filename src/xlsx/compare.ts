import type { Worksheet } from 'exceljs';
import { Dec } from '../_lib/numeric.js';
import { msg } from '../messages/message.js';
import type { CsvPlan } from '../csv/read-tables.js';
import type { CsvProblems } from '../csv/rows.js';
import { fieldOfHeader } from '../csv/sheet-headers.js';
import { FLAT_HEADERS, flatLayout, type FlatSource } from './flat.js';
import { headerTexts, readRows, type ReadRow } from './cells.js';
import type { Out } from './style.js';

// A workbook with both the table sheets and the flat sheet (what writePlanXlsx writes) is
// read from its tables; an edit made only in the flat sheet would be lost without a word.
// So the flat sheet is compared with the flat layout of the plan the tables hold (the
// writer's own function), and every cell that differs is a problem.

/** The plan path each flat column comes from (by column index), given the row's source. */
function pathOf(column: number, s: FlatSource): (string | number)[] {
  const kr = (field: string) => (s.keyResult === null ? ['objectives', s.objective, 'title'] : ['keyResults', s.keyResult, field]);
  const checkIn = (field: string) => (s.checkIn === null ? kr('title') : ['checkIns', s.checkIn, field]);
  const paths: (() => (string | number)[])[] = [
    () => ['objectives', s.objective, 'title'], () => kr('title'), () => kr('start'), () => kr('target'), () => checkIn('value'),
    () => kr('unit'), () => kr('weight'), () => kr('ownerId'), () => ['objectives', s.objective, 'cycleId'],
    () => ['objectives', s.objective, 'unitId'], () => ['objectives', s.objective, 'parentId'], () => checkIn('at'),
  ];
  return (paths[column] ?? (() => ['objectives', s.objective, 'title']))();
}

/** A written value as the reader reads it back. */
function textOf(value: Out | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return new Dec(String(value)).toFixed();
  return String(value);
}

function cellText(row: ReadRow | undefined, i: number): string {
  const c = row?.cells[i];
  if (c === undefined) return '';
  return c.kind === 'problem' ? '#?' : c.text.trim();
}

const quote = (t: string): string => `"${t}"`;

/**
 * Adds a problem at every cell of the flat sheet that differs from the flat layout of the
 * plan read from the tables; `bothEdited` when okrkit wrote the workbook and both layouts
 * were edited since (the message asks to keep one). Else okrkit reads the tables, and the
 * flat sheet's edit would be lost.
 */
export function compareFlat(sheet: Worksheet, formats: ReadonlyMap<number, string>, headerLine: number, read: CsvPlan, place: string, problems: CsvProblems, bothEdited = false): void {
  const layout = flatLayout(read.input);
  const header = headerTexts(sheet, headerLine);
  const fields = FLAT_HEADERS.en.map(fieldOfHeader);
  const columns = header.map((h) => (h === '' ? -1 : fields.indexOf(fieldOfHeader(h))));
  // Numbers as their values, dates as the days their formats show.
  const rows = new Map(readRows(sheet, { mode: 'value', formats }).map((r) => [r.line, r]));
  // Not Math.max(...rows.keys()): a sheet of 250,000 rows is too many arguments.
  const last = [...rows.keys()].reduce((a, b) => Math.max(a, b), headerLine + (layout?.rows.length ?? 0));
  for (let line = headerLine + 1; line <= last; line++) {
    const expected = layout?.rows[line - headerLine - 1];
    const source = layout?.sources[line - headerLine - 1];
    columns.forEach((column, i) => {
      if (column < 0) return;
      const got = cellText(rows.get(line), i);
      const want = textOf(expected?.[column]).trim();
      if (got === want) return;
      const where = source === undefined ? null : read.locate(pathOf(column, source));
      const message = where === null
        ? msg(bothEdited ? 'xlsx.bothEditedExtra' : 'xlsx.flatExtra', { got: quote(got) })
        : msg(bothEdited ? 'xlsx.bothEdited' : 'xlsx.flatDiffers', { got: quote(got), expected: quote(want), sheet: where.sheet ?? where.file, line: where.line, column: where.column ?? '' });
      problems.add(place, line, header[i] ?? '', 'invalid_value', message);
    });
  }
}
