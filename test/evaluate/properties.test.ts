import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { Decimal } from 'decimal.js';
import { describe, expect } from 'vitest';
import { evaluate, keyResultProgress, parsePlan, scoreWeightedMean, type Evaluation, type Plan } from '../../src/index.js';
import { decimalArb, planArb, q3Day, shuffledArb } from '../arbitraries.js';
import { deepFreeze } from '../fixtures.js';
import { metricFrom } from '../builders.js';

/** Every score of an evaluation by id: what must not change when the input order does. */
function scoresOf(e: Evaluation): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const o of Object.values(e.objectives)) out[`o:${o.objectiveId}`] = o.score;
  for (const k of Object.values(e.keyResults)) out[`k:${k.keyResultId}`] = k.score;
  return out;
}

const metric = metricFrom;
const distinctPair = fc.tuple(decimalArb, decimalArb).filter(([a, b]) => !new Decimal(a).eq(b));
const scoreArb = fc.oneof(fc.double({ min: 0, max: 1.5, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000));

describe('key-result progress laws', () => {
  test.prop([distinctPair, decimalArb, fc.constantFrom(1, 1.2, 2)])('progress lies within [0, cap]', ([start, target], value, cap) => {
    const r = keyResultProgress(metric(start, target), [{ keyResultId: 'kr', at: '2026-07-01', value }], { cap });
    expect(r.progress).toBeGreaterThanOrEqual(0);
    expect(r.progress).toBeLessThanOrEqual(cap);
    expect(Number.isFinite(r.raw)).toBe(true);
  });

  test.prop([distinctPair, decimalArb, decimalArb])(
    'progress rises with the value for increases and falls with it for decreases',
    ([start, target], a, b) => {
      const [lo, hi] = new Decimal(a).lte(b) ? [a, b] : [b, a];
      const kr = metric(start, target);
      const p = (v: number | string) => keyResultProgress(kr, [{ keyResultId: 'kr', at: '2026-07-01', value: v }], { cap: Infinity }).raw!;
      if (new Decimal(target).gt(start)) expect(p(lo)).toBeLessThanOrEqual(p(hi));
      else expect(p(lo)).toBeGreaterThanOrEqual(p(hi));
    },
  );

  test.prop([fc.array(fc.tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.constantFrom(0, 1, 2)), { minLength: 1, maxLength: 20 })])(
    'sums decimal check-ins exactly, whatever their form',
    (parts) => {
      const values = parts.map(([n, k], i) => (i % 2 ? (n / 10 ** k).toFixed(k) : Number((n / 10 ** k).toFixed(k))));
      const expected = values.reduce<Decimal>((acc, v) => acc.plus(v), new Decimal(0));
      const kr = metric('0', expected.isZero() ? 1 : expected.times(2).toString(), { valueFrom: 'sum' });
      const r = keyResultProgress(kr, values.map((value) => ({ keyResultId: 'kr', at: '2026-07-01', value })));
      expect(r.value).toBe(expected.toNumber());
    },
  );
});

