import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// docs/xlsx.md and docs/cli.md: --as-of dates a flat sheet's "current" values, so validate
// reads the plan as export, report and lint do with the same --as-of.
describe('okrkit validate --as-of', () => {
  const sheet = () => {
    const file = join(temp(), 'okr.csv');
    writeFileSync(file, 'objective,key result,start,target,current,cycle\nGrow,Revenue,0,10,4,Q3 2026\n');
    return file;
  };

  it('is accepted and reads the same plan as export with that date', async () => {
    const file = sheet();
    const result = await run(['validate', file, '--as-of', '2026-09-01', '--format', 'json']);
    expect([result.code, JSON.parse(result.stdout)]).toEqual([0, expect.objectContaining({ valid: true, contents: expect.objectContaining({ checkIns: 1 }) })]);
    const out = join(temp(), 'plan.json');
    expect((await run(['export', file, '--as-of', '2026-09-01', '--out', out])).code).toBe(0);
  });

  it('a date that is not YYYY-MM-DD is bad usage (exit 2)', async () => {
    const result = await run(['validate', sheet(), '--as-of', '2026-13-01']);
    expect([result.code, result.stderr]).toEqual([2, expect.stringContaining('--as-of must be a date')]);
  });
});
