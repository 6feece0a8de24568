import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, temp } from './helpers.js';

// A plan read from a spreadsheet has ids okrkit made up (o1-kr2): lint names the file and
// row of each finding too, in text and JSON; a JSON plan's findings stay as they were.
describe('okrkit lint on a spreadsheet', () => {
  it('names the row of each finding', async () => {
    const sheet = join(temp(), 'okr.csv');
    writeFileSync(sheet, 'objective,key result,start,target,current,owner,cycle\nGrow,Revenue,0,100,50,lan,Q4 2026\nKeep,NPS,0,10,5,minh,Q4 2026\n');
    const text = await run(['lint', sheet, '--as-of', '2026-11-30']);
    expect(text.stdout).toContain(`warning ${sheet}, row 3: key-results-per-objective (o2): `);
    const json = JSON.parse((await run(['lint', sheet, '--as-of', '2026-11-30', '--format', 'json', '--locale', 'vi'])).stdout) as { findings: { id: string; where?: string }[] };
    expect(json.findings.find((f) => f.id === 'o2')?.where).toBe(`${sheet}, hàng 3`);
  });

  it('leaves a JSON plan\'s findings as they were, without a place', async () => {
    const json = JSON.parse((await run(['lint', 'examples/plans/xyz-corp.json', '--format', 'json'])).stdout) as { findings: object[] };
    expect(json.findings.length).toBeGreaterThan(0);
    expect(json.findings.every((f) => !('where' in f))).toBe(true);
  });
});
