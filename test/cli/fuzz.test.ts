import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawControl, run, temp } from './helpers.js';

const PLANS = join(import.meta.dirname, '../../examples/plans');
const XYZ = JSON.parse(readFileSync(join(PLANS, 'xyz-corp.json'), 'utf8')) as Record<string, unknown> & {
  objectives: Record<string, unknown>[];
  keyResults: Record<string, unknown>[];
};
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** Pieces an attacker or an unlucky spreadsheet puts in text. */
const PIECES = [
  '\u001b]0;pwned\u0007', '\u001b[2J', '\u001b[31m', '\r', '\n', '\u0000', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u2028', '\t',
  '=SUM(A1)', '+1', '-1', '@cmd', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[x](javascript:alert(1))', '# heading', '| a | b |',
  'T\u0103ng', 'Ta\u0306ng', '"', '\\', '__proto__', 'constructor', '', ' ', '\uFEFF', '\uD800', '😀',
];
const hostile = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 5 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom(...PIECES).map((p) => p.repeat(20_000)) },
);
/** A meta value: sometimes nested deeply (arrays or objects), sometimes a long list. */
/** A meta value as JSON text: sometimes nested deeply (arrays or objects). Text, since JSON.stringify of a deep value overflows the stack. */
const nested = (depth: number, kind: 'array' | 'object'): string =>
  kind === 'array' ? `{"deep": ${'['.repeat(depth)}${']'.repeat(depth)}}` : `{"deep": ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
const kind = fc.constantFrom<'array' | 'object'>('array', 'object');
const meta = fc.oneof(
  { weight: 4, arbitrary: hostile.map((text) => JSON.stringify({ note: text })) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), kind).map(([d, k]) => nested(d, k)) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1000, max: 5000 }), kind).map(([d, k]) => nested(d, k)) },
);

/** The example plan with hostile text in its titles, names, owners, units and meta, and sometimes in ids. */
const plan = fc.record({ title: hostile, name: hostile, owner: hostile, unit: hostile, id: fc.option(hostile, { nil: undefined, freq: 8 }), meta }).map((h) => {
  const objectives = XYZ.objectives.map((o, i) => (i === 0 ? { ...o, title: h.title, ownerId: h.owner, meta: 'META' } : o));
  const keyResults = XYZ.keyResults.map((k, i) => (i === 0 ? { ...k, title: h.title, unit: h.unit, ...(h.id === undefined ? {} : { id: h.id }) } : k));
  return JSON.stringify({ ...XYZ, name: h.name, objectives, keyResults }).replace('"META"', () => h.meta);
});

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

const COMMANDS: readonly (readonly [string, (plan: string, out: string) => string[]])[] = [
  ['report text', (p) => ['report', p, '--as-of', '2026-08-15']],
  ['report md', (p, out) => ['report', p, '--out', `${out}.md`]],
  ['report html', (p, out) => ['report', p, '--out', `${out}.html`]],
  ['report json', (p) => ['report', p, '--format', 'json']],
  ['report csv', (p, out) => ['report', p, '--out', `${out}.csv`]],
  ['lint', (p) => ['lint', p, '--as-of', '2026-08-15', '--locale', 'vi']],
  ['validate', (p) => ['validate', p]],
  ['export tables', (p, out) => ['export', p, '--out', out]],
  ['export json', (p, out) => ['export', p, '--out', `${out}.json`]],
];

describe('every command on hostile plans', () => {
  it.each(COMMANDS)('%s: exit 0, 1 or 2 with a clean message, no raw control characters, nothing written outside --out', async (_, args) => {
    await fc.assert(
      fc.asyncProperty(plan, fc.boolean(), async (text, tty) => {
        const dir = temp();
        const file = join(dir, 'plan.json');
        writeFileSync(file, text);
        const out = join(dir, 'out');
        const argv = args(file, out);
        const result = await run(argv, { tty });
        expect([0, 1, 2]).toContain(result.code);
        expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
        expect(rawControl(result.stdout, tty)).toBeNull();
        expect(rawControl(result.stderr, tty)).toBeNull();
        const outArg = argv[argv.indexOf('--out') + 1];
        const written = filesUnder(dir).filter((f) => f !== 'plan.json');
        for (const f of written) expect(outArg !== undefined && (join(dir, f) === outArg || join(dir, f).startsWith(`${outArg}/`))).toBe(true);
        expect(readFileSync(file, 'utf8')).toBe(text);
        // Text reports written to files are as clean as the terminal.
        for (const f of written.filter((w) => /\.(md|html)$/.test(w))) expect(rawControl(readFileSync(join(dir, f), 'utf8'))).toBeNull();
        expect(relative(dir, out)).toBe('out');
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it.each([['schema'], ['template']])('%s writes only under --out', async (command) => {
    const dir = temp();
    const out = join(dir, command === 'schema' ? 's.json' : 't');
    expect((await run([command, '--out', out])).code).toBe(0);
    expect((await run([command, '--out', out])).code).toBe(2);
    for (const f of filesUnder(dir)) expect(join(dir, f).startsWith(out)).toBe(true);
  });
});
