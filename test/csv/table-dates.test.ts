import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueLines } from '../builders.js';
import { readPlanCsv, writePlanCsv } from '../../src/csv/index.js';
import { parsePlan } from '../../src/index.js';
import { run, temp } from '../cli/helpers.js';

// The CSV tables' date columns as Excel with Vietnamese settings re-saves them: 15/11/2026.
const PLAN = {
  cycles: [{ id: 'q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' }],
  objectives: [{ id: 'o1', title: 'Tăng doanh thu', cycleId: 'q4' }],
  keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Doanh thu', kind: 'metric', start: 0, target: 10 }],
  initiatives: [{ id: 'i1', title: 'Chiến dịch', keyResultId: 'k1', status: 'planned', due: '2026-12-05' }],
  checkIns: [
    { keyResultId: 'k1', at: '2026-11-15', value: 2 },
    { keyResultId: 'k1', at: '2026-11-16T08:30:00Z', value: 3 },
  ],
};

/** The tables as Excel-vi saves them: every ISO date (not a timestamp) written d/m/yyyy. */
const excelDates = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(files).map(([n, t]) => [n, t.replace(/(?<![\dT:])(\d{4})-(\d{2})-(\d{2})(?![\dT])/g, (_, y: string, m: string, d: string) => `${Number(d)}/${Number(m)}/${y}`)]),
  );

const problems = issueLines;

describe('readPlanCsv dateFormat: the tables\' date columns', () => {
  it('reads 15/11/2026 and 1/10/2026 in start, end, due and at with dd/mm/yyyy; a timestamp stays ISO', () => {
    const files = excelDates(writePlanCsv(PLAN));
    expect(files['cycles.csv']).toContain('q4,Quý IV/2026,1/10/2026,31/12/2026\r\n');
    expect(files['check-ins.csv']).toContain('2026-11-16T08:30:00Z');
    expect(parsePlan(readPlanCsv(files, { dateFormat: 'dd/mm/yyyy' }).input)).toEqual(parsePlan(PLAN));
    // ISO dates read with the setting too, and the setting changes no other column.
    expect(parsePlan(readPlanCsv(writePlanCsv(PLAN), { dateFormat: 'dd/mm/yyyy' }).input)).toEqual(parsePlan(PLAN));
    const titled = { 'objectives.csv': 'id,title,cycleId\no1,1/2/2026,q4\n' };
    expect(readPlanCsv(titled, { dateFormat: 'dd/mm/yyyy' }).input.objectives?.[0]?.title).toBe('1/2/2026');
  });

  it('without the setting every such cell is an error that echoes it and asks for --date-format dd/mm/yyyy', () => {
    const files = excelDates(writePlanCsv(PLAN));
    const found = problems(() => readPlanCsv(files));
    expect(found).toEqual([
      'cycles.csv 2 start: Expected a date such as 2026-11-15, got "1/10/2026"; for dates written day/month/year give the date format setting (--date-format dd/mm/yyyy).',
      'cycles.csv 2 end: Expected a date such as 2026-11-15, got "31/12/2026"; for dates written day/month/year give the date format setting (--date-format dd/mm/yyyy).',
      expect.stringMatching(/^initiatives\.csv 2 due: .*"5\/12\/2026".*--date-format dd\/mm\/yyyy/),
      expect.stringMatching(/^check-ins\.csv 2 at: .*"15\/11\/2026".*--date-format dd\/mm\/yyyy/),
    ]);
    // yyyy-mm-dd said explicitly is the same.
    expect(problems(() => readPlanCsv(files, { dateFormat: 'yyyy-mm-dd' }))).toEqual(found);
  });

  it('a date that is no date (31/2/2026) is an error at its cell even with the setting; a bad setting is invalid_argument', () => {
    expect(problems(() => readPlanCsv({ 'cycles.csv': 'id;name;start;end\nq4;Q;31/2/2026;31/12/2026\n' }, { dateFormat: 'dd/mm/yyyy' }))).toEqual([
      'cycles.csv 2 start: Expected a date written day/month/year such as 15/11/2026, got "31/2/2026".',
    ]);
    expect(() => readPlanCsv({}, { dateFormat: 'mm/dd/yyyy' as 'dd/mm/yyyy' })).toThrow(/options\.dateFormat/);
  });

  it('okrkit validate / export on a folder of tables take --date-format', async () => {
    const dir = join(temp(), 'tables');
    mkdirSync(dir);
    for (const [name, text] of Object.entries(excelDates(writePlanCsv(PLAN, { separator: ';' })))) writeFileSync(join(dir, name), text);
    const refused = await run(['validate', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/cycles\.csv.*"1\/10\/2026".*--date-format dd\/mm\/yyyy/);
    const out = join(temp(), 'plan.json');
    const read = await run(['export', dir, '--date-format', 'dd/mm/yyyy', '--out', out]);
    expect([read.code, read.stderr]).toEqual([0, expect.any(String)]);
    const { readFileSync } = await import('node:fs');
    expect(parsePlan(JSON.parse(readFileSync(out, 'utf8')))).toEqual(parsePlan(PLAN));
  });
});
