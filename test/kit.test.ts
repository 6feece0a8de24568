import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createOkrkit, defineKeyResultKind, defineScoring, evaluate, OkrkitError, parsePlan, safeParsePlan } from '../src/index.js';

const nps = defineKeyResultKind({
  kind: 'nps',
  schema: z.object({ from: z.number().min(-100).max(100), to: z.number().min(-100).max(100) }),
  progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from),
  range: [-10, 10],
});
const okr = createOkrkit({ kinds: [nps], scorings: [defineScoring({ id: 'half', score: (p) => p / 2 })] });
const base = {
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o', title: 'Customers love us', cycleId: 'q3' }, { id: 'p', title: 'Company', cycleId: 'q3' }],
  keyResults: [
    { id: 'n', objectiveId: 'o', title: 'NPS 10 → 40', kind: 'nps', from: 10, to: 40 },
    { id: 'm', objectiveId: 'o', title: 'Tickets', kind: 'metric', start: 0, target: 10, unit: 'tickets', scoring: { type: 'plugin', id: 'half' } },
  ],
  checkIns: [{ keyResultId: 'n', at: '2026-08-01', value: 25 }, { keyResultId: 'm', at: '2026-08-01', value: 10 }],
};

describe('plug-in kinds and scorings', () => {
  it('validate, measure and roll up plug-in key results like built-in ones', () => {
    const plan = okr.parsePlan(base);
    const e = okr.evaluate(plan, { asOf: '2026-08-15' });
    expect(e.keyResults['n']).toMatchObject({ value: 25, raw: 0.5, progress: 0.5, score: 0.5, status: 'onTrack' }); // 0.5 against 45/91
    expect(e.keyResults['m']!.score).toBe(0.5); // the plug-in scoring halves full progress
    expect(e.objectives['o']!.score).toBe(0.5);
    expect(okr.keyResultProgress(plan.keyResults[0]!, plan.checkIns).progress).toBe(0.5);
    expect(okr.lintPlan(plan).map((f) => f.code)).toEqual(['empty-objective']);
  });

  it('validates the plug-in’s own fields and rejects unknown kinds and scorings without it', () => {
    const bad = okr.safeParsePlan({ ...base, keyResults: [{ ...base.keyResults[0], from: 300 }, base.keyResults[1]] });
    expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([['keyResults.0.from', 'invalid_value']]);
    const plain = safeParsePlan(base);
    expect(plain.success ? [] : plain.error.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['keyResults.0.kind', 'invalid_value'],
      ['keyResults.1.scoring.id', 'unknown_reference'],
    ]);
  });

  it('reports a plug-in that returns NaN, leaves its range or throws, naming it', () => {
    const make = (progress: () => number) =>
      createOkrkit({ kinds: [defineKeyResultKind({ kind: 'odd', schema: z.object({}), progress, range: [0, 2] })] });
    const plan = { ...base, keyResults: [{ id: 'x', objectiveId: 'o', title: 'x', kind: 'odd' }], checkIns: [] };
    const failure = (progress: () => number) => {
      const o = make(progress);
      try {
        o.evaluate(o.parsePlan(plan));
      } catch (e) {
        return e as OkrkitError;
      }
      return null;
    };
    expect(failure(() => Number.NaN)?.message).toBe('okrkit: plug-in "odd": progress returned NaN for key result "x"; it must return a finite number');
    expect(failure(() => 5)?.message).toBe('okrkit: plug-in "odd": progress returned 5 for key result "x", outside its declared range 0 to 2');
    const thrown = failure(() => {
      throw new Error('boom');
    });
    expect(thrown).toBeInstanceOf(OkrkitError);
    expect(thrown?.code).toBe('plugin_failed');
    expect(thrown?.message).toBe('okrkit: plug-in "odd": progress failed for key result "x": boom');
  });

  it('keeps plug-in key results in live evaluations and shards', () => {
    const plan = okr.parsePlan(base);
    const live = okr.createLiveEvaluation(plan, { asOf: '2026-08-15' });
    live.applyCheckIn({ keyResultId: 'n', at: '2026-08-10', value: 40 });
    const appended = { ...plan, checkIns: [...plan.checkIns, { keyResultId: 'n', at: '2026-08-10', value: 40 }] };
    expect(live.evaluation).toEqual(okr.evaluate(appended, { asOf: '2026-08-15' }));
    expect(live.evaluation.keyResults['n']!.progress).toBe(1);
    const shards = [okr.evaluateShard({ ...plan, keyResults: [plan.keyResults[0]!], checkIns: [plan.checkIns[0]!] }), okr.evaluateShard({ ...plan, keyResults: [plan.keyResults[1]!], checkIns: [plan.checkIns[1]!] })];
    expect(okr.mergeShards(plan, shards)).toEqual(okr.evaluate(plan));
  });

  it('keeps plug-ins out of the plain functions: no global registry', () => {
    createOkrkit({ kinds: [nps] });
    expect(safeParsePlan(base).success).toBe(false);
    const plan = okr.parsePlan(base);
    expect(() => evaluate(plan as never)).toThrow(OkrkitError);
  });

  it('rejects plug-ins that reuse a built-in or each other’s name', () => {
    expect(() => defineKeyResultKind({ kind: 'metric', schema: z.object({}), progress: () => 0 })).toThrow(/not a built-in kind/);
    expect(() => createOkrkit({ kinds: [nps, nps] })).toThrow(/two plug-ins are named "nps"/);
  });

  test.prop([fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })])(
    'a plug-in key result rolls up exactly like a metric key result with the same progress',
    (from, to, value) => {
      fc.pre(from !== to);
      const open = createOkrkit({ kinds: [defineKeyResultKind({ ...nps, range: undefined as never })] });
      const withNps = open.evaluate(open.parsePlan({ ...base, keyResults: [{ id: 'n', objectiveId: 'o', title: 'n', kind: 'nps', from, to }], checkIns: [{ keyResultId: 'n', at: '2026-08-01', value }] }));
      const withMetric = evaluate(parsePlan({ ...base, keyResults: [{ id: 'n', objectiveId: 'o', title: 'n', kind: 'metric', start: from, target: to }], checkIns: [{ keyResultId: 'n', at: '2026-08-01', value }] }));
      expect(withNps.objectives['o']!.score).toBe(withMetric.objectives['o']!.score);
    },
  );
});
