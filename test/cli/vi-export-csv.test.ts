import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateFiles } from '../../src/cli/template.js';
import { OkrkitError, parsePlan } from '../../src/index.js';
import { readPlanCsv, writePlanCsv } from '../../src/csv/index.js';
import { run, temp } from './helpers.js';

// The tables okrkit writes for a Vietnamese user are laid out as Excel with Vietnamese
// settings opens them (`;`, decimal comma), and read back after Excel has saved them.
const PLAN = {
  cycles: [{ id: 'q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' }],
  objectives: [{ id: 'o1', title: 'Tăng doanh thu', cycleId: 'q4', weight: 1.5 }],
  keyResults: [
    { id: 'k1', objectiveId: 'o1', title: 'Doanh thu', kind: 'metric', start: 0, target: 0.5 },
    { id: 'k2', objectiveId: 'o1', title: 'Khách hàng, mới', kind: 'metric', start: 0, target: 123.456 },
  ],
  checkIns: [{ keyResultId: 'k1', at: '2026-11-15', value: 0.25, confidence: 0.7 }],
};

/** What Excel with Vietnamese settings writes when it saves a `;` file: no quotes around a number with a decimal comma. */
const excelViSave = (text: string): string => text.replace(/"(-?\d+,\d+)"/g, '$1');

async function exported(args: string[] = []): Promise<string> {
  const dir = temp();
  const json = join(dir, 'plan.json');
  writeFileSync(json, JSON.stringify(PLAN));
  const tables = join(dir, 'tables');
  const result = await run(['export', json, '--out', tables, ...args]);
  expect([result.code, result.stderr]).toEqual([0, expect.any(String)]);
  return tables;
}

describe('okrkit export --locale vi: ; tables with a decimal comma, read back after an Excel-vi edit', () => {
  it('--locale vi writes ; and a decimal comma; --separator , under vi keeps the point; no option keeps , and the point', async () => {
    const vi = readFileSync(join(await exported(['--locale', 'vi']), 'key-results.csv'), 'utf8');
    expect(vi.split('\r\n').slice(0, 3)).toEqual(['\uFEFFid;objectiveId;title;kind;start;target', 'k1;o1;Doanh thu;metric;0;"0,5"', 'k2;o1;"Khách hàng, mới";metric;0;"123,4560"']);
    const viComma = readFileSync(join(await exported(['--locale', 'vi', '--separator', ',']), 'key-results.csv'), 'utf8');
    expect(viComma).toContain('k1,o1,Doanh thu,metric,0,0.5\r\n');
    const plain = readFileSync(join(await exported(), 'key-results.csv'), 'utf8');
    expect(plain).toContain('k1,o1,Doanh thu,metric,0,0.5\r\n');
  });

  it("the cold user's flow: export ; (vi), Excel-vi saves 0,5 edited to 1.500, read back with --decimal , gives the exact plan with the edit", async () => {
    const tables = await exported(['--locale', 'vi']);
    for (const name of ['objectives.csv', 'key-results.csv', 'check-ins.csv']) writeFileSync(join(tables, name), excelViSave(readFileSync(join(tables, name), 'utf8')));
    const krs = join(tables, 'key-results.csv');
    const edited = readFileSync(krs, 'utf8').replace('k1;o1;Doanh thu;metric;0;0,5', 'k1;o1;Doanh thu;metric;0;1.500');
    expect(edited).toContain(';1.500\r\n');
    writeFileSync(krs, edited);
    // Without --decimal: an error at the cell asking for --decimal , (never 1.5).
    const refused = await run(['validate', tables]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/key-results\.csv.*2.*target.*"1\.500".*--decimal/);
    // With --decimal , the export's own 0,5-style cells and the edit are read.
    const back = join(temp(), 'back.json');
    const read = await run(['export', tables, '--decimal', ',', '--out', back]);
    expect([read.code, read.stderr]).toEqual([0, expect.any(String)]);
    const expected = structuredClone(PLAN);
    expected.keyResults[0]!.target = 1500;
    expect(parsePlan(JSON.parse(readFileSync(back, 'utf8')))).toEqual(parsePlan(expected));
  });

  it('the same tables read back without a setting, and with --decimal , , before any edit', async () => {
    const tables = await exported(['--locale', 'vi']);
    for (const extra of [[], ['--decimal', ',']]) {
      const back = join(temp(), 'back.json');
      expect((await run(['export', tables, ...extra, '--out', back])).code).toBe(0);
      expect(parsePlan(JSON.parse(readFileSync(back, 'utf8')))).toEqual(parsePlan(PLAN));
    }
  });

  it('export --help says the separator chooses the decimal mark of the tables, in both languages', async () => {
    expect((await run(['export', '--help'])).stdout).toMatch(/The separator\s+chooses the decimal mark of the CSV tables: a comma with ;/);
    expect((await run(['export', '--help', '--locale', 'vi'])).stdout).toMatch(/Dấu phân\s+cách quyết định dấu thập phân của các bảng CSV: dấu phẩy khi dùng ;/);
  });
});

describe('writePlanCsv decimal', () => {
  it('refuses a decimal comma with the , separator, and a mark other than , or ., as invalid_argument', () => {
    expect(() => writePlanCsv(PLAN, { separator: ',', decimal: ',' })).toThrow(OkrkitError);
    expect(() => writePlanCsv(PLAN, { decimal: ',' })).toThrow(/options\.decimal "," needs options\.separator ";"/);
    expect(() => writePlanCsv(PLAN, { separator: ';', decimal: '·' as ',' })).toThrow(/options\.decimal/);
  });

  it('Excel-vi-saved tables (unquoted 0,5) read back without a setting', () => {
    const files = Object.fromEntries(Object.entries(writePlanCsv(PLAN, { separator: ';' })).map(([n, t]) => [n, excelViSave(t)]));
    expect(files['key-results.csv']).toContain(';0,5\r\n');
    expect(parsePlan(readPlanCsv(files).input)).toEqual(parsePlan(PLAN));
  });
});

describe('okrkit template --locale vi', () => {
  it('the tables and sheet.csv are ;-separated with a decimal comma, and read back as plan.json', () => {
    const files = templateFiles('vi', '2026-08-15');
    expect(files['sheet.csv']).toMatch(/^\uFEFFmục tiêu;kết quả then chốt;/);
    expect(files['tables/check-ins.csv']).toMatch(/;"0,7"\r\n/);
    const tables = Object.fromEntries(Object.entries(files).filter(([n]) => n.startsWith('tables/')).map(([n, t]) => [n.slice('tables/'.length), t]));
    expect(parsePlan(readPlanCsv(tables).input)).toEqual(parsePlan(JSON.parse(files['plan.json']!)));
    expect(parsePlan(readPlanCsv(tables, { decimal: ',' }).input)).toEqual(parsePlan(JSON.parse(files['plan.json']!)));
    expect(templateFiles('en', '2026-08-15')['tables/check-ins.csv']).toMatch(/,0\.7\r\n/);
  });
});
