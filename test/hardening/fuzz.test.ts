import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate, evaluateKpis, lintPlan, OkrkitError, parsePlan, safeParsePlan } from '../../src/index.js';
import { mutate, planArb } from '../arbitraries.js';
import { loadPlan } from '../fixtures.js';

// 2,000 cases per property in CI; `npm run fuzz` sets FUZZ_RUNS=100000.
const runs = Number(process.env['FUZZ_RUNS'] ?? '') || 2000;
const examples = [loadPlan('xyz-corp'), loadPlan('saas-cascade'), loadPlan('abc-kpis')];


/** Nasty values: edge numbers, odd strings, ids that collide with Object.prototype. */
const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(1e308, -1e308, '1e-400', '1e400', -0, '', ' ', '12,5', '0x10', 'NaN', 'Infinity', '2026-02-30', '2026-13-01', '__proto__', 'constructor', 'toString', 'hasOwnProperty', null, [], {}),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, undefined as unknown as null),
);

function neverAnythingButOkrkitError(input: unknown): void {
  const result = safeParsePlan(input);
  if (!result.success) {
    expect(result.error).toBeInstanceOf(OkrkitError);
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) expect(typeof issue.message).toBe('string');
  }
  try {
    parsePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(OkrkitError);
  }
}

/** Every number in a result is finite and not -0. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(allFinite);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(allFinite);
  return true;
}

describe('fuzzing parsePlan and safeParsePlan', () => {
  test.prop([fc.jsonValue()], { numRuns: runs })('arbitrary JSON gives a plan or an OkrkitError, nothing else', neverAnythingButOkrkitError);

  test.prop([fc.oneof(planArb, fc.constantFrom(...examples)), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), nasty], { numRuns: runs })(
    'mutated valid plans give a plan or an OkrkitError; accepted ones evaluate, lint and score to finite numbers',
    (plan, steps, value) => {
      const mutated = mutate(plan, steps, value);
      neverAnythingButOkrkitError(mutated);
      const result = safeParsePlan(mutated);
      if (!result.success) return;
      const asOf = '2026-08-20';
      expect(allFinite(evaluate(result.data, { asOf, forecast: true }))).toBe(true);
      expect(allFinite(evaluateKpis(result.data, { asOf }))).toBe(true);
      expect(() => lintPlan(result.data, { asOf })).not.toThrow();
    },
  );
});
