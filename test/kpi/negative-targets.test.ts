// Attainment for negative and zero targets (issue 14, docs/kpis.md): a better actual never
// scores lower, and out of range is never green.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluateKpi, kpiAttainment, OkrkitError, type Kpi } from '../../src/index.js';

const kpiWith = (target: Kpi['target']): Kpi => ({
  id: 'k', name: 'K', target, timeframe: { start: '2026-07-01', end: '2026-09-30' }, dataSource: { name: 'x' }, frequency: 'weekly', aggregation: 'last',
});
const higher = (value: number) => kpiWith({ polarity: 'higher', value });
const lower = (value: number) => kpiWith({ polarity: 'lower', value });
const range = (min: number, max: number) => kpiWith({ polarity: 'range', min, max });
const statusAt = (kpi: Kpi, actual: number) => evaluateKpi(kpi, [{ kpiId: 'k', at: '2026-08-01', value: actual }], { asOf: '2026-09-30' }).status;

describe('worked cases of docs/kpis.md', () => {
  it.each([
    // higher, target −10 (a loss of at most 10)
    [higher(-10), -10, 1],
    [higher(-10), -20, 0],
    [higher(-10), -15, 0.5],
    [higher(-10), 0, 2],
    [higher(-10), 5, 2.5],
    // lower, target −10 (a temperature of at most −10)
    [lower(-10), -10, 1],
    [lower(-10), -20, 2],
    [lower(-10), -5, 0.5],
    [lower(-10), 5, 0],
    // positive targets unchanged
    [higher(20), 10, 0.5],
    [lower(50), 55, 0.9],
    // range [−10, 10]
    [range(-10, 10), 0, 1],
    [range(-10, 10), -11, 0.9],
    [range(-10, 10), 11, 0.9],
    [range(-10, 10), -50, 0],
    [range(-10, 10), 50, 0],
    // range [−20, −10]
    [range(-20, -10), -15, 1],
    [range(-20, -10), -22, 0.9],
    [range(-20, -10), -9, 0.9],
    [range(-20, -10), 0, 0],
    // range [2, 4] unchanged: A / min, 2 − A / max
    [range(2, 4), 1, 0.5],
    [range(2, 4), 5, 0.75],
  ])('%o at %d → %d', (kpi, actual, attainment) => {
    expect(kpiAttainment(kpi, actual)).toBe(attainment);
  });

  it('issue 14: −20 against higher −10 is not 2, +5 is not 0; [−10, 10] at −50 is red', () => {
    expect(kpiAttainment(higher(-10), -20)).not.toBe(2);
    expect(kpiAttainment(higher(-10), 5)).not.toBe(0);
    expect(statusAt(range(-10, 10), -50)).toBe('red');
  });

  it('a zero target without a baseline is rejected with the reason', () => {
    for (const kpi of [higher(0), lower(0)]) {
      expect(() => kpiAttainment(kpi, 1)).toThrow(OkrkitError);
      expect(() => kpiAttainment(kpi, 1)).toThrow('target of 0 and no baseline');
    }
    // a range bound of 0 only matters on its side
    expect(kpiAttainment(range(0, 10), 5)).toBe(1);
    expect(() => kpiAttainment(range(0, 10), -1)).toThrow('target of 0');
    // a baseline makes zero measurable
    expect(kpiAttainment(kpiWith({ polarity: 'higher', value: 0, baseline: -10 }), -5)).toBe(0.5);
  });
});

const nonZero = fc.integer({ min: -1000, max: 1000 }).filter((x) => x !== 0);
const actual = fc.integer({ min: -5000, max: 5000 });

describe('properties', () => {
  test.prop([nonZero, actual, actual])('higher: monotone non-decreasing in the actual, 1 at the target', (t, a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(kpiAttainment(higher(t), lo)).toBeLessThanOrEqual(kpiAttainment(higher(t), hi));
    expect(kpiAttainment(higher(t), t)).toBe(1);
  });

  test.prop([nonZero, actual, actual])('lower: monotone non-increasing in the actual, 1 at the target', (t, a, b) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    expect(kpiAttainment(lower(t), lo)).toBeGreaterThanOrEqual(kpiAttainment(lower(t), hi));
    expect(kpiAttainment(lower(t), t)).toBe(1);
  });

  test.prop([nonZero, nonZero, actual])('range: never green outside, always green inside (default thresholds)', (x, y, a) => {
    const [min, max] = x <= y ? [x, y] : [y, x];
    const kpi = range(min, max);
    const status = statusAt(kpi, a);
    if (a < min || a > max) {
      expect(status).not.toBe('green');
      expect(kpiAttainment(kpi, a)).toBeLessThan(1);
    } else {
      expect(status).toBe('green');
    }
  });

  test.prop([nonZero, nonZero, actual, actual])('range: the closer to the range, the higher', (x, y, a, b) => {
    const [min, max] = x <= y ? [x, y] : [y, x];
    const distance = (v: number) => (v < min ? min - v : v > max ? v - max : 0);
    const kpi = range(min, max);
    // on one side, closer never scores lower
    if ((a < min && b < min && distance(a) <= distance(b)) || (a > max && b > max && distance(a) <= distance(b))) {
      expect(kpiAttainment(kpi, a)).toBeGreaterThanOrEqual(kpiAttainment(kpi, b));
    }
  });
});
