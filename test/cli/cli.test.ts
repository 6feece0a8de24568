import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';
import { evaluate, formatScore, parsePlan, planJsonSchema } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');



describe('okrkit report', () => {
  it('prints the evaluated plan as text, with the scores evaluate gives', async () => {
    const { code, stdout } = await run(['report', join(PLANS, 'xyz-corp.json'), '--as-of', '2026-10-01']);
    expect(code).toBe(0);
    const plan = parsePlan(loadPlan('xyz-corp'));
    const e = evaluate(plan, { asOf: '2026-10-01' });
    for (const o of plan.objectives) expect(stdout).toContain(`${formatScore(e.objectives[o.id]!.score).padStart(3)}  ${o.title}`);
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours on a terminal, never with NO_COLOR or --no-color', async () => {
    const args = ['report', join(PLANS, 'xyz-corp.json')];
    expect((await run(args, { tty: true })).stdout).toContain('\u001b[');
    expect((await run(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run([...args, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
  });

  it('writes every format, picking it from --out when --format is not given', async () => {
    const dir = temp();
    for (const [file, start] of [['r.html', '<!doctype html>'], ['r.md', '# Công ty ABC'], ['r.json', '{'], ['r.csv', '\uFEFFloại;id;tiêu đề'], ['r.txt', 'Công ty ABC']] as const) {
      const { code, stderr } = await run(['report', join(PLANS, 'abc-kpis.json'), '--as-of', '2026-11-15', '--locale', 'vi', '--out', join(dir, file)]);
      expect([file, code]).toEqual([file, 0]);
      expect(stderr).toBe(`okrkit: đã ghi ${join(dir, file)}\n`);
      expect(readFileSync(join(dir, file), 'utf8').startsWith(start)).toBe(true);
    }
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    expect(json.kpis).toHaveLength(10);
    expect((await run(['report', join(PLANS, 'abc-kpis.json'), '--format', 'md'])).stdout).toMatch(/^# /);
  });

  it('reads a folder of CSV tables and a flat sheet', async () => {
    const dir = temp();
    expect((await run(['template', '--out', dir])).code).toBe(0);
    const tables = await run(['report', join(dir, 'tables'), '--format', 'json']);
    const sheet = await run(['report', join(dir, 'sheet.csv'), '--format', 'json']);
    const json = await run(['report', join(dir, 'plan.json'), '--format', 'json']);
    expect([tables.code, sheet.code, json.code]).toEqual([0, 0, 0]);
    expect(JSON.parse(tables.stdout).objectives).toEqual(JSON.parse(json.stdout).objectives);
    expect(JSON.parse(sheet.stdout).objectives[0].keyResults).toHaveLength(3);
  });

  it('exits 1 naming the file, row and column of a plan that is not valid', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'client.csv'), 'objective,key result,start,target,cycle\nGrow,Revenue,0,"12,5",Q3 2026\nGrow,Churn,5,5,Q3 2026\n');
    const sheet = await run(['report', join(dir, 'client.csv')]);
    expect(sheet.code).toBe(1);
    expect(sheet.stdout).toBe('');
    expect(sheet.stderr).toContain(`${join(dir, 'client.csv')}, row 2, column "target": Cannot tell whether "12,5" has a decimal comma or a decimal point`);
    writeFileSync(join(dir, 'client.csv'), 'objective,key result,start,target,cycle\nGrow,Churn,5,5,Q3 2026\n');
    expect((await run(['report', join(dir, 'client.csv')])).stderr).toContain('client.csv, row 2, column "target": The target equals the start');
    mkdirSync(join(dir, 'tables'));
    writeFileSync(join(dir, 'tables', 'key-results.csv'), 'id,objectiveId,title,kind,wieght\n');
    expect((await run(['validate', join(dir, 'tables')])).stdout).toContain(`${join(dir, 'tables', 'key-results.csv')}, row 1, column "wieght": Unknown column`);
    writeFileSync(join(dir, 'bad.json'), '{"objectives": [{"id": 1}]}');
    const json = await run(['report', join(dir, 'bad.json')]);
    expect(json.code).toBe(1);
    expect(json.stderr).toContain('bad.json, line 1, column 24 (objectives[0].id): Expected string, got number.');
    writeFileSync(join(dir, 'broken.json'), '{');
    expect((await run(['report', join(dir, 'broken.json')])).stderr).toContain('not valid JSON');
  });
});

describe('okrkit lint, validate, schema, template', () => {
  it('lint prints findings and exits 1 only when one is an error', async () => {
    const ok = await run(['lint', join(PLANS, 'abc-kpis.json'), '--as-of', '2026-11-15', '--locale', 'vi']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('kpi-stale');
    const dir = temp();
    const plan = loadPlan('abc-kpis');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...plan, kpis: plan.kpis!.map((k, i) => (i === 0 ? { ...k, dataSource: { name: ' ' } } : k)) }));
    const bad = await run(['lint', join(dir, 'p.json')]);
    expect(bad.stdout).toMatch(/^error kpi-incomplete \(lan-revenue\)/m);
    expect(bad.stdout).toContain('1 error\n');
    expect(bad.code).toBe(1);
  });

  it('validate exits 0 on a valid plan and 1 listing every problem', async () => {
    expect(await run(['validate', join(PLANS, 'saas-cascade.json')])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid — 3 objectives, 6 key results') });
    const dir = temp();
    writeFileSync(join(dir, 's.csv'), 'objective,key result,target,cycle\nA,B,x,Q3 2026\nA,C,1,Autumn\n');
    const result = await run(['validate', join(dir, 's.csv'), '--locale', 'vi']);
    expect(result.code).toBe(1);
    // The problems are validate's result: on stdout, then the count; nothing on stderr.
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n')).toHaveLength(3);
    expect(result.stdout).toContain('Không đọc được chu kỳ "Autumn"');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`${join(dir, 's.csv')}: 2 vấn đề`);
  });

  it('export turns a JSON plan into CSV tables and back, to the same report', async () => {
    const dir = temp();
    expect((await run(['export', join(PLANS, 'abc-kpis.json'), '--out', join(dir, 'sheets')])).code).toBe(0);
    expect(readFileSync(join(dir, 'sheets', 'kpis.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff);
    expect((await run(['export', join(dir, 'sheets'), '--out', join(dir, 'back.json')])).code).toBe(0);
    // A CSV cell has no type: a decimal string such as "0.5" comes back as the number 0.5.
    const numeric = (_: string, v: unknown) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v);
    const report = async (plan: string) => JSON.parse((await run(['report', plan, '--as-of', '2026-11-15', '--format', 'json'])).stdout, numeric);
    expect(await report(join(dir, 'sheets'))).toEqual(await report(join(PLANS, 'abc-kpis.json')));
    expect(await report(join(dir, 'back.json'))).toEqual(await report(join(PLANS, 'abc-kpis.json')));
    expect(await run(['export', join(PLANS, 'abc-kpis.json'), '--out', join(dir, 'back.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('already exists') });
    expect(await run(['export', join(PLANS, 'abc-kpis.json')])).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --out') });
  });

  it('schema prints the JSON Schema', async () => {
    expect(JSON.parse((await run(['schema'])).stdout)).toEqual(planJsonSchema());
  });

  it('template writes a valid plan, tables and a sheet, and never overwrites', async () => {
    const dir = join(temp(), 'starter');
    const first = await run(['template', '--locale', 'vi', '--out', dir]);
    expect(first.code).toBe(0);
    for (const f of ['plan.json', 'sheet.csv', 'tables/objectives.csv', 'tables/kpis.csv']) expect(existsSync(join(dir, f))).toBe(true);
    expect(readFileSync(join(dir, 'sheet.csv'), 'utf8')).toMatch(/^\uFEFFmục tiêu;kết quả then chốt/);
    expect(parsePlan(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).cycles[0]!.id).toBe('2026-q3');
    const again = await run(['template', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });
});

describe('usage', () => {
  it.each(['report', 'lint', 'validate', 'export', 'schema', 'template'])('%s --help prints its usage and exits 0', async (command) => {
    const { code, stdout } = await run([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: okrkit ${command}`);
  });

  it.each([
    [[], 'okrkit — score'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['report'], 'needs one <plan>'],
    [['report', 'a.json', '--bogus'], "Unknown option '--bogus'"],
    [['report', 'a.json', '--format', 'pdf'], '--format must be one of'],
    [['report', 'a.json', '--as-of', '2026-13-01'], '--as-of must be a date'],
    [['report', 'a.json', '--locale', 'fr'], '--locale must be en or vi'],
    [['lint', 'a.json', '--out', 'x'], 'has no --out option'],
    [['schema', 'extra'], 'takes no <plan>'],
    [['report', 'missing.json'], 'missing.json: no such file'],
  ])('%j exits 2 with a clear message', async (args, message) => {
    const { code, stdout, stderr } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stdout + stderr).toContain(message);
  });

  it('prints a progress line on stderr for inputs over 100,000 rows', async () => {
    const dir = temp();
    const rows = ['objective,key result,target,cycle'];
    for (let i = 0; i < 100_001; i++) rows.push(`O${i % 1000},K${i},10,Q3 2026`);
    writeFileSync(join(dir, 'big.csv'), rows.join('\n'));
    const { code, stdout, stderr } = await run(['validate', join(dir, 'big.csv')]);
    expect(code).toBe(0);
    expect(stdout).toContain('100,001 key results');
    expect(stderr).toContain('okrkit: reading 100,001 rows');
    expect((await run(['validate', join(PLANS, 'xyz-corp.json')])).stderr).toBe('');
    // Under --format json nothing goes to standard error, progress lines included.
    const json = await run(['validate', join(dir, 'big.csv'), '--format', 'json']);
    expect([json.code, json.stderr]).toEqual([0, '']);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true });
  });

  it('runs as a real process with its exit code', () => {
    const bin = join(import.meta.dirname, '../../src/cli/bin.ts');
    const ok = execFileSync(process.execPath, ['--import', 'tsx', bin, 'validate', join(PLANS, 'xyz-corp.json')], { encoding: 'utf8' });
    expect(ok).toContain('valid');
    const version = execFileSync(process.execPath, ['--import', 'tsx', bin, '--version'], { encoding: 'utf8' });
    expect(version).toBe(`okrkit ${JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version}\n`);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', bin, 'report'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('needs one <plan>');
  });
});
