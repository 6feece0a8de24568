import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/index.js';
import { run, temp } from './helpers.js';

const SHEET = fileURLToPath(new URL('../fixtures/local-formats/vi-excel.csv', import.meta.url));
const JSON_PLAN: unknown = JSON.parse(readFileSync(new URL('../fixtures/local-formats/vi-excel.json', import.meta.url), 'utf8'));

describe('--decimal and --date-format on the commands that read a plan', () => {
  it('reads the Vietnamese Excel sheet with --decimal , into the same plan as the JSON', async () => {
    const out = join(temp(), 'plan.json');
    const done = await run(['export', SHEET, '--decimal', ',', '--out', out]);
    expect(done.code).toBe(0);
    expect(parsePlan(JSON.parse(readFileSync(out, 'utf8')))).toEqual(parsePlan(JSON_PLAN));
    expect((await run(['validate', SHEET, '--decimal', ',', '--date-format', 'dd/mm/yyyy'])).code).toBe(0);
  });

  it('without --decimal names the ambiguous cell and the option to pass, never reading 1.500 as 1.5', async () => {
    const done = await run(['validate', SHEET]);
    expect(done.code).not.toBe(0);
    const said = done.stdout + done.stderr;
    expect(said).toMatch(/vi-excel\.csv.*2.*Chỉ tiêu.*"1\.500".*--decimal/);
    expect((await run(['report', SHEET, '--as-of', '2026-11-30'])).code).not.toBe(0);
  });

  it('says the ambiguity in Vietnamese under --locale vi, even in a ,-separated sheet', async () => {
    const dir = temp();
    const sheet = join(dir, 'okr.csv');
    writeFileSync(sheet, 'objective,key result,target,current,cycle,updated\nA,B,1.500,900,Q4/2026,2026-11-15\n');
    expect((await run(['validate', sheet])).code).toBe(0);
    const vi = await run(['validate', sheet, '--locale', 'vi']);
    expect(vi.code).not.toBe(0);
    expect(vi.stdout + vi.stderr).toContain('Không biết "1.500" dùng dấu phẩy hay dấu chấm');
    expect((await run(['validate', sheet, '--locale', 'vi', '--decimal', '.'])).code).toBe(0);
  });

  it('reads d/m/yyyy dates with --date-format, and never guesses month/day', async () => {
    const sheet = join(temp(), 'okr.csv');
    writeFileSync(sheet, 'objective;key result;target;current;cycle;updated\nA;B;10;5;Quý 4 năm 2026;5/11/2026\n');
    const guessed = await run(['validate', sheet]);
    expect(guessed.code).not.toBe(0);
    expect(guessed.stdout + guessed.stderr).toContain('"5/11/2026"');
    const out = join(temp(), 'plan.json');
    expect((await run(['export', sheet, '--date-format', 'dd/mm/yyyy', '--out', out])).code).toBe(0);
    expect(parsePlan(JSON.parse(readFileSync(out, 'utf8'))).checkIns[0]?.at).toBe('2026-11-05');
  });

  it('refuses a bad --decimal or --date-format as bad usage (exit 2), and commands without a <plan> do not take them', async () => {
    const bad = await run(['validate', SHEET, '--decimal', ';']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--decimal must be , or .')]);
    const date = await run(['validate', SHEET, '--date-format', 'mm/dd/yyyy']);
    expect([date.code, date.stderr]).toEqual([2, expect.stringContaining('--date-format must be yyyy-mm-dd or dd/mm/yyyy')]);
    expect((await run(['template', '--decimal', ','])).code).toBe(2);
    for (const name of ['validate', 'lint', 'report', 'export', 'people']) expect((await run([name, '--help'])).stdout).toContain('--decimal MARK');
  });
});

describe('CSV tables separated by ;', () => {
  const PLAN = {
    cycles: [{ id: 'q4', name: 'Quý IV/2026', start: '2026-10-01', end: '2026-12-31' }],
    objectives: [{ id: 'o1', title: 'Tăng doanh thu', cycleId: 'q4' }],
    keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Doanh thu', kind: 'metric', start: 0, target: 123.456 }],
    checkIns: [{ keyResultId: 'k1', at: '2026-11-15', value: 1.5 }],
  };

  it('export --separator ; writes tables that validate and read back as the same plan, without --decimal', async () => {
    const dir = temp();
    const json = join(dir, 'plan.json');
    writeFileSync(json, JSON.stringify(PLAN));
    const tables = join(dir, 'tables');
    expect((await run(['export', json, '--separator', ';', '--out', tables])).code).toBe(0);
    expect(readFileSync(join(tables, 'key-results.csv'), 'utf8')).toContain(';"123,4560"');
    expect((await run(['validate', tables])).code).toBe(0);
    const back = join(dir, 'back.json');
    expect((await run(['export', tables, '--out', back])).code).toBe(0);
    expect(parsePlan(JSON.parse(readFileSync(back, 'utf8')))).toEqual(parsePlan(PLAN));
  });

  it('a ; table written 1.500 is an error at its cell, never 1.5; with --decimal , it is 1500', async () => {
    const tables = join(temp(), 'tables');
    mkdirSync(tables);
    writeFileSync(join(tables, 'cycles.csv'), 'id;name;start;end\nq4;Quý IV/2026;2026-10-01;2026-12-31\n');
    writeFileSync(join(tables, 'objectives.csv'), 'id;title;cycleId\no1;Tăng doanh thu;q4\n');
    writeFileSync(join(tables, 'key-results.csv'), 'id;objectiveId;title;kind;start;target\nk1;o1;Doanh thu;metric;0;1.500\n');
    const refused = await run(['validate', tables]);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toMatch(/key-results\.csv.*2.*target.*"1\.500".*--decimal/);
    const out = join(temp(), 'plan.json');
    expect((await run(['export', tables, '--decimal', ',', '--out', out])).code).toBe(0);
    expect(parsePlan(JSON.parse(readFileSync(out, 'utf8'))).keyResults[0]).toMatchObject({ target: 1500 });
  });
});
