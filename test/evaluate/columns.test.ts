import fc from 'fast-check';
import * as z from 'zod';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  createOkrkit,
  defineKeyResultKind,
  evaluate,
  evaluateColumns,
  GRADE_CODES,
  OkrkitError,
  parsePlan,
  STATUS_CODES,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationColumns,
  type Plan,
} from '../../src/index.js';
import { planArb, q3Day, shuffledArb } from '../arbitraries.js';
import { loadPlan } from '../fixtures.js';

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

const opt = (has: number, value: number) => (has === 1 ? value : null);

/** The records an evaluation's columns stand for, field by field. */
function expectSameAs(columns: EvaluationColumns, evaluation: Evaluation, plan: Plan): void {
  expect(columns.asOf).toBe(evaluation.asOf);
  expect(columns.cap).toBe(evaluation.cap);
  const o = columns.objectives;
  expect(o.id).toEqual(plan.objectives.map((x) => x.id));
  plan.objectives.forEach((objective, i) => {
    const r = evaluation.objectives[objective.id]!;
    expect({
      score: opt(o.hasScore[i]!, o.score[i]!),
      computedScore: opt(o.hasComputedScore[i]!, o.computedScore[i]!),
      expected: o.expected[i],
      status: STATUS_CODES[o.status[i]!],
      confidence: opt(o.hasConfidence[i]!, o.confidence[i]!),
      grade: GRADE_CODES[o.grade[i]!],
      forecastScore: o.forecastScore === null ? null : o.forecastScore[i],
      parent: o.parent[i] === -1 ? undefined : o.id[o.parent[i]!],
    }).toEqual({
      score: r.score,
      computedScore: r.computedScore,
      expected: r.expected,
      status: r.status,
      confidence: r.confidence,
      grade: r.grade,
      forecastScore: r.forecastScore,
      parent: objective.parentId,
    });
  });
  const k = columns.keyResults;
  expect(k.id).toEqual(plan.keyResults.map((x) => x.id));
  plan.keyResults.forEach((kr, j) => {
    const r = evaluation.keyResults[kr.id]!;
    expect({
      objective: o.id[k.objective[j]!],
      value: opt(k.hasValue[j]!, k.value[j]!),
      raw: opt(k.hasProgress[j]!, k.raw[j]!),
      progress: opt(k.hasProgress[j]!, k.progress[j]!),
      score: opt(k.hasProgress[j]!, k.score[j]!),
      overridden: k.overridden[j] === 1,
      expected: k.expected[j],
      status: STATUS_CODES[k.status[j]!],
      confidence: opt(k.hasConfidence[j]!, k.confidence[j]!),
      grade: GRADE_CODES[k.grade[j]!],
      checkIns: k.checkIns[j],
      lastCheckIn: k.lastCheckIn[j],
      forecastScore: k.forecastScore === null ? null : k.forecastScore[j],
    }).toEqual({
      objective: r.objectiveId,
      value: r.value,
      raw: r.raw,
      progress: r.progress,
      score: r.score,
      overridden: r.overridden,
      expected: r.expected,
      status: r.status,
      confidence: r.confidence,
      grade: r.grade,
      checkIns: r.checkIns,
      lastCheckIn: r.lastCheckIn,
      forecastScore: k.forecastScore === null ? null : (r.forecast?.score ?? r.score ?? 0),
    });
  });
  // No column holds NaN or an infinity.
  for (const table of [o, k]) {
    for (const column of Object.values(table)) {
      if (column instanceof Float64Array) for (const x of column) expect(Number.isFinite(x)).toBe(true);
    }
  }
}

const optionsArb: fc.Arbitrary<EvaluateOptions> = fc.record({
  asOf: fc.oneof(q3Day, fc.constant('2026-10-15')),
  cap: fc.constantFrom(1, 1.2),
  forecast: fc.boolean(),
});

