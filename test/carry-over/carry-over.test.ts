import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { carryOver, evaluate, OkrkitError, parsePlan, safeParsePlan, type Plan } from '../../src/index.js';
import { planArb } from '../arbitraries.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { thrown } from '../builders.js';

const withQ4 = (plan: Plan): Plan => ({ ...plan, cycles: [...plan.cycles, { id: 'q4-2026', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }] });

describe('carryOver', () => {
  const xyz = withQ4(parsePlan(loadPlan('xyz-corp')));

  it('copies unfinished objectives and key results into the next cycle with their provenance', () => {
    const next = carryOver(xyz, { from: 'q3-2026', to: 'q4-2026' });
    const carried = next.objectives.filter((o) => o.carriedFrom !== undefined);
    expect(carried.map((o) => [o.id, o.cycleId, o.carriedFrom])).toEqual([
      ['o-sales@q4-2026', 'q4-2026', 'o-sales'],
      ['o-quality@q4-2026', 'q4-2026', 'o-quality'],
      ['o-people@q4-2026', 'q4-2026', 'o-people'],
    ]);
    // kr-reviews was met (progress 1), so it stays behind
    const krs = next.keyResults.filter((k) => k.carriedFrom !== undefined).map((k) => k.carriedFrom);
    expect(krs).not.toContain('kr-reviews');
    expect(krs).toHaveLength(8);
    expect(next.initiatives.filter((i) => i.id.endsWith('@q4-2026')).map((i) => i.keyResultId)).toEqual(['kr-defects@q4-2026', 'kr-promotion@q4-2026']);
    expect(() => parsePlan(next)).not.toThrow();
  });

  it('starts key results again from their start with reset, and from the value reached with keep', () => {
    const reset = evaluate(carryOver(xyz, { from: 'q3-2026', to: 'q4-2026' }), { asOf: '2026-12-31' });
    expect(reset.keyResults['kr-churn@q4-2026']).toMatchObject({ value: 14, progress: 0 });
    const kept = carryOver(xyz, { from: 'q3-2026', to: 'q4-2026', mode: 'keep' });
    const churn = kept.keyResults.find((k) => k.id === 'kr-churn@q4-2026');
    expect(churn).toMatchObject({ kind: 'metric', start: 11, target: 10 });
    expect(evaluate(kept, { asOf: '2026-12-31' }).keyResults['kr-churn@q4-2026']!.progress).toBe(0);
  });

  it('carries everything with include: all, remapping parents and honouring newId', () => {
    const plan = withQ4(parsePlan(loadPlan('saas-cascade')));
    const next = carryOver(plan, { from: 'q3-2026', to: 'q4-2026', include: 'all', newId: (id) => `next-${id}` });
    expect(next.objectives.find((o) => o.id === 'next-o-reach')?.parentId).toBe('next-o-leader');
    const layout = next.keyResults.find((k) => k.id === 'next-kr-layout');
    expect(layout?.kind === 'milestones' && layout.milestones.every((m) => m.done === undefined && m.doneAt === undefined)).toBe(true);
    expect(() => parsePlan(next)).not.toThrow();
  });

  it('does not modify its input', () => {
    const frozen = deepFreeze(structuredClone(xyz));
    carryOver(frozen, { from: 'q3-2026', to: 'q4-2026', mode: 'keep', include: 'all' });
    expect(frozen).toEqual(xyz);
  });

  it('rejects unknown cycles and ids that are already taken', () => {
    expect(() => carryOver(xyz, { from: 'q3-2026', to: 'q9' })).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: unknown cycle "q9" in options.to]`);
    expect(() => carryOver(xyz, { from: 'q3-2026', to: 'q4-2026', newId: () => 'o-sales' })).toThrow(OkrkitError);
  });

  test.prop([planArb.map((p) => withQ4(parsePlan({ ...p, cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }] })))])(
    'reset then evaluate gives progress 0 to every carried metric key result',
    (plan) => {
      const next = carryOver(plan, { from: 'q3', to: 'q4-2026', include: 'all' });
      const evaluation = evaluate(parsePlan(next));
      for (const kr of next.keyResults) {
        if (kr.carriedFrom !== undefined && kr.kind === 'metric') expect(evaluation.keyResults[kr.id]!.progress).toBe(0);
      }
    },
  );
});

describe('carryOver and the OKR process', () => {
  const plan: Plan = parsePlan({
    cycles: [
      { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' },
      { id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' },
    ],
    objectives: [{ id: 'o1', title: 'Win customers', cycleId: 'q3', state: 'active', history: [{ from: 'approved', to: 'active', by: 'u', at: '2026-07-01' }] }],
    keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'Leads', kind: 'metric', start: 0, target: 100 }],
  });

  it('in a plan that uses states, copies start as drafts whose history names the original (carriedFrom stays)', () => {
    const next = carryOver(deepFreeze(plan), { from: 'q3', to: 'q4' });
    const o = next.objectives.find((x) => x.id === 'o1@q4');
    expect(o).toMatchObject({ state: 'draft', carriedFrom: 'o1' });
    expect(o?.history).toEqual([{ from: 'active', to: 'draft', by: 'carry-over', at: '2026-09-30', note: 'Carried over from "o1" in cycle "q3".' }]);
    expect(next.keyResults.find((k) => k.id === 'k1@q4')).toMatchObject({ state: 'draft', history: [{ from: 'active', to: 'draft' }] });
    expect(() => parsePlan(next)).not.toThrow();
  });

  it('the state, who and when are options; a plan without states gets copies without states', () => {
    const next = carryOver(plan, { from: 'q3', to: 'q4', state: 'proposed', by: 'u-ceo', at: '2026-10-01T08:00:00+07:00' });
    expect(next.objectives.find((x) => x.id === 'o1@q4')?.history).toEqual([
      { from: 'active', to: 'proposed', by: 'u-ceo', at: '2026-10-01T08:00:00+07:00', note: 'Carried over from "o1" in cycle "q3".' },
    ]);
    const old = parsePlan({ ...plan, objectives: [{ id: 'o1', title: 'Win customers', cycleId: 'q3' }] });
    const copy = carryOver(old, { from: 'q3', to: 'q4' }).objectives.find((x) => x.id === 'o1@q4');
    expect(copy).not.toHaveProperty('state');
    expect(copy).not.toHaveProperty('history');
    expect(thrown(() => carryOver(plan, { from: 'q3', to: 'q4', state: 'done' as never })).code).toBe('invalid_argument');
  });

  it('refuses copies that start closed (they have no final score), and writes only entries parsePlan accepts', () => {
    const closed = thrown(() => carryOver(plan, { from: 'q3', to: 'q4', state: 'closed' }));
    expect([closed.code, closed.message]).toEqual(['invalid_argument', "okrkit: invalid argument: options.state must be one of 'draft', 'proposed', 'approved', 'active', got \"closed\""]);
    // every original state and every copy state: the copy's arrival is accepted, drafts copied as drafts included
    for (const from of ['draft', 'proposed', 'approved', 'active', 'closed'] as const) {
      const history = from === 'closed' ? [{ from: 'active' as const, to: 'closed' as const, by: 'u', at: '2026-09-30', score: 0.5 }] : [];
      const original = parsePlan({ ...plan, objectives: [{ ...plan.objectives[0]!, state: from, history, ...(from === 'closed' ? { finalScore: 0.5 } : {}) }] });
      for (const state of ['draft', 'proposed', 'approved', 'active'] as const) {
        const next = carryOver(original, { from: 'q3', to: 'q4', state, at: '2026-10-01' });
        expect(() => parsePlan(next)).not.toThrow();
        // the same entry on a record that is not a copy is not a step of the process
        const copy = next.objectives.find((o) => o.id === 'o1@q4')!;
        const { carriedFrom: _c, ...notACopy } = copy;
        const legal = from !== state && (state === 'draft' || { draft: 'proposed', proposed: 'approved', approved: 'active', active: 'closed', closed: 'active' }[from] === state);
        expect([from, state, safeParsePlan({ ...next, objectives: [...next.objectives.filter((o) => o !== copy), notACopy] }).success]).toEqual([from, state, legal]);
      }
    }
  });
});
