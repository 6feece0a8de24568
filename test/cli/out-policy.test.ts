import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// docs/cli.md, "Where the commands write": --out fits the format, one overwrite policy.
const PLAN = join(import.meta.dirname, '../../examples/plans/xyz-corp.json');

describe('--out is checked against the format', () => {
  it.each([
    [['report', PLAN, '--out', 'x.pdf'], 'does not end in .txt or .text or .log'],
    [['report', PLAN, '--format', 'html', '--out', 'x.md'], 'does not end in .html or .htm'],
    [['report', PLAN, '--format', 'csv', '--out', 'x.json'], 'does not end in .csv'],
    [['people', PLAN, '--out', 'x.html'], 'does not end in .txt'],
    [['schema', '--out', 'schema.txt'], 'does not end in .json'],
    [['export', PLAN, '--out', 'flat.csv'], 'export writes CSV tables into a folder (a name without an extension), one .json file or one .xlsx workbook; it writes no .csv file'],
    [['export', PLAN, '--out', 'plan.txt'], 'it writes no .txt file'],
  ])('%j is a usage error and writes nothing', async (args, message) => {
    const dir = temp();
    const out = args.indexOf('--out') + 1;
    const argv = args.map((a, i) => (i === out ? join(dir, a) : a));
    const result = await run(argv);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the formats picked from --out are written there; export writes tables into an existing folder whatever its name', async () => {
    const dir = temp();
    for (const name of ['r.txt', 'r', 'r.md', 'r.html', 'r.json', 'r.csv']) expect([name, (await run(['report', PLAN, '--out', join(dir, name)])).code]).toEqual([name, 0]);
    mkdirSync(join(dir, 'tables.v2'));
    expect((await run(['export', PLAN, '--out', join(dir, 'tables.v2')])).code).toBe(0);
    expect(readdirSync(join(dir, 'tables.v2'))).toContain('objectives.csv');
  });
});

describe('one overwrite policy for every command that writes', () => {
  const writers: readonly (readonly [string, (out: string) => string[], string])[] = [
    ['report', (out) => ['report', PLAN, '--out', out], 'r.txt'],
    ['people', (out) => ['people', PLAN, '--out', out], 'p.txt'],
    ['schema', (out) => ['schema', '--out', out], 's.json'],
    ['export', (out) => ['export', PLAN, '--out', out], 'e.json'],
  ];

  it.each(writers)('%s: refuses an existing file without --force, replaces it with, never through a link or into a folder', async (_, args, name) => {
    const dir = temp();
    const out = join(dir, name);
    writeFileSync(out, 'kept');
    const refused = await run(args(out));
    expect([refused.code, readFileSync(out, 'utf8')]).toEqual([2, 'kept']);
    expect(refused.stderr).toContain('already exists');
    expect((await run([...args(out), '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toBe('kept');
    const link = join(dir, `link-${name}`);
    writeFileSync(join(dir, 'target'), 'target');
    symlinkSync(join(dir, 'target'), link);
    expect((await run([...args(link), '--force'])).stderr).toContain('symbolic link');
    expect(readFileSync(join(dir, 'target'), 'utf8')).toBe('target');
    const folder = join(dir, `folder-${name}`);
    mkdirSync(folder);
    expect((await run([...args(folder), '--force'])).code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('people never writes over its plan, even with --force', async () => {
    const dir = temp();
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, readFileSync(PLAN));
    const result = await run(['people', plan, '--format', 'json', '--out', plan, '--force']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('never writes over its input') } });
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(PLAN, 'utf8'));
    expect(existsSync(join(dir, 'plan.json'))).toBe(true);
  });
});