describe('evaluateColumns', () => {
  test.prop([planArb.map((p) => parsePlan(p)), optionsArb], { numRuns: 150 })('holds the numbers of evaluate, bit for bit', (plan, options) => {
    expectSameAs(evaluateColumns(plan, options), evaluate(plan, options), plan);
  });

  it.each(['xyz-corp', 'saas-cascade', 'abc-kpis'] as const)('agrees with evaluate on %s (links, driven key results, KPIs, confidence, grades)', (name) => {
    const plan = parsePlan(loadPlan(name));
    for (const asOf of ['2026-08-15', '2026-10-15', undefined]) {
      for (const forecast of [false, true]) {
        const options = { ...(asOf === undefined ? {} : { asOf }), forecast };
        expectSameAs(evaluateColumns(plan, options), evaluate(plan, options), plan);
      }
    }
  });

  it('gives the score and status of the XYZ sales objective', () => {
    const { objectives, keyResults } = evaluateColumns(parsePlan(loadPlan('xyz-corp')), { asOf: '2026-08-15' });
    const i = objectives.id.indexOf('o-sales');
    expect(objectives.score[i]).toBeCloseTo(83 / 360, 12);
    expect(STATUS_CODES[objectives.status[i]!]).toBe('offTrack');
    const j = keyResults.id.indexOf('kr-sales-growth');
    expect(keyResults.objective[j]).toBe(i);
    expect(keyResults.score[j]).toBe(0.3);
  });

  it('codes statuses from best to worst and grades with 0 for none', () => {
    expect(STATUS_CODES).toEqual([null, 'achieved', 'notStarted', 'onTrack', 'noData', 'atRisk', 'offTrack']);
    expect(GRADE_CODES).toEqual([null, 'green', 'yellow', 'red']);
    expect(Object.isFrozen(STATUS_CODES) && Object.isFrozen(GRADE_CODES)).toBe(true);
  });

  it('fails like evaluate: loops, unknown references, bad options and garbage', () => {
    const plan = parsePlan(loadPlan('xyz-corp'));
    const cases: unknown[][] = [
      [{ ...plan, checkIns: [...plan.checkIns, { keyResultId: 'ghost', at: '2026-08-01', value: 1 }] }, {}],
      [plan, { asOf: '2026-02-30' }],
      [plan, { cap: -1 }],
      [{ keyResults: [{}] }, {}],
      [null, {}],
    ];
    for (const [p, options] of cases) {
      const columns = thrown(() => evaluateColumns(p as never, options as never));
      const records = thrown(() => evaluate(p as never, options as never));
      expect(columns).toBeInstanceOf(OkrkitError);
      expect((columns as OkrkitError).code).toBe((records as OkrkitError).code);
      expect((columns as Error).message).toBe((records as Error).message);
    }
  });

  it('measures plug-in kinds through createOkrkit', () => {
    const okr = createOkrkit({
      kinds: [defineKeyResultKind({ kind: 'nps', schema: z.object({}), progress: (_kr, { value }) => (value === null ? 0 : value / 100) })],
    });
    const plan = okr.parsePlan({
      cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
      objectives: [{ id: 'o', title: 'Loved', cycleId: 'q3' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'NPS', kind: 'nps' }],
      checkIns: [{ keyResultId: 'k', at: '2026-08-01', value: 40 }],
    });
    const columns = okr.evaluateColumns(plan, { asOf: '2026-08-15' });
    expect(columns.keyResults.progress[0]).toBe(0.4);
    expect(columns.objectives.score[0]).toBe(okr.evaluate(plan, { asOf: '2026-08-15' }).objectives['o']!.score);
  });
});

describe('check-ins that come grouped by key result, or not', () => {
  test.prop([planArb.chain((p) => fc.tuple(fc.constant(parsePlan(p)), shuffledArb(parsePlan(p).checkIns))), q3Day], { numRuns: 150 })(
    'give the same evaluation whether read in runs or sorted',
    ([plan, shuffled], asOf) => {
      const order = new Map(plan.keyResults.map((k, j) => [k.id, j]));
      const runs = [...plan.checkIns].sort((a, b) => order.get(a.keyResultId)! - order.get(b.keyResultId)!);
      const expected = evaluate({ ...plan, checkIns: runs }, { asOf });
      expect(evaluate({ ...plan, checkIns: shuffled }, { asOf })).toEqual(expected);
      expect(evaluateColumns({ ...plan, checkIns: shuffled }, { asOf }).keyResults.checkIns).toEqual(evaluateColumns({ ...plan, checkIns: runs }, { asOf }).keyResults.checkIns);
    },
  );
});
