import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/index.js';
import { readPlanXlsx, writePlanXlsx } from '../../src/xlsx/index.js';
import { loadPlan } from '../fixtures.js';

// okrkit's workbook code must give the same days in every time zone: an Excel date is a
// calendar day, stored as a day number with no zone. CI runs this file in UTC and in
// Asia/Ho_Chi_Minh (UTC+7). (The other xlsx tests make their workbooks with SheetJS, which
// turns JavaScript Dates into day numbers in the local zone, so they run in UTC only.)
const fixture = (name: string) => readFileSync(new URL(`../fixtures/xlsx/${name}`, import.meta.url));

describe(`okrkit/xlsx in the time zone ${process.env.TZ ?? '(unset)'}`, () => {
  it('reads the committed workbook fixture to the same plan as its JSON twin', async () => {
    const read = await readPlanXlsx(fixture('vi-excel.xlsx'), { decimal: ',', file: 'okr.xlsx' });
    expect(parsePlan(read.input)).toEqual(parsePlan(JSON.parse(fixture('vi-excel.json').toString('utf8')) as object));
  });

  it.each(['xyz-corp', 'abc-kpis'] as const)('writes %s with each date as the day number of that calendar day, and reads the same days back', async (name) => {
    const plan = parsePlan(loadPlan(name));
    const bytes = await writePlanXlsx(plan);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(bytes).buffer);
    const cycles = book.getWorksheet('cycles');
    const header = cycles?.getRow(1).values;
    const startColumn = Array.isArray(header) ? header.indexOf('start') : -1;
    const first = plan.cycles[0];
    expect(startColumn).toBeGreaterThan(0);
    const cell = cycles?.getRow(2).getCell(startColumn).value;
    // exceljs gives a date cell as the UTC midnight of its day number, in every zone.
    expect(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell).toBe(first?.start);
    const back = parsePlan((await readPlanXlsx(bytes)).input);
    expect(back.cycles).toEqual(plan.cycles);
    expect(back.checkIns.map((c) => c.at)).toEqual(plan.checkIns.map((c) => c.at));
  });
});
