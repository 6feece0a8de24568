import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, MAX_INPUT_ROWS } from '../../src/cli/limits.js';
import { run, temp } from './helpers.js';

/** A file of `bytes` bytes that takes no room on disk (sparse): refused before it is read, or the test would take minutes. */
function sparse(file: string, bytes: number): string {
  writeFileSync(file, '');
  truncateSync(file, bytes);
  return file;
}

describe('inputs above the documented limits are refused with a clear message', () => {
  it.each(['plan.json', 'sheet.csv'])('%s over 100 MB', async (name) => {
    const file = sparse(join(temp(), name), MAX_INPUT_BYTES + 1);
    for (const command of ['validate', 'report']) {
      const result = await run([command, file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`okrkit: ${file} is 104,857,601 bytes, over the 100 MB okrkit reads (see "Limits" in docs/cli.md)\n`);
    }
  });

  it('a folder whose CSV files are over 100 MB together', async () => {
    const dir = join(temp(), 'tables');
    mkdirSync(dir);
    sparse(join(dir, 'objectives.csv'), 60 * 1024 * 1024);
    sparse(join(dir, 'key-results.csv'), 60 * 1024 * 1024);
    const result = await run(['validate', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${dir} is 125,829,120 bytes, over the 100 MB okrkit reads`);
  });

  it('exactly the limit is read (and found not to be JSON)', async () => {
    const file = sparse(join(temp(), 'plan.json'), 1024);
    expect((await run(['validate', file])).stdout).toContain('not valid JSON');
  });

  it('a sheet or a JSON plan over 250,000 rows, before it is parsed or validated', async () => {
    const dir = temp();
    const lines = ['objective,key result,target,cycle'];
    for (let i = 0; i < MAX_INPUT_ROWS; i++) lines.push('O,K,1,Q3 2026');
    writeFileSync(join(dir, 'sheet.csv'), `${lines.join('\n')}\n`);
    const sheet = await run(['validate', join(dir, 'sheet.csv')]);
    expect(sheet.code).toBe(2);
    expect(sheet.stderr).toContain('sheet.csv has 250,001 rows, over the 250,000 okrkit reads');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ checkIns: new Array(MAX_INPUT_ROWS + 1).fill({}) }));
    const start = performance.now();
    const json = await run(['report', join(dir, 'plan.json')]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('plan.json has 250,001 rows');
    expect(performance.now() - start).toBeLessThan(20_000);
  }, 60_000);
});
