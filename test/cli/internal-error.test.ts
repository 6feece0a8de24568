import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type Io } from '../../src/cli/main.js';
import { run, temp } from './helpers.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');

describe('anything unexpected is one line and exit code 3, never a stack trace', () => {
  it('an error the command did not expect', async () => {
    let stderr = '';
    const io: Io = {
      stdout: {
        write: () => {
          throw new TypeError('Cannot read properties of undefined (reading \u001b[2J"x")');
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
      env: {},
      today: '2026-08-15',
    };
    expect(await main(['schema'], io)).toBe(3);
    expect(stderr).toBe('okrkit: internal error (TypeError: Cannot read properties of undefined (reading \\u001b[2J"x")). Please report it, with the command you ran.\n');
  });

  it('a stack overflow says the input may nest too deeply', async () => {
    let stderr = '';
    const overflow = (n: number): number => overflow(n + 1) + 1;
    const io: Io = { stdout: { write: () => overflow(0) }, stderr: { write: (t: string) => (stderr += t) }, env: {}, today: '2026-08-15' };
    expect(await main(['schema'], io)).toBe(3);
    expect(stderr).toMatch(/^okrkit: internal error \(RangeError: Maximum call stack size exceeded\); the input may nest too deeply\. Please report it/);
  });

  it.each(['validate', 'report', 'lint', 'export', 'export-json'])('5,000 nested arrays in meta: %s exits with a clean message', async (command) => {
    const dir = temp();
    const text = JSON.stringify({ ...JSON.parse(readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8')), meta: { deep: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(5000)}${']'.repeat(5000)}`);
    writeFileSync(join(dir, 'deep.json'), text);
    const out = command === 'export' ? ['--out', join(dir, 'out')] : command === 'export-json' ? ['--out', join(dir, 'out.json')] : [];
    const result = await run([command.replace('-json', ''), join(dir, 'deep.json'), ...out]);
    expect([0, 1, 2, 3]).toContain(result.code);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    if (result.code === 3) expect(result.stderr).toContain('internal error');
    expect(result.stderr.length).toBeLessThan(2000);
  });
});
