import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPlan, parsePlan } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';
import { run, temp } from './helpers.js';

const PLAN = join(import.meta.dirname, '../../examples/plans/saas-revenue.json');

describe('--format json for findings (for CI)', () => {
  it('lint writes every finding as data on stdout, and nothing on stderr', async () => {
    const { code, stdout, stderr } = await run(['lint', PLAN, '--as-of', '2026-08-15', '--format', 'json', '--locale', 'vi']);
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout) as { valid: boolean; findings: { code: string; message: string }[]; errors: number };
    const expected = lintPlan(parsePlan(loadPlan('saas-revenue')), { asOf: '2026-08-15', locale: 'vi' });
    expect(out.valid).toBe(true);
    expect(out.errors).toBe(0);
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('validate writes the problems or the contents as data, with the same exit codes as text', async () => {
    const good = await run(['validate', PLAN, '--format', 'json']);
    expect([good.code, good.stderr]).toEqual([0, '']);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, problems: [], contents: { objectives: 4, keyResults: 10, kpis: 2 } });
    const file = join(temp(), 'bad.json');
    writeFileSync(file, JSON.stringify({ objectives: [{ id: 'o', title: 'O', cycleId: 'nope' }] }));
    const bad = await run(['validate', file, '--format', 'json']);
    expect([bad.code, bad.stderr]).toEqual([1, '']);
    const out = JSON.parse(bad.stdout) as { valid: boolean; problems: { where: string; message: string }[]; contents: null };
    expect(out.valid).toBe(false);
    expect(out.contents).toBeNull();
    expect(out.problems[0]?.where).toContain('bad.json');
    expect(out.problems[0]?.message).toMatch(/nope/);
    const lintBad = await run(['lint', file, '--format', 'json']);
    expect([lintBad.code, lintBad.stderr, (JSON.parse(lintBad.stdout) as { valid: boolean }).valid]).toEqual([1, '', false]);
  });

  it('refuses another format', async () => {
    const { code, stderr } = await run(['lint', PLAN, '--format', 'xml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be text or json, got "xml"');
  });
});

describe('summaries in the user’s language', () => {
  it('lint and validate say their counts in Vietnamese under --locale vi, digits grouped the Vietnamese way', async () => {
    const lint = await run(['lint', PLAN, '--as-of', '2026-08-15', '--locale', 'vi']);
    expect(lint.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ góp ý, 0 lỗi$/);
    const valid = await run(['validate', PLAN, '--locale', 'vi']);
    expect(valid.stdout).toContain(': hợp lệ — 4 mục tiêu, 10 kết quả then chốt, 2 KPI, 10 lần cập nhật tiến độ, 4 số đo');
    expect((await run(['validate', PLAN])).stdout).toContain(': valid — 4 objectives, 10 key results, 2 KPIs, 10 check-ins, 4 measurements');
    const file = join(temp(), 'many.json');
    const plan = loadPlan('saas-revenue');
    writeFileSync(file, JSON.stringify({ ...plan, checkIns: Array.from({ length: 1200 }, () => ({ keyResultId: 'kr-seo', at: '2026-08-01', value: 'x' })) }));
    expect((await run(['validate', file, '--locale', 'vi'])).stdout).toContain(': 1.200 vấn đề');
  });
});

describe('--out and the format', () => {
  it('okrkit people refuses an --out whose extension another format would have, and writes nothing', async () => {
    const dir = temp();
    const html = join(dir, 'x.html');
    const { code, stderr } = await run(['people', PLAN, '--out', html]);
    expect(code).toBe(2);
    expect(stderr).toContain('does not end in .txt');
    expect(existsSync(html)).toBe(false);
    expect(JSON.parse((await run(['people', PLAN, '--format', 'json', '--out', join(dir, 'p.txt')])).stdout)).toEqual({ error: { code: 'usage', message: expect.stringContaining('does not end in .json') } });
    expect((await run(['people', PLAN, '--format', 'json', '--out', join(dir, 'p.json')])).code).toBe(0);
    expect((await run(['people', PLAN, '--out', join(dir, 'people')])).code).toBe(0);
  });
});
