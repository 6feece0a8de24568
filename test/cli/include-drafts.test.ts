import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const PLAN = join(import.meta.dirname, '../../examples/plans/saas-revenue.json');

describe('--include-drafts', () => {
  it('counts draft and proposed OKRs in the report and the people scores only when asked', async () => {
    const plain = await run(['report', PLAN, '--as-of', '2026-08-15']);
    const all = await run(['report', PLAN, '--as-of', '2026-08-15', '--include-drafts']);
    expect([plain.code, all.code]).toEqual([0, 0]);
    expect(plain.stdout).toContain('Overall score: 50 / 100');
    expect(plain.stdout).toContain('[proposed — not counted]');
    expect(all.stdout).toContain('Overall score: 42 / 100');
    expect(all.stdout).not.toContain('not counted');
    const people = async (extra: string[]) => JSON.parse((await run(['people', PLAN, '--as-of', '2026-08-15', '--format', 'json', ...extra])).stdout) as { units: Record<string, { objectives: number }> };
    expect((await people([])).units['product']?.objectives).toBe(0);
    expect((await people(['--include-drafts'])).units['product']?.objectives).toBe(1);
  });
});
