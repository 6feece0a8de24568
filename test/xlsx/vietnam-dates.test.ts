import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { rejection } from './helpers.js';

// SheetJS turns a JavaScript Date into a day number in the local zone, with the zone's
// local mean time: under Asia/Ho_Chi_Minh, new Date(2026, 10, 15) becomes 46341.00034722222
// (00:00:30 past midnight). Excel shows it 15/11/2026, and so okrkit reads it: a date whose
// format shows no time of day is the day it shows.

const HEADER = ['Objective', 'Key result', 'Target', 'Current', 'Cycle', 'Updated'];

/** A workbook SheetJS makes in a child process under TZ=Asia/Ho_Chi_Minh: a flat sheet and a cycles table, dates as local Dates. */
function madeInVietnam(): Uint8Array {
  const xlsx = createRequire(import.meta.url).resolve('xlsx');
  const script = `
    const XLSX = require(${JSON.stringify(xlsx)});
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([${JSON.stringify(HEADER)}, ['Grow', 'Deals', 10, 4, 'Q4 2026', new Date(2026, 10, 15)]]), 'OKR');
    process.stdout.write(Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' })).toString('base64'));`;
  const out = execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TZ: 'Asia/Ho_Chi_Minh' } });
  return new Uint8Array(Buffer.from(out.toString(), 'base64'));
}

function book(sheets: Record<string, XLSX.WorkSheet>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, ws, name);
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

describe('readPlanXlsx: dates SheetJS writes in Vietnam time', () => {
  it('reads the date of a workbook SheetJS made under TZ=Asia/Ho_Chi_Minh as the day Excel shows', async () => {
    const bytes = madeInVietnam();
    const cell = XLSX.read(bytes, { type: 'array', cellNF: true }).Sheets['OKR']?.['F2'] as XLSX.CellObject | undefined;
    expect(cell?.v).toBeCloseTo(46341.00034722222, 12);
    const read = await readPlanXlsx(bytes);
    expect((read.input as { checkIns: { at: string }[] }).checkIns.map((c) => c.at)).toEqual(['2026-11-15']);
  });

  it('reads a day number with a time under a format showing none (dd/mm/yyyy, a table’s date too) as its day', async () => {
    const flat = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'Deals', 10, 4, 'Q4 2026', '']]);
    flat['F2'] = { t: 'n', v: 46341.00034722222, z: 'dd/mm/yyyy' };
    expect((await readPlanXlsx(book({ OKR: flat }))).input.checkIns).toEqual([expect.objectContaining({ at: '2026-11-15' })]);
    const cycles = XLSX.utils.aoa_to_sheet([['id', 'name', 'start', 'end'], ['q4', 'Q4 2026', '', '']]);
    // 23:59:30 on day 46296, 2026-10-01: Excel shows that day.
    cycles['C2'] = { t: 'n', v: 46296.99965277778, z: '[$-42A]dd/mm/yyyy;@' };
    cycles['D2'] = { t: 'n', v: 46387.00034722222, z: 'd mmmm yyyy' };
    expect((await readPlanXlsx(book({ cycles }))).input.cycles).toEqual([{ id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }]);
  });

  it('still refuses a date with a time of day under a format that shows one', async () => {
    const flat = XLSX.utils.aoa_to_sheet([HEADER, ['Grow', 'A', 10, 4, 'Q4 2026', ''], ['Grow', 'B', 10, 4, 'Q4 2026', ''], ['Grow', 'C', 10, 4, 'Q4 2026', '']]);
    flat['F2'] = { t: 'n', v: 46341.5, z: 'yyyy-mm-dd hh:mm' };
    flat['F3'] = { t: 'n', v: 46341.00034722222, z: 'dd/mm/yyyy h:mm:ss AM/PM' };
    flat['F4'] = { t: 'n', v: 46341.25, z: 'dd/mm/yyyy [h]' };
    const error = await rejection(readPlanXlsx(book({ OKR: flat })));
    expect(error.issues.map((i) => [i.path, i.messageKey, i.params.value])).toEqual([
      [['plan.xlsx › OKR', 2, 'Updated'], 'xlsx.dateTime', '2026-11-15 12:00:00'],
      [['plan.xlsx › OKR', 3, 'Updated'], 'xlsx.dateTime', '2026-11-15 00:00:30'],
      [['plan.xlsx › OKR', 4, 'Updated'], 'xlsx.dateTime', '2026-11-15 06:00:00'],
    ]);
  });

  it('reads a flat-sheet workbook okrkit wrote and SheetJS re-saved after a drifted date was typed into it', async () => {
    const plan = parsePlan({
      cycles: [{ id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }],
      objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q4' }],
      keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Deals', kind: 'metric', start: 0, target: 10 }],
      checkIns: [{ keyResultId: 'k1', at: '2026-11-01', value: 2 }],
    });
    const wb = XLSX.read(await writePlanXlsx(plan, { sheets: 'flat' }), { type: 'array', cellNF: true });
    wb.Sheets['OKRs']!['L2'] = { t: 'n', v: 46341.00034722222, z: 'dd/mm/yyyy' };
    const read = await readPlanXlsx(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer));
    expect(read.locate(['checkIns', 0, 'at'])?.sheet).toBe('OKRs');
    expect(parsePlan(read.input).checkIns).toEqual([expect.objectContaining({ at: '2026-11-15', value: 2 })]);
  });
});
