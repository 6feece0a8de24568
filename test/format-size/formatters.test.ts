// The formatters load neither zod nor decimal.js, so `import { formatScore } from 'okrkit'`
// bundles small (the size budgets in .size-limit.cjs count what a user's bundle gets), and
// their rounding, done on decimal digits, is exactly decimal.js's.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { formatScore, toScale } from 'okrkit';
import { roundDecimalHalfUp } from '../../src/format/round.js';

const SRC = join(import.meta.dirname, '../../src');

/** Every module a source file loads, transitively: relative files and package names. */
function importsOf(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec = ''] of text.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?\sfrom\s+'([^']+)'/gms)) {
    if (spec.startsWith('.')) importsOf(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), seen);
    else seen.add(spec);
  }
  return seen;
}

describe('the formatters', () => {
  it('load neither zod nor decimal.js (nor any package), through any import', () => {
    const loaded = [...importsOf(join(SRC, 'format/score.ts')), ...importsOf(join(SRC, 'format/value.ts'))];
    expect(loaded.some((m) => m.endsWith('format/round.ts'))).toBe(true);
    expect(loaded.filter((m) => !m.startsWith(SRC))).toEqual([]);
  });

  const reference = (x: number, shift: number, places: number) => {
    const n = new Decimal(x).times(10 ** shift).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
    return n === 0 ? 0 : n;
  };
  const tricky = [0.285, 0.005, 0.015, 0.125, 0.5, -0.5, 1.005, 0.6667, 1e-7, 4.5e-7, 1.5e21, 5e-324, Number.MAX_VALUE, -1.25, 0, -0, 123456789.125, 0.1 + 0.2];

  it('round the shortest decimal form half away from zero, as decimal.js does (chosen values)', () => {
    for (const x of tricky) for (const shift of [0, 2]) for (const places of [0, 1, 2, 3, 20]) {
      const ours = roundDecimalHalfUp(x, shift, places);
      expect(ours === 0 ? 0 : ours, `${x} × 10^${shift} to ${places}`).toBe(reference(x, shift, places));
    }
  });

  test.prop([fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 2), fc.integer({ min: 0, max: 20 })], { numRuns: 2000 })(
    'round any double as decimal.js does',
    (x, shift, places) => {
      const ours = roundDecimalHalfUp(x, shift, places);
      expect(ours === 0 ? 0 : ours).toBe(reference(x, shift, places));
    },
  );

  it('format as before: 0.285 is 29, 0.6667 is 66.7 at one digit, 0.725 is 73%', () => {
    expect(toScale(0.285)).toBe(reference(0.285, 2, 0));
    expect(toScale(0.6667, { digits: 1 })).toBe(reference(0.6667, 2, 1));
    expect(formatScore(0.725, { scale: 'percent' })).toBe(`${reference(0.725, 2, 0)}%`);
    expect(formatScore(0.725, { digits: 1, locale: 'vi' })).toBe(String(reference(0.725, 2, 1)).replace('.', ','));
    expect(toScale(-0.001)).toBe(0);
    expect(Object.is(toScale(-0.001), -0)).toBe(false);
  });
});
