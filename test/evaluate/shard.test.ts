import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateShard, mergeShards, OkrkitError, parsePlan, type Plan } from '../../src/index.js';
import { planArb, q3Day } from '../arbitraries.js';
import { loadPlan } from '../fixtures.js';

/** The part of a plan that holds some key results and their check-ins. */
function partOf(plan: Plan, keep: (keyResultId: string) => boolean): Plan {
  return { ...plan, keyResults: plan.keyResults.filter((k) => keep(k.id)), checkIns: plan.checkIns.filter((c) => keep(c.keyResultId)) };
}

describe('evaluateShard and mergeShards', () => {
  it('evaluate the SaaS cascade split by department exactly as a whole', () => {
    const plan = parsePlan(loadPlan('saas-cascade'));
    const objectiveUnit = new Map(plan.objectives.map((o) => [o.id, o.unitId]));
    const unitOf = new Map(plan.keyResults.map((k) => [k.id, objectiveUnit.get(k.objectiveId)]));
    const options = { asOf: '2026-09-20', forecast: true };
    const shards = ['company', 'marketing', 'product'].map((unit) => evaluateShard(partOf(plan, (id) => unitOf.get(id) === unit), options));
    expect(JSON.parse(JSON.stringify(shards))).toEqual(shards); // plain JSON, fit to send between workers
    expect(mergeShards({ ...plan, checkIns: [] }, shards, options)).toEqual(evaluate(plan, options));
  });

  it('evaluate the KPI-fed plan in shards too', () => {
    const plan = parsePlan(loadPlan('abc-kpis'));
    expect(mergeShards(plan, [evaluateShard(plan, { asOf: '2026-11-15' })], { asOf: '2026-11-15' })).toEqual(evaluate(plan, { asOf: '2026-11-15' }));
  });

  it('refuse shards that miss a key result, measure one twice or used other options', () => {
    const plan = parsePlan(loadPlan('xyz-corp'));
    const all = evaluateShard(plan, { asOf: '2026-09-30' });
    const some = evaluateShard(partOf(plan, (id) => id !== 'kr-churn'), { asOf: '2026-09-30' });
    expect(() => mergeShards(plan, [some], { asOf: '2026-09-30' })).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: no shard measured key result "kr-churn"]`);
    expect(() => mergeShards(plan, [all, some], { asOf: '2026-09-30' })).toThrow(/measured by two shards/);
    expect(() => mergeShards(plan, [all], { asOf: '2026-08-01' })).toThrow(OkrkitError);
  });

  test.prop([planArb.map((p) => parsePlan(p)), fc.array(fc.nat({ max: 2 }), { minLength: 40, maxLength: 40 }), fc.option(q3Day, { nil: undefined }), fc.boolean()])(
    'merging the shards of any split equals evaluating the plan whole',
    (plan, assignment, asOf, forecast) => {
      const options = { ...(asOf === undefined ? {} : { asOf }), forecast };
      const shardOf = new Map(plan.keyResults.map((k, j) => [k.id, assignment[j % assignment.length]!]));
      const shards = [0, 1, 2].map((s) => evaluateShard(partOf(plan, (id) => shardOf.get(id) === s), options));
      expect(mergeShards({ ...plan, checkIns: [] }, shards, options)).toEqual(evaluate(plan, options));
    },
  );
});
