import { msg } from '../messages/message.js';
import type { CsvProblems, Sheet } from '../csv/rows.js';
import { fieldOfHeader } from '../csv/sheet-headers.js';

// The flat sheet reads a number shown as a percentage as written (0.5 shown as 50% is 50,
// and the key result's unit is `%`), and a plain number as it is. A row that shows one of
// its start, target and current values as a percentage and another as a plain number
// (50% beside 0.3), with no measure to say the unit, cannot be read for sure: 0.3 may be
// 0.3% or 30%. Each such plain number is a problem at its cell.

const VALUES = new Set(['start', 'target', 'current']);

/** Zero at any scale (`0`, `0.0`, `0,00`). */
const isZero = (t: string): boolean => /^[-+]?0+(?:[.,]0*)?$/.test(t);

/** Adds a problem at each plain number of a flat row that also shows a number as a percentage, when the row names no measure. */
export function mixedPercents(sheet: Sheet, place: string, problems: CsvProblems): void {
  const fields = sheet.header.map((h) => fieldOfHeader(h));
  const measure = fields.indexOf('measure');
  const columns = fields.flatMap((f, i) => (f !== undefined && VALUES.has(f) ? [i] : []));
  for (const row of sheet.rows) {
    if (measure >= 0 && (row.cells[measure] ?? '').trim() !== '') continue;
    const values = columns.map((i) => ({ i, text: (row.cells[i] ?? '').trim() })).filter((v) => v.text !== '');
    const percent = values.find((v) => v.text.endsWith('%'));
    if (percent === undefined) continue;
    for (const v of values) {
      if (v.text.endsWith('%') || isZero(v.text)) continue;
      const other = sheet.header[percent.i] ?? '';
      problems.add(place, row.line, sheet.header[v.i] ?? '', 'invalid_value', msg('xlsx.percentMixed', { value: v.text, other, shown: percent.text }));
    }
  }
}
