import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// `--plugin FILE`: a plan with plug-in key results is read, evaluated, linted and reported.
const DIR = join(import.meta.dirname, '../fixtures/plugins');
const PLAN = join(DIR, 'nps-plan.json');
const NPS = join(DIR, 'nps.mjs');

interface JsonReport {
  objectives: { id: string; score: number; keyResults: { id: string; kind: string; score: number; progress: number; history: { date: string; progress: number | null; expected: number }[] }[] }[];
}

describe('okrkit --plugin', () => {
  it('without it, a plug-in kind is a problem of the plan (exit 1); with it, the plan is valid', async () => {
    const bare = await run(['validate', PLAN]);
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('(keyResults[0].kind): Expected one of "metric"');
    expect(await run(['validate', PLAN, '--plugin', NPS])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid — 1 objective, 3 key results'), stderr: '' });
  });

  it('report evaluates plug-in key results with their kind and scoring rule, in every format', async () => {
    const { code, stdout } = await run(['report', PLAN, '--plugin', NPS, '--as-of', '2026-09-01', '--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    const krs = Object.fromEntries(report.objectives[0]!.keyResults.map((k) => [k.id, k]));
    // NPS 25 on the way from 10 to 40: half way; the VIP NPS at 58 of 60 scores 0 all-or-nothing.
    expect([krs['kr-nps']?.kind, krs['kr-nps']?.progress, krs['kr-nps']?.score]).toEqual(['nps', 0.5, 0.5]);
    expect(krs['kr-nps-vip']?.score).toBe(0);
    expect(krs['kr-nps']?.history.map((p) => [p.date, p.progress])).toEqual([['2026-07-01', null], ['2026-08-31', 0.5], ['2026-09-01', 0.5]]);
    expect(krs['kr-nps']?.history[0]?.expected).toBe(0);
    for (const format of ['text', 'md', 'html', 'csv']) {
      const out = await run(['report', PLAN, '--plugin', NPS, '--as-of', '2026-09-01', '--format', format]);
      expect([format, out.code, out.stderr]).toEqual([format, 0, '']);
      expect(out.stdout).toContain('NPS from 10 to 40');
    }
  });

  it('lint, people and export read the plan with the plug-in; an exported plan reads back with it', async () => {
    expect((await run(['lint', PLAN, '--plugin', NPS, '--as-of', '2026-09-01', '--format', 'json'])).code).toBe(0);
    const people = await run(['people', PLAN, '--plugin', NPS, '--as-of', '2026-09-01', '--format', 'json']);
    expect(people.code).toBe(0);
    expect((JSON.parse(people.stdout) as { owners: Record<string, { keyResults: number }> }).owners.an?.keyResults).toBe(3);
    const dir = temp();
    for (const out of [join(dir, 'plan.json'), join(dir, 'tables')]) {
      expect((await run(['export', PLAN, '--plugin', NPS, '--out', out])).code).toBe(0);
      expect((await run(['validate', out, '--plugin', NPS])).code).toBe(0);
      expect((await run(['validate', out])).code).toBe(1);
    }
    expect(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'))).toMatchObject({ keyResults: [{ kind: 'nps', from: 10, to: 40 }, {}, {}] });
  });

  it('takes a path relative to the working folder, and a module whose named export kit is a kit', async () => {
    expect((await run(['validate', PLAN, '--plugin', relative(process.cwd(), NPS)])).code).toBe(0);
    const report = await run(['report', PLAN, '--plugin', join(DIR, 'kit.mjs'), '--as-of', '2026-09-01', '--format', 'json']);
    expect(report.code).toBe(0);
    expect((JSON.parse(report.stdout) as JsonReport).objectives[0]?.keyResults[0]?.score).toBe(0.5);
  });

  it.each([
    ['wrong-export.mjs', 'the module exports no kit; its default export (or one named kit or plugins) must be a kit from createOkrkit'],
    ['throws.mjs', 'cannot load the module (the plug-in is broken)'],
    ['getter-throws.mjs', 'the kit getter is broken'],
    ['bad-kind.mjs', 'weight'],
    ['no-such.mjs', 'cannot load the module'],
  ])('%s: exit 2 with a clear message, in text and JSON', async (file, message) => {
    for (const command of ['validate', 'report']) {
      const result = await run([command, PLAN, '--plugin', join(DIR, file)]);
      expect([command, result.code, result.stdout]).toEqual([command, 2, '']);
      expect(result.stderr).toContain(`okrkit: --plugin ${join(DIR, file)}: `);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const json = await run(['lint', PLAN, '--plugin', join(DIR, file), '--format', 'json']);
    expect([json.code, json.stderr, JSON.parse(json.stdout)]).toEqual([2, '', { error: { code: 'usage', message: expect.stringContaining(message) } }]);
  });
});
