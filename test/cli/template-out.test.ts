import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

describe('okrkit template --out FILE writes that one file in that format', () => {
  it('start.xlsx: one workbook (a file, not a folder) holding the flat sheet, headers in the locale', async () => {
    const out = join(temp(), 'start.xlsx');
    const result = await run(['template', '--out', out, '--locale', 'vi']);
    expect([result.code, result.stdout]).toEqual([0, '']);
    expect(statSync(out).isFile()).toBe(true);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const { Workbook } = (await import('exceljs')).default;
    const book = new Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(out)).buffer);
    const visible = book.worksheets.filter((s) => s.state === 'visible');
    expect(visible).toHaveLength(1);
    expect(JSON.stringify(visible[0]!.getRow(1).values)).toMatch(/Mục tiêu/);
    const report = await run(['report', out, '--as-of', '2026-08-15', '--format', 'json']);
    expect(report.code).toBe(0);
  });

  it('sheet.csv: the flat sheet; plan.json: the plan', async () => {
    const dir = temp();
    const csv = await run(['template', '--out', join(dir, 'sheet.csv'), '--locale', 'vi']);
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'sheet.csv'), 'utf8')).toMatch(/^\uFEFFmục tiêu;kết quả then chốt;/);
    const json = await run(['template', '--out', join(dir, 'plan.json'), '--format', 'json']);
    expect([json.code, JSON.parse(json.stdout)]).toEqual([0, { written: [join(dir, 'plan.json')] }]);
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).toMatchObject({ name: 'Starter plan' });
  });

  it('a name without an extension is the folder of all files, as before', async () => {
    const dir = join(temp(), 'starter');
    expect((await run(['template', '--out', dir])).code).toBe(0);
    for (const f of ['plan.json', 'sheet.csv', 'start.xlsx', 'tables/objectives.csv']) expect(existsSync(join(dir, f))).toBe(true);
  });

  it('another extension is bad usage (exit 2) and writes nothing', async () => {
    const out = join(temp(), 'plan.txt');
    const result = await run(['template', '--out', out]);
    expect([result.code, result.stderr]).toEqual([2, expect.stringMatching(/\.txt/)]);
    expect(existsSync(out)).toBe(false);
  });

  it.each(['start.xlsx', 'sheet.csv', 'plan.json'])('%s: an existing file is kept without --force and replaced with it', async (name) => {
    const out = join(temp(), name);
    writeFileSync(out, 'mine');
    const kept = await run(['template', '--out', out]);
    expect([kept.code, kept.stderr, readFileSync(out, 'utf8')]).toEqual([2, expect.stringMatching(/already exists/), 'mine']);
    expect((await run(['template', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('mine');
  });

  it('a folder named like a file is refused (exit 2)', async () => {
    const out = join(temp(), 'start.xlsx');
    mkdirSync(out);
    expect((await run(['template', '--out', out])).code).toBe(2);
  });
});
