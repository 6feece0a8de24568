import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { python, readWithPython } from '../csv/python-csv.js';
import { run, temp } from './helpers.js';

/** A plan whose titles hold a bare LF (Excel's Alt+Enter), a comma, a semicolon and quotes. */
const PLAN = {
  cycles: [{ id: 'q3', name: 'Quý 3; 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o1', title: 'Tăng doanh thu\nmiền Bắc, "mới"; nhanh', cycleId: 'q3' }],
  keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Doanh thu\n(tỷ đồng)', kind: 'metric', start: 0, target: 12.5 }],
  checkIns: [{ keyResultId: 'k1', at: '2026-08-01', value: 5.25 }],
};

function planFile(): { dir: string; file: string } {
  const dir = temp();
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(PLAN));
  return { dir, file };
}

const withPython = (name: string) => (python ? name : `${name} (skipped: python3 is not installed, so no second reader checks the files)`);

describe('--separator and RFC 4180 output of export and report --format csv', () => {
  it('export quotes a title with a bare LF, a comma or a quote, and writes ; with --separator ";"', async () => {
    const { dir, file } = planFile();
    expect((await run(['export', file, '--out', join(dir, 'comma')])).code).toBe(0);
    expect(readFileSync(join(dir, 'comma', 'objectives.csv'), 'utf8')).toBe('\uFEFFid,title,cycleId\r\no1,"Tăng doanh thu\nmiền Bắc, ""mới""; nhanh",q3\r\n');
    for (const sep of [';', 'semicolon']) {
      const out = join(dir, `semi-${sep}`);
      expect((await run(['export', file, '--out', out, '--separator', sep])).code).toBe(0);
      expect(readFileSync(join(out, 'objectives.csv'), 'utf8')).toBe('\uFEFFid;title;cycleId\r\no1;"Tăng doanh thu\nmiền Bắc, ""mới""; nhanh";q3\r\n');
      expect(readFileSync(join(out, 'cycles.csv'), 'utf8')).toBe('\uFEFFid;name;start;end\r\nq3;"Quý 3; 2026";2026-07-01;2026-09-30\r\n');
    }
  });

  it('a folder written with ; reads back to the same plan (export back to JSON)', async () => {
    const { dir, file } = planFile();
    expect((await run(['export', file, '--out', join(dir, 'semi'), '--separator', ';'])).code).toBe(0);
    expect((await run(['validate', join(dir, 'semi')])).code).toBe(0);
    expect((await run(['export', join(dir, 'semi'), '--out', join(dir, 'back.json')])).code).toBe(0);
    const back = JSON.parse(readFileSync(join(dir, 'back.json'), 'utf8')) as typeof PLAN;
    expect(back.objectives[0]!.title).toBe(PLAN.objectives[0]!.title);
    expect(back.keyResults[0]!.title).toBe(PLAN.keyResults[0]!.title);
    expect(back.cycles[0]!.name).toBe(PLAN.cycles[0]!.name);
    expect(back.checkIns[0]!.value).toBe(5.25);
  });

  it('report --format csv quotes the bare LF and takes --separator', async () => {
    const { file } = planFile();
    const comma = await run(['report', file, '--format', 'csv', '--as-of', '2026-08-15']);
    expect(comma.code).toBe(0);
    expect(comma.stdout).toContain('Objective,o1,"Tăng doanh thu\nmiền Bắc, ""mới""; nhanh",');
    const semi = await run(['report', file, '--format', 'csv', '--as-of', '2026-08-15', '--separator', ';']);
    expect(semi.code).toBe(0);
    expect(semi.stdout.split('\r\n')[0]).toBe('\uFEFFtype;id;title;parent;level;unit;owner;score;status;expected;confidence;grade;forecast;value;target;state;aggregatedFrom');
    expect(semi.stdout).toContain('Objective;o1;"Tăng doanh thu\nmiền Bắc, ""mới""; nhanh";');
    expect(semi.stdout).toContain('Key result;k1;"Doanh thu\n(tỷ đồng)";o1;');
  });

  it.skipIf(!python)(withPython("Python's csv module reads export's and report's ; files into the plan's titles"), async () => {
    const { dir, file } = planFile();
    expect((await run(['export', file, '--out', join(dir, 'semi'), '--separator', ';'])).code).toBe(0);
    expect((await run(['report', file, '--out', join(dir, 'report.csv'), '--separator', ';', '--as-of', '2026-08-15'])).code).toBe(0);
    const files: Record<string, string> = { 'report.csv': readFileSync(join(dir, 'report.csv'), 'utf8') };
    for (const name of readdirSync(join(dir, 'semi'))) files[name] = readFileSync(join(dir, 'semi', name), 'utf8');
    const read = readWithPython(files, ';');
    expect(read['objectives.csv']).toEqual([['id', 'title', 'cycleId'], ['o1', PLAN.objectives[0]!.title, 'q3']]);
    expect(read['key-results.csv']![1]![2]).toBe(PLAN.keyResults[0]!.title);
    const report = read['report.csv']!;
    expect(report.every((row) => row.length === report[0]!.length)).toBe(true);
    expect(report.find((row) => row[0] === 'Objective')![2]).toBe(PLAN.objectives[0]!.title);
  });

  it('refuses a separator other than , or ;, and --separator where no CSV is written (exit 2)', async () => {
    const { dir, file } = planFile();
    const bad = await run(['export', file, '--out', join(dir, 'x'), '--separator', '|']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('--separator must be "," or ";"')]);
    const json = await run(['export', file, '--out', join(dir, 'x.json'), '--separator', ';']);
    expect([json.code, json.stderr]).toEqual([2, expect.stringContaining('--separator is for CSV tables')]);
    const text = await run(['report', file, '--separator', ';']);
    expect([text.code, text.stderr]).toEqual([2, expect.stringContaining('--separator is for --format csv')]);
    const lint = await run(['lint', file, '--separator', ';']);
    expect([lint.code, lint.stderr]).toEqual([2, expect.stringContaining('has no --separator option')]);
  });
});
