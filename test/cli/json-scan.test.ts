import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DUPLICATES, positionOf, scanJson } from '../../src/cli/json-position.js';
import { run, temp } from './helpers.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');
const XYZ = JSON.parse(readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8')) as Record<string, unknown>;

/** A plan with `n` check-ins that are each invalid (a value that is not a number), one a line. */
function badCheckIns(n: number): string {
  const checkIns = Array.from({ length: n }, (_, i) => ({ keyResultId: 'kr-sales-growth', at: '2026-07-01', value: `x${i}` }));
  return JSON.stringify({ ...XYZ, checkIns }).replace(/\},\{/g, '},\n{');
}

/** The fastest of a few runs, in ms: the least disturbed by other work on the machine. */
function fastest(runs: number, f: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** The same, for work that is awaited. */
async function fastestAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('validate is linear in the number of problems', () => {
  it('scanJson locates 40,000 paths in one pass: eight times the paths and text well under the quadratic 64× the time', () => {
    const measure = (n: number) => {
      const text = badCheckIns(n);
      const paths = Array.from({ length: n }, (_, i) => ['checkIns', i, 'value']);
      let found: ReturnType<typeof scanJson> | undefined;
      const ms = fastest(5, () => (found = scanJson(text, paths)));
      // Each path found where its value is: a check-in a line.
      expect((found?.positions[n - 1]?.line ?? 0) - (found?.positions[0]?.line ?? 0)).toBe(n - 1);
      return ms;
    };
    measure(5000); // warm up
    const [small, large] = [measure(5000), measure(40_000)];
    // Eight times the input: linear is 8×, quadratic (one rescan per path, as before) 64×
    // and minutes at 40,000. The bound sits halfway (on a log scale) so a loaded machine's
    // noise cannot fail it, while a quadratic scan (minutes) cannot pass it; a floor of 2 s
    // keeps a tiny small-run time from making the bound a few milliseconds.
    expect(large).toBeLessThan(Math.max(24 * small, 2000));
  });

  it('okrkit validate lists 20,000 problems in about 4× the time of 5,000, each with its line', async () => {
    const dir = temp();
    const time = async (n: number) => {
      const file = join(dir, `p${n}.json`);
      writeFileSync(file, badCheckIns(n));
      let result: Awaited<ReturnType<typeof run>> | undefined;
      const ms = await fastestAsync(1, async () => (result = await run(['validate', file])));
      expect(result?.code).toBe(1);
      expect(result?.stdout).toContain(`${n.toLocaleString('en')} problems`);
      const first = badCheckIns(n).split('\n').findIndex((line) => line.includes('"x0"')) + 1;
      expect(result?.stdout.trim().split('\n').at(-2)).toContain(`, line ${first + n - 1}, column `);
      return ms;
    };
    await time(1000); // warm up
    const small = await time(5000);
    const large = await time(20_000);
    // Linear is 4×; quadratic was 16× (and 193 s for 40,000 problems).
    expect(large).toBeLessThan(10 * small + 500);
  }, 120_000);
});

describe('duplicate keys in a JSON plan', () => {
  it('scanJson finds each duplicate with both places, at any depth, keys compared after decoding', () => {
    const text = '{\n  "a": 1,\n  "b": {"x": [ {"k": 1, "k": 2} ]},\n  "\\u0061": 3\n}';
    const scan = scanJson(text, [['b', 'x', 0, 'k']]);
    expect(scan.duplicates).toEqual([
      { path: ['b', 'x', 0, 'k'], key: 'k', at: { line: 3, column: 25 }, first: { line: 3, column: 17 } },
      { path: ['a'], key: 'a', at: { line: 4, column: 3 }, first: { line: 2, column: 3 } },
    ]);
    expect(scan.positions).toEqual([{ line: 3, column: 22 }]); // the first copy's value
    expect(positionOf(text, ["b", "x"])).toEqual({ line: 3, column: 14 });
    expect(scanJson('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}', []).duplicates).toEqual([]);
    const many = `{${Array.from({ length: MAX_DUPLICATES + 5 }, () => '"k": 1').join(',')}}`;
    expect(scanJson(many, [])).toMatchObject({ duplicateCount: MAX_DUPLICATES + 4, duplicates: { length: MAX_DUPLICATES } });
  });

  it.each(['validate', 'report', 'lint', 'export'])('%s reports each duplicate key with its line and column, as an error', async (command) => {
    const dir = temp();
    const file = join(dir, 'plan.json');
    const text = JSON.stringify(XYZ, null, 2).replace('"name": "XYZ', '"name": "First",\n  "name": "XYZ');
    expect(text).toContain('"name": "First"');
    writeFileSync(file, text);
    const result = await run([command, file, ...(command === 'export' ? ['--out', join(dir, 'out.json')] : [])]);
    expect(result.code).toBe(1);
    // validate's and lint's problems are their result (stdout); the others stop on them (stderr).
    expect(command === 'validate' || command === 'lint' ? result.stdout : result.stderr).toContain(`plan.json, line 3, column 3 (name): The key "name" is given twice in this object; JSON keeps only the last copy. The first is at line 2, column 3.`);
    const vi = await run(['validate', file, '--locale', 'vi']);
    expect(vi.stdout).toContain('Khóa "name" xuất hiện hai lần');
  });

  it('lists duplicates before the plan problems, and counts those past the limit', async () => {
    const dir = temp();
    const file = join(dir, 'plan.json');
    writeFileSync(file, `{"objectives": [{"id": 1, "id": 2}], ${Array.from({ length: MAX_DUPLICATES + 2 }, () => '"units": []').join(', ')}}`);
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toContain('(objectives[0].id): The key "id" is given twice');
    expect(lines[MAX_DUPLICATES]).toContain('2 more duplicate keys are not listed.');
    expect(lines.slice(MAX_DUPLICATES + 1).join('\n')).toContain('objectives[0].id');
  });
});
