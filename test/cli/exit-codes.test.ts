import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// docs/cli.md, "Exit codes": one rule for every command, and one shape for each kind of
// failure under --format json.
const PLANS = join(import.meta.dirname, '../../examples/plans');
const GOOD = join(PLANS, 'saas-cascade.json');

/** Every command that reads a plan, with what it needs besides it (a fresh --out where it writes). */
const COMMANDS: readonly (readonly [string, (dir: string) => string[]])[] = [
  ['validate', () => []],
  ['lint', () => ['--as-of', '2026-08-15']],
  ['report', () => ['--as-of', '2026-08-15']],
  ['people', () => ['--as-of', '2026-08-15']],
  ['export', (dir) => ['--out', join(dir, 'out.json')]],
];

/** The inputs of each kind, made in `dir`. */
function inputs(dir: string) {
  const write = (name: string, text: string | Buffer) => (writeFileSync(join(dir, name), text), join(dir, name));
  return {
    badCell: write('bad-cell.csv', 'objective,key result,target,cycle\nGrow,Revenue,x,Q3 2026\n'),
    badSchema: write('bad-schema.json', JSON.stringify({ objectives: [{ id: 1 }] })),
    notJson: write('broken.json', '{"objectives": ['),
    duplicate: write('duplicate.json', '{"name": "a", "name": "b"}'),
    workbook: write('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
    missing: join(dir, 'no-such.json'),
  };
}

describe('one exit-code rule for every command', () => {
  it.each(COMMANDS)('%s: 0 for a valid plan, 1 for every kind of invalid plan, 2 for bad usage or unreadable input', async (name, extra) => {
    const dir = temp();
    const i = inputs(dir);
    expect((await run([name, GOOD, ...extra(dir)])).code).toBe(0);
    for (const plan of [i.badCell, i.badSchema, i.notJson, i.duplicate]) {
      const result = await run([name, plan, ...extra(temp())]);
      expect([plan, result.code]).toEqual([plan, 1]);
      // validate's and lint's problems are their result; the others stop on them and say why on stderr.
      const [results, diagnostics] = name === 'validate' || name === 'lint' ? [result.stdout, result.stderr] : [result.stderr, result.stdout];
      expect(results).toContain(plan);
      expect(diagnostics).toBe('');
    }
    for (const plan of [i.workbook, i.missing]) {
      const result = await run([name, plan, ...extra(temp())]);
      expect([plan, result.code, result.stdout]).toEqual([plan, 2, '']);
      expect(result.stderr).toMatch(/^okrkit: .*(book\.csv: An Excel workbook|no-such\.json: no such file)/);
    }
    expect(await run([name, GOOD, '--locale', 'xx', ...extra(dir)])).toMatchObject({ code: 2, stdout: '', stderr: 'okrkit: --locale must be en or vi, got "xx"\n' });
    expect(await run([name, GOOD, '--bogus', ...extra(dir)])).toMatchObject({ code: 2, stdout: '' });
  });

  it.each(COMMANDS)('%s --format json: the same object for an invalid plan, { error } for usage and unreadable input, nothing on stderr', async (name, extra) => {
    const dir = temp();
    const i = inputs(dir);
    for (const plan of [i.badCell, i.badSchema, i.notJson]) {
      const out = temp();
      const result = await run([name, plan, '--format', 'json', ...extra(out)]);
      expect([result.code, result.stderr]).toEqual([1, '']);
      const json = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(json).toEqual({ plan, valid: false, problems: expect.arrayContaining([{ where: expect.stringContaining(plan), message: expect.any(String) }]), ...(name === 'validate' ? { contents: null } : {}) });
      expect(readdirSync(out)).toEqual([]);
    }
    const usage = await run([name, GOOD, '--format', 'json', '--locale', 'xx', ...extra(dir)]);
    expect([usage.code, usage.stderr, JSON.parse(usage.stdout)]).toEqual([2, '', { error: { code: 'usage', message: '--locale must be en or vi, got "xx"' } }]);
    const missing = await run([name, i.missing, '--format=json', ...extra(dir)]);
    expect([missing.code, missing.stderr, JSON.parse(missing.stdout)]).toEqual([2, '', { error: { code: 'input', message: `${i.missing}: no such file or folder` } }]);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });

  it('lint: 1 when a finding is an error, whatever the format', async () => {
    const dir = temp();
    const plan = JSON.parse(readFileSync(join(PLANS, 'abc-kpis.json'), 'utf8')) as { kpis: Record<string, unknown>[] };
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ ...plan, kpis: plan.kpis.map((k, n) => (n === 0 ? { ...k, dataSource: { name: ' ' } } : k)) }));
    expect((await run(['lint', join(dir, 'p.json')])).code).toBe(1);
    const json = await run(['lint', join(dir, 'p.json'), '--format', 'json']);
    expect([json.code, json.stderr, (JSON.parse(json.stdout) as { errors: number }).errors]).toEqual([1, '', 1]);
  });
});

describe('results on stdout, diagnostics on stderr', () => {
  const writers: readonly (readonly [string, (out: string) => string[], string])[] = [
    ['export', (out) => ['export', GOOD, '--out', out], 'tables'],
    ['export', (out) => ['export', GOOD, '--out', `${out}.json`], 'json'],
    ['template', (out) => ['template', '--out', out], 'folder'],
    ['schema', (out) => ['schema', '--out', `${out}.json`], 'json'],
  ];

  it.each(writers)('%s (%s): "wrote" lines on stderr in text, { written } on stdout in json, each a file it wrote', async (_, args, kind) => {
    const text = await run(args(join(temp(), 'out')));
    expect([text.code, text.stdout]).toEqual([0, '']);
    const told = text.stderr.trim().split('\n').map((line) => line.replace(/^okrkit: wrote /, ''));
    expect(told.length).toBeGreaterThan(0);
    for (const file of told) expect([kind, file, existsSync(file)]).toEqual([kind, file, true]);
    const json = await run([...args(join(temp(), 'out')), '--format', 'json']);
    expect([json.code, json.stderr]).toEqual([0, '']);
    const { written } = JSON.parse(json.stdout) as { written: string[] };
    expect(written.length).toBe(told.length);
    for (const file of written) expect(existsSync(file)).toBe(true);
  });

  it('schema without --out prints the schema itself, in either format', async () => {
    const text = await run(['schema']);
    expect((await run(['schema', '--format', 'json'])).stdout).toBe(text.stdout);
    expect(JSON.parse(text.stdout)).toHaveProperty('$schema');
  });
});
