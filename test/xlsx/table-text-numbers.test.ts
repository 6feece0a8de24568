import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { loadPlan } from '../fixtures.js';
import { rejection } from './helpers.js';

// A table sheet whose number cell holds text, as Excel with Vietnamese settings leaves it:
// read like a ;-separated CSV table, never with a guessed decimal mark.
async function withTargetText(text: string): Promise<{ bytes: Uint8Array; id: string; column: string }> {
  const plan = parsePlan(loadPlan('xyz-corp'));
  const book = XLSX.read(await writePlanXlsx(plan, { sheets: 'tables' }), { type: 'buffer', cellNF: true }); // keep the date formats when SheetJS saves it again
  const sheet = book.Sheets['key-results'];
  if (sheet === undefined) throw new Error('the workbook has a key-results sheet');
  const rows: unknown[][] = XLSX.utils.sheet_to_json(sheet, { header: 1 });
  const header = (rows[0] ?? []).map(String);
  const col = header.indexOf('target');
  const row = rows.findIndex((r, i) => i > 0 && typeof r[col] === 'number');
  sheet[XLSX.utils.encode_cell({ r: row, c: col })] = { t: 's', v: text };
  const id = String(rows[row]?.[header.indexOf('id')]);
  return { bytes: new Uint8Array(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' })), id, column: XLSX.utils.encode_col(col) };
}

describe('readPlanXlsx: text numbers in table sheets', () => {
  it('refuses 1.500 at its cell without a decimal setting, instead of reading 1.5', async () => {
    const { bytes } = await withTargetText('1.500');
    const error = await rejection(readPlanXlsx(bytes, { file: 'plan.xlsx' }));
    expect(error.issues.map((i) => i.path)).toContainEqual(['plan.xlsx › key-results', expect.any(Number), 'target']);
    expect(error.message).toMatch(/1\.500/);
  });

  it('reads 1.500 as 1500 with decimal ",", and 1.5 with decimal "."', async () => {
    const { bytes, id } = await withTargetText('1.500');
    const comma = parsePlan((await readPlanXlsx(bytes, { decimal: ',' })).input);
    expect(comma.keyResults.find((k) => k.id === id)).toMatchObject({ target: 1500 });
    const point = parsePlan((await readPlanXlsx(bytes, { decimal: '.' })).input);
    expect(point.keyResults.find((k) => k.id === id)).toMatchObject({ target: 1.5 });
  });

  it('reads a text number no thousands grouping could write (0,5 and 1234.125) without a setting', async () => {
    for (const [text, value] of [['0,5', 0.5], ['1234.125', 1234.125]] as const) {
      const { bytes, id } = await withTargetText(text);
      const plan = parsePlan((await readPlanXlsx(bytes)).input);
      expect(plan.keyResults.find((k) => k.id === id)).toMatchObject({ target: value });
    }
  });
});
