import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');
const BOM = '\uFEFF';

describe('a UTF-8 byte-order mark (Notepad, Excel) is accepted', () => {
  it('in a JSON plan, with positions as an editor shows them', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'plan.json'), BOM + readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8'));
    expect(await run(['validate', join(dir, 'plan.json')])).toMatchObject({ code: 0, stdout: expect.stringContaining('valid —') });
    expect((await run(['report', join(dir, 'plan.json'), '--format', 'json'])).code).toBe(0);
    writeFileSync(join(dir, 'bad.json'), `${BOM}{"objectives": [{"id": 1}]}`);
    expect((await run(['validate', join(dir, 'bad.json')])).stdout).toContain('bad.json, line 1, column 24 (objectives[0].id)');
  });

  it('in a flat sheet and in a folder of CSV tables', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'sheet.csv'), `${BOM}objective,key result,target,cycle\r\nGrow,Revenue,10,Q3 2026\r\n`);
    expect(await run(['validate', join(dir, 'sheet.csv')])).toMatchObject({ code: 0, stdout: expect.stringContaining('1 key result') });
    mkdirSync(join(dir, 'tables'));
    expect((await run(['export', join(PLANS, 'xyz-corp.json'), '--out', join(dir, 'tables')])).code).toBe(0);
    expect(readFileSync(join(dir, 'tables', 'objectives.csv'), 'utf8').startsWith(BOM)).toBe(true);
    expect((await run(['validate', join(dir, 'tables')])).code).toBe(0);
  });
});