describe('weighted-mean laws', () => {
  test.prop([fc.array(scoreArb, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 50 })])(
    'equal weights give the arithmetic mean',
    (scores, w) => {
      const mean = scores.reduce((acc, s) => acc.plus(s), new Decimal(0)).div(scores.length).toNumber();
      const got = scoreWeightedMean(scores.map((score) => ({ score, weight: w })))!;
      expect(Math.abs(got - mean)).toBeLessThanOrEqual(Math.max(Math.abs(mean), 1) * 4 * Number.EPSILON);
      expect(got).toBe(scoreWeightedMean(scores.map((score) => ({ score }))));
    },
  );

  test.prop([fc.array(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000), { minLength: 1, maxLength: 30 })])(
    'equal weights on short decimals give the decimal mean exactly',
    (scores) => {
      const mean = scores.reduce((acc, s) => acc.plus(s), new Decimal(0)).div(scores.length).toNumber();
      expect(scoreWeightedMean(scores.map((score) => ({ score })))).toBe(mean);
    },
  );

  test.prop([fc.array(fc.record({ score: scoreArb, weight: fc.integer({ min: 0, max: 20 }) }), { maxLength: 30 }), fc.integer({ min: 1, max: 1000 })])(
    'scaling every weight by k > 0 changes nothing',
    (items, k) => {
      const base = scoreWeightedMean(items);
      const scaled = scoreWeightedMean(items.map((i) => ({ ...i, weight: i.weight * k })));
      expect(scaled).toBe(base);
    },
  );

  test.prop([fc.array(fc.record({ score: scoreArb, weight: fc.integer({ min: 0, max: 20 }) }), { maxLength: 30 }).chain((items) => fc.tuple(fc.constant(items), shuffledArb(items)))])(
    'the order of the items changes nothing, to the last bit',
    ([items, shuffled]) => {
      expect(scoreWeightedMean(shuffled)).toBe(scoreWeightedMean(items));
    },
  );

  test.prop([fc.array(fc.record({ score: scoreArb, weight: fc.integer({ min: 1, max: 20 }) }), { minLength: 1, maxLength: 30 })])(
    'the mean lies between the lowest and highest score; identical scores give that score',
    (items) => {
      const m = scoreWeightedMean(items)!;
      expect(m).toBeGreaterThanOrEqual(Math.min(...items.map((i) => i.score)));
      expect(m).toBeLessThanOrEqual(Math.max(...items.map((i) => i.score)));
      const same = items[0]!.score;
      expect(scoreWeightedMean(items.map((i) => ({ ...i, score: same })))).toBe(same);
    },
  );
});

describe('evaluate laws', () => {
  const arbPlan = planArb.map((p) => parsePlan(p));

  test.prop([arbPlan.chain((plan) => fc.tuple(fc.constant(plan), shuffledArb(plan.objectives), shuffledArb(plan.keyResults), shuffledArb(plan.checkIns))), q3Day])(
    'permuting objectives, key results or check-ins changes no score',
    ([plan, objectives, keyResults, checkIns], asOf) => {
      const shuffled: Plan = { ...plan, objectives, keyResults, checkIns };
      expect(scoresOf(evaluate(shuffled, { asOf }))).toEqual(scoresOf(evaluate(plan, { asOf })));
    },
  );

  test.prop([arbPlan, q3Day, fc.nat(), decimalArb])('a key result of weight 0 changes nothing', (plan, asOf, pick, value) => {
    const objectiveId = plan.objectives[pick % plan.objectives.length]!.id;
    const extra: Plan = {
      ...plan,
      keyResults: [...plan.keyResults, { id: 'zero', objectiveId, title: 'z', kind: 'metric', start: 0, target: 1, weight: 0 }],
      checkIns: [...plan.checkIns, { keyResultId: 'zero', at: asOf, value }],
    };
    const before = scoresOf(evaluate(plan, { asOf }));
    const after = scoresOf(evaluate(extra, { asOf }));
    delete after['k:zero'];
    expect(after).toEqual(before);
  });

  test.prop([arbPlan, q3Day])('an objective scores between its contributors’ lowest and highest score', (plan, asOf) => {
    for (const o of Object.values(evaluate(plan, { asOf }).objectives)) {
      const scores = o.contributors.map((c) => c.score).filter((s): s is number => s !== null);
      if (scores.length === 0) {
        expect(o.computedScore).toBeNull();
        continue;
      }
      expect(o.computedScore).toBeGreaterThanOrEqual(Math.min(...scores));
      expect(o.computedScore).toBeLessThanOrEqual(Math.max(...scores));
      const shares = o.contributors.reduce((acc, c) => acc + c.share, 0);
      expect(shares).toBeCloseTo(1, 12);
    }
  });

  test.prop([arbPlan, fc.option(q3Day, { nil: undefined })])('is idempotent, JSON-safe and leaves a deep-frozen plan untouched', (plan, asOf) => {
    const frozen = deepFreeze(structuredClone(plan));
    const options = asOf === undefined ? {} : { asOf };
    const first = evaluate(frozen, options);
    expect(evaluate(frozen, options)).toEqual(first);
    expect(frozen).toEqual(plan);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    for (const s of Object.values(scoresOf(first))) if (s !== null) expect(Number.isFinite(s)).toBe(true);
  });
});
