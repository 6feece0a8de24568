import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeControls, terminalText } from '../../src/cli/terminal.js';
import { loadPlan } from '../fixtures.js';
import { rawControl, run, temp } from './helpers.js';

// Retitles the terminal, rings it, clears it, returns to the line start, reverses text.
const HOSTILE = 'Grow\u001b]0;pwned\u0007\u001b[2J\rX\u202eY\u0085Z\u009b31m\u2028W\u0000\u007f\tT\nL';

function hostilePlan(): string {
  const dir = temp();
  const plan = loadPlan('xyz-corp');
  const objectives = plan.objectives!.map((o, i) => (i === 0 ? { ...o, title: HOSTILE, ownerId: HOSTILE } : o));
  // Two key results under one objective: a lint finding that names the hostile title.
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, name: HOSTILE, objectives }));
  return join(dir, 'plan.json');
}

describe('control characters in the plan never reach the terminal raw', () => {
  it('escapes each of them visibly', () => {
    expect(escapeControls('a\u001b[2Jb\u0007\r\n\u202e\u0085')).toBe('a\\u001b[2Jb\\u0007\\u000d\\u000a\\u202e\\u0085');
    expect(terminalText('\u001b[31mred\u001b[0m\u001b]0;x\u0007\r\n\rz', true)).toBe('\u001b[31mred\u001b[0m\\u001b]0;x\\u0007\r\n\\u000dz');
    expect(terminalText('\u001b[31mred\u001b[0m', false)).toBe('\\u001b[31mred\\u001b[0m');
  });

  it.each([false, true])('report as text (terminal: %s)', async (tty) => {
    const { code, stdout } = await run(['report', hostilePlan(), '--as-of', '2026-08-15'], { tty });
    expect(code).toBe(0);
    expect(rawControl(stdout, tty)).toBeNull();
    expect(stdout).toContain('Grow\\u001b]0;pwned\\u0007\\u001b[2J\\u000dX\\u202eY');
    if (tty) expect(stdout).toContain('\u001b['); // okrkit's own colours stay
  });

  it('report to stdout in every format, and to text files', async () => {
    const plan = hostilePlan();
    for (const format of ['text', 'md', 'html', 'json', 'csv']) {
      const { code, stdout } = await run(['report', plan, '--format', format]);
      expect([format, code, rawControl(stdout)]).toEqual([format, 0, null]);
    }
    // JSON keeps the data exact: control characters are JSON escapes.
    expect(JSON.parse((await run(['report', plan, '--format', 'json'])).stdout).title).toBe(HOSTILE);
    const dir = temp();
    for (const file of ['r.txt', 'r.md', 'r.html']) {
      expect((await run(['report', plan, '--out', join(dir, file)])).code).toBe(0);
      expect([file, rawControl(readFileSync(join(dir, file), 'utf8'))]).toEqual([file, null]);
    }
    expect((await run(['report', plan, '--out', join(dir, 'r.json')])).code).toBe(0);
    const json = readFileSync(join(dir, 'r.json'), 'utf8');
    expect(rawControl(json)).toBeNull();
    expect(JSON.parse(json).title).toBe(HOSTILE);
  });

  it('lint and validate', async () => {
    const plan = hostilePlan();
    const lint = await run(['lint', plan, '--as-of', '2026-08-15'], { tty: true });
    expect(rawControl(lint.stdout + lint.stderr, true)).toBeNull();
    const dir = temp();
    const input = loadPlan('xyz-corp');
    writeFileSync(join(dir, `bad${'\u001b[2J'}.json`), JSON.stringify({ ...input, objectives: input.objectives!.map((o) => ({ ...o, cycleId: HOSTILE })) }));
    const validate = await run(['validate', join(dir, 'bad\u001b[2J.json')]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('Unknown cycle "Grow\\u001b]0;pwned');
    expect(rawControl(validate.stdout + validate.stderr)).toBeNull();
    const missing = await run(['report', join(dir, 'no\u001b[2Jsuch\u0007.json')], { tty: true });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no\\u001b[2Jsuch\\u0007.json');
    expect(rawControl(missing.stderr, true)).toBeNull();
  });
});
