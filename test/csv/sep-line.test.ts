import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanCsv, readPlanSheet, writePlanCsv } from '../../src/csv/index.js';
import { OkrkitError, parsePlan } from '../../src/index.js';
import { run, temp } from '../cli/helpers.js';

// Excel writes a `sep=;` first line on some machines: a separator hint, not a record.
const SHEET = ['mục tiêu;kết quả then chốt;bắt đầu;chỉ tiêu;hiện tại;chu kỳ', 'Tăng doanh thu;Doanh thu;0;20,5;5;Quý IV/2026'];

describe('an Excel sep= first line', () => {
  it.each(['sep=;', 'SEP=;', '\uFEFFsep=;'])('%j names the separator of a flat sheet and is skipped; lines count from the file\'s first', (line) => {
    const plain = readPlanSheet(SHEET.join('\r\n'), { checkInDate: '2026-11-15' }).input;
    const hinted = readPlanSheet([line, ...SHEET].join('\r\n'), { checkInDate: '2026-11-15', file: 'okr.csv' });
    expect(hinted.input).toEqual(plain);
    expect(hinted.locate(['keyResults', 0, 'target'])).toEqual({ file: 'okr.csv', line: 3, column: 'chỉ tiêu' });
  });

  it('wins over the header\'s count: a sep=, file whose header has more ; than , is split on ,', () => {
    const read = readPlanSheet('sep=,\nmục tiêu,kết quả then chốt,chỉ tiêu,chu kỳ,ghi chú\nA;B,Doanh thu,20,Q4 2026,x;y;z\n');
    expect(read.input.objectives?.[0]?.title).toBe('A;B');
  });

  it('a bad cell below it is named on its own line', () => {
    try {
      readPlanSheet(['sep=;', SHEET[0], 'Tăng doanh thu;Doanh thu;0;abc;5;Quý IV/2026'].join('\n'), { checkInDate: '2026-11-15', file: 'okr.csv' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(OkrkitError);
      expect((error as OkrkitError).issues.map((i) => i.path)).toEqual([['okr.csv', 3, 'chỉ tiêu']]);
    }
  });

  it('CSV tables with a sep=; line read as without it, by the library and okrkit validate', async () => {
    const plan = parsePlan({ cycles: [{ id: 'q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' }], objectives: [{ id: 'o1', title: 'Tăng; doanh thu', cycleId: 'q4', weight: 1.5 }] });
    const files = Object.fromEntries(Object.entries(writePlanCsv(plan, { separator: ';', bom: false })).map(([n, t]) => [n, `sep=;\r\n${t}`]));
    expect(parsePlan(readPlanCsv(files).input)).toEqual(plan);
    const dir = temp();
    for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
    expect((await run(['validate', dir])).code).toBe(0);
  });
});
