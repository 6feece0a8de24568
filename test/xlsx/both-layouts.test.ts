import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlan, type Plan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { rejection } from './helpers.js';

/**
 * The workbook with cells of one sheet set, without okrkit's fingerprints (as a workbook
 * someone else made with both layouts; fingerprint.test.ts has those okrkit wrote).
 */
async function edited(bytes: Uint8Array, sheet: string, cells: Record<string, ExcelJS.CellValue>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(bytes).buffer);
  const fingerprints = book.getWorksheet('_okrkit');
  if (fingerprints === undefined) throw new Error('no fingerprints');
  book.removeWorksheet(fingerprints.id);
  const ws = book.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet ${sheet}`);
  for (const [ref, value] of Object.entries(cells)) ws.getCell(ref).value = value;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A plan that fits the flat sheet: metric key results, a cycle named like `Q3 2026`, check-ins. */
const PLAN: Plan = parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  units: [{ id: 'sales', name: 'Sales', level: 'team' }],
  objectives: [
    { id: 'o1', title: 'Grow revenue', cycleId: 'q3', unitId: 'sales' },
    { id: 'o2', title: 'Delight customers', cycleId: 'q3', parentId: 'o1' },
  ],
  keyResults: [
    { id: 'k1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0, target: 100, unit: 'k$', ownerId: 'lan' },
    { id: 'k2', objectiveId: 'o1', title: 'Deals', kind: 'metric', start: 2, target: 10.5 },
    { id: 'k3', objectiveId: 'o2', title: 'NPS', kind: 'metric', start: 10, target: 40 },
  ],
  checkIns: [
    { keyResultId: 'k1', at: '2026-08-01', value: 40 },
    { keyResultId: 'k1', at: '2026-08-15', value: 55 },
    { keyResultId: 'k3', at: '2026-08-10', value: 20 },
  ],
});

describe('readPlanXlsx: a workbook with both the table sheets and the flat sheet, and no fingerprints of them', () => {
  it.each(['en', 'vi'] as const)('reads the workbook as written in %s (the flat sheet equals the tables)', async (locale) => {
    const read = await readPlanXlsx(await writePlanXlsx(PLAN, { locale }));
    expect(parsePlan(read.input)).toEqual(PLAN);
  });

  it('reports an edit made only in the flat sheet at its cell, naming the table cell okrkit reads', async () => {
    const bytes = await edited(await writePlanXlsx(PLAN, { locale: 'vi' }), 'Bảng OKR', { E2: 12 });
    const error = await rejection(readPlanXlsx(bytes, { file: 'okr.xlsx' }));
    expect(error.code).toBe('invalid_csv');
    expect(error.issues.map((i) => i.path)).toEqual([['okr.xlsx › Bảng OKR', 2, 'Hiện tại']]);
    expect(error.issues[0]!.messageKey).toBe('xlsx.flatDiffers');
    expect(error.issues[0]!.message).toBe(
      'The workbook has both the table sheets and this flat sheet, and okrkit reads the tables: this cell holds "12", but the tables hold "55" (sheet check-ins, row 3, column "value"). Make the change in the tables, or delete the table sheets to read this sheet instead (what only the tables hold, such as KPIs, earlier check-ins and notes, is then not read).',
    );
  });

  it('reports a row added only in the flat sheet', async () => {
    const bytes = await edited(await writePlanXlsx(PLAN), 'OKRs', { B5: 'New key result', G3: 2 });
    const error = await rejection(readPlanXlsx(bytes));
    expect(error.issues.map((i) => [i.path, i.messageKey])).toEqual([
      [['plan.xlsx › OKRs', 3, 'Weight'], 'xlsx.flatDiffers'],
      [['plan.xlsx › OKRs', 5, 'Key result'], 'xlsx.flatExtra'],
    ]);
  });
});
