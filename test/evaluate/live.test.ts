import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluate, createLiveEvaluation, OkrkitError, parsePlan, type CheckIn, type Plan } from '../../src/index.js';
import { decimalArb, planArb, q3Day } from '../arbitraries.js';
import { deepFreeze, loadPlan } from '../fixtures.js';

describe('createLiveEvaluation', () => {
  const xyz = parsePlan(loadPlan('xyz-corp'));

  it('re-scores a key result and the objectives above it, and only those', () => {
    const live = createLiveEvaluation(xyz, { asOf: '2026-09-30' });
    const before = live.evaluation.objectives['o-quality'];
    const changes = live.applyCheckIn({ keyResultId: 'kr-churn', at: '2026-09-30T18:00:00+07:00', value: 10 });
    expect(Object.keys(changes.keyResults)).toEqual(['kr-churn']);
    expect(Object.keys(changes.objectives)).toEqual(['o-sales']);
    expect(live.evaluation.keyResults['kr-churn']!.progress).toBe(1);
    expect(live.evaluation.objectives['o-sales']!.score).toBeCloseTo((0.75 + 0.8 + 1) / 3, 15);
    expect(live.evaluation.objectives['o-quality']).toBe(before);
  });

  it('equals a full evaluation of the plan with the check-in appended, and leaves the plan untouched', () => {
    const frozen = deepFreeze(structuredClone(xyz));
    const live = createLiveEvaluation(frozen, { asOf: '2026-09-30', forecast: true });
    const checkIn: CheckIn = { keyResultId: 'kr-signups', at: '2026-09-20', value: '14.5', confidence: 0.9 };
    live.applyCheckIn(checkIn);
    expect(live.evaluation).toEqual(evaluate({ ...xyz, checkIns: [...xyz.checkIns, checkIn] }, { asOf: '2026-09-30', forecast: true }));
    expect(frozen).toEqual(xyz);
  });

  it('rejects a bad check-in or an unknown key result', () => {
    const live = createLiveEvaluation(xyz);
    expect(() => live.applyCheckIn({ keyResultId: 'ghost', at: '2026-08-01', value: 1 })).toThrowErrorMatchingInlineSnapshot(
      `[OkrkitError: okrkit: the check-in refers to an unknown key result "ghost"; the plan has no key result with that id]`,
    );
    expect(() => live.applyCheckIn({ keyResultId: 'kr-churn', at: '2026-02-30', value: 1 })).toThrow(OkrkitError);
  });

  const scenario = planArb
    .map((p) => parsePlan(p))
    .filter((p) => p.keyResults.length > 0)
    .chain((plan) =>
      fc.tuple(
        fc.constant(plan),
        fc.array(fc.record({ kr: fc.nat(), at: q3Day, value: decimalArb, confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }) }), { minLength: 1, maxLength: 8 }),
        fc.option(q3Day, { nil: undefined }),
        fc.boolean(),
      ),
    );

  test.prop([scenario])('after any sequence of check-ins equals a full evaluate', ([plan, arrivals, asOf, forecast]) => {
    const options = { ...(asOf === undefined ? {} : { asOf }), forecast };
    const live = createLiveEvaluation(plan, options);
    const appended: CheckIn[] = [];
    for (const a of arrivals) {
      const checkIn: CheckIn = {
        keyResultId: plan.keyResults[a.kr % plan.keyResults.length]!.id,
        at: a.at,
        value: a.value,
        ...(a.confidence === undefined ? {} : { confidence: a.confidence }),
      };
      appended.push(checkIn);
      live.applyCheckIn(checkIn);
    }
    const full: Plan = { ...plan, checkIns: [...plan.checkIns, ...appended] };
    expect(live.evaluation).toEqual(evaluate(full, options));
  });
});
