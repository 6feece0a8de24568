import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temp } from './helpers.js';

const BIN = join(import.meta.dirname, '../../src/cli/bin.ts');
const PLANS = join(import.meta.dirname, '../../examples/plans');
const XYZ = JSON.parse(readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8')) as { objectives: { id: string }[] } & Record<string, unknown>;

/** Runs a bash pipeline with `okrkit` standing for the command; its stderr and the exit status of okrkit. */
function pipeline(script: string) {
  const okrkit = `"${process.execPath}" --import tsx "${BIN}"`;
  const result = spawnSync('bash', ['-c', `${script.replace('okrkit', okrkit)}; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { stdout: result.stdout, stderr: result.stderr };
}

/** A plan whose report is far larger than a pipe's buffer. */
function bigPlan(dir: string): string {
  const objectives = Array.from({ length: 3000 }, (_, i) => ({ ...XYZ.objectives[0], id: `o${i}`, title: `Objective number ${i} with a long enough title to fill the line` }));
  writeFileSync(join(dir, 'big.json'), JSON.stringify({ ...XYZ, objectives, keyResults: [], checkIns: [], initiatives: [] }));
  return join(dir, 'big.json');
}

describe('a reader that goes away (EPIPE)', () => {
  it('report … | head -1 prints one line and no stack trace', () => {
    const { stdout, stderr } = pipeline(`okrkit report "${bigPlan(temp())}" --format json | head -1`);
    expect(stderr).toBe('');
    expect(stdout).toBe('{\nstatus 0\n');
  }, 60_000);

  it('problems on standard error | head -1: the same, with the command\'s own exit code', () => {
    const dir = temp();
    const checkIns = Array.from({ length: 20_000 }, (_, i) => ({ keyResultId: 'kr-sales-growth', at: '2026-07-01', value: `x${i}` }));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...XYZ, checkIns }));
    const { stdout, stderr } = pipeline(`okrkit report "${join(dir, 'bad.json')}" 2>&1 >/dev/null | head -1`);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^.*bad\.json, line 1, column \d+ \(checkIns\[0\]\.value\): Expected a finite number.*\nstatus 1\n$/);
  }, 60_000);
});
