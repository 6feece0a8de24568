import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { keyResultProgress, type CheckIn, type KeyResult, type Measurement } from '../../src/index.js';
import { compareTimestamps } from '../../src/_lib/calendar.js';
import { compare, toNumber, toValue, type Value } from '../../src/_lib/numeric.js';
import { Accumulator, type Aggregation } from '../../src/measure/accumulate.js';
import { aggregate } from '../../src/measure/kpi.js';
import { decimalArb } from '../arbitraries.js';

const v = (x: number | string): Value => {
  const value = toValue(x);
  if (value === null) throw new Error(`not a decimal: ${x}`);
  return value;
};

/** Folds values in order, each later than the one before. */
function fold(aggregation: Aggregation, values: readonly (number | string)[]): Accumulator {
  const acc = new Accumulator().start(aggregation);
  for (const x of values) acc.add(v(x), 1);
  return acc;
}

describe('Accumulator', () => {
  it('sums exactly and averages as the exact sum over the count', () => {
    expect(fold('sum', [0.1, 0.2]).result()).toBe(0.3);
    expect(fold('average', [1, 2]).result()).toBe(1.5);
    const thirds = fold('average', [1, 1, 2]);
    expect(thirds.exactAverage()).toEqual({ n: 4n, d: 3n });
    expect(toNumber(thirds.result() ?? 0)).toBe(4 / 3);
  });

  it('keeps the least, the greatest, or the latest', () => {
    expect(fold('min', [3, -1, 2]).result()).toBe(-1);
    expect(fold('max', [3, -1, 2]).result()).toBe(3);
    expect(fold('latest', [3, -1, 2]).result()).toBe(2);
    const last = new Accumulator().start('last');
    last.add(5, 1);
    last.add(9, -1); // earlier: ignored
    expect(last.result()).toBe(5);
    last.add(4, 0); // the same moment: the larger wins
    expect(last.result()).toBe(5);
    last.add(7, 0);
    expect(last.result()).toBe(7);
  });

  it('counts items without reading values, and has nothing before the first value', () => {
    const count = new Accumulator().start('count');
    expect(count.result()).toBe(0);
    count.tally();
    count.tally();
    expect(count.result()).toBe(2);
    for (const aggregation of ['latest', 'sum', 'average', 'min', 'max'] as const) {
      const empty = new Accumulator().start(aggregation);
      expect([aggregation, empty.result(), empty.exactAverage()]).toEqual([aggregation, null, null]);
    }
  });

  it('starts afresh when reused', () => {
    const acc = fold('sum', [1, 2]);
    acc.start('max');
    expect([acc.count, acc.result()]).toEqual([0, null]);
    acc.add(4, 1);
    expect(acc.result()).toBe(4);
  });
});

const stampArb = fc.constantFrom('2026-07-01', '2026-07-02', '2026-07-02T09:00:00Z', '2026-07-02T09:00:00Z', '2026-07-03', '2026-06-30');
const measurementsArb = fc.array(fc.record({ at: stampArb, value: decimalArb }), { maxLength: 12 });
const aggregations = ['sum', 'average', 'last', 'min', 'max', 'count'] as const;

/** The list in another order: each item keyed by a random number. */
const permutedArb = measurementsArb.chain((list) =>
  fc.array(fc.double({ noNaN: true }), { minLength: list.length, maxLength: list.length }).map((keys) => ({
    list,
    permuted: list.map((m, i) => ({ m, k: keys[i] ?? 0 })).sort((a, b) => a.k - b.k).map(({ m }) => m),
  })),
);

const readings = (list: readonly { at: string; value: number | string }[]): Measurement[] => list.map((m) => ({ kpiId: 'k', ...m }));
const aggregateOf = (aggregation: (typeof aggregations)[number], list: readonly { at: string; value: number | string }[]) => {
  const ms = readings(list);
  return aggregate(aggregation, ms, null, 0, ms.length, '2026-07-01', '2026-09-30', 'k');
};

describe('aggregating dated values', () => {
  test.prop([permutedArb])('does not depend on the order of the input, same moments included', ({ list, permuted }) => {
    for (const aggregation of aggregations) {
      const a = aggregateOf(aggregation, list);
      const b = aggregateOf(aggregation, permuted);
      expect([aggregation, a.value === null ? null : toNumber(a.value), a.exact, a.count, a.last]).toEqual([
        aggregation,
        b.value === null ? null : toNumber(b.value),
        b.exact,
        b.count,
        b.last,
      ]);
    }
  });

  test.prop([measurementsArb])('counts the window, sums exactly, keeps min ≤ average ≤ max, and takes the last as the largest at the latest moment', (list) => {
    const inWindow = list.filter((m) => m.at.slice(0, 10) >= '2026-07-01');
    const count = aggregateOf('count', list);
    expect(count.value).toBe(inWindow.length);
    expect(count.count).toBe(inWindow.length);
    const sum = aggregateOf('sum', list).value;
    const min = aggregateOf('min', list).value;
    const max = aggregateOf('max', list).value;
    const average = aggregateOf('average', list).value;
    const last = aggregateOf('last', list).value;
    if (inWindow.length === 0) {
      expect([sum, min, max, average, last]).toEqual([null, null, null, null, null]);
      return;
    }
    if (sum === null || min === null || max === null || average === null || last === null) throw new Error('a value is missing');
    const exactSum = inWindow.reduce((s, m) => s.plus(m.value), new Decimal(0));
    expect(new Decimal(typeof sum === 'number' ? sum : sum.toString()).toString()).toBe(exactSum.toString());
    expect(compare(min, average) <= 0 && compare(average, max) <= 0).toBe(true);
    const latest = inWindow.reduce((best, m) => (compareTimestamps(m.at, best.at) > 0 ? m : best));
    const atLatest = inWindow.filter((m) => compareTimestamps(m.at, latest.at) === 0).map((m) => v(m.value));
    expect(compare(last, atLatest.reduce((a, b) => (compare(b, a) > 0 ? b : a)))).toBe(0);
  });
});

describe("a key result's value from its check-ins", () => {
  const kr = (valueFrom: KeyResult['valueFrom']): KeyResult => ({ id: 'kr', objectiveId: 'o', title: 'Revenue', kind: 'metric', start: 0, target: 100, ...(valueFrom === undefined ? {} : { valueFrom }) });
  const checkIns = (list: readonly { at: string; value: number | string }[]): CheckIn[] => list.map((m) => ({ keyResultId: 'kr', ...m }));

  test.prop([permutedArb])('does not depend on the order of the check-ins', ({ list, permuted }) => {
    for (const valueFrom of ['latest', 'sum', 'average', 'min', 'max'] as const) {
      const options = { since: '2026-07-01', asOf: '2026-09-30' };
      expect([valueFrom, keyResultProgress(kr(valueFrom), checkIns(permuted), options)]).toEqual([valueFrom, keyResultProgress(kr(valueFrom), checkIns(list), options)]);
    }
  });
});
