import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// --decimal on export describes the plan read; the CSV tables written always use a dot.
describe('okrkit export --decimal', () => {
  it('the help says --decimal and --date-format describe the input, not the files written', async () => {
    const help = (await run(['export', '--help'])).stdout;
    expect(help).toMatch(/--decimal and --date-format describe the plan read, not the files written/);
  });

  it('reads 0,5 with --decimal , and writes the tables with a dot', async () => {
    const dir = temp();
    const sheet = join(dir, 'okr.csv');
    writeFileSync(sheet, 'objective;key result;start;target;cycle\nGrow;Revenue;0;0,5;Q3 2026\n');
    const out = join(dir, 'tables');
    const result = await run(['export', sheet, '--decimal', ',', '--out', out]);
    expect(result.code).toBe(0);
    const krs = readFileSync(join(out, 'key-results.csv'), 'utf8');
    expect(krs).toMatch(/,0\.5(,|\r?\n)/);
  });
});
