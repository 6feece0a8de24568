import { describe, expectTypeOf, it } from 'vitest';
import {
  evaluate,
  keyResultProgress,
  parsePlan,
  safeParsePlan,
  type Evaluation,
  type KeyResult,
  type KeyResultProgress,
  type MetricKeyResult,
  type Plan,
} from '../src/index.js';

describe('types', () => {
  it('infers the plan from parsePlan with every array present', () => {
    expectTypeOf(parsePlan).returns.toEqualTypeOf<Plan>();
    expectTypeOf<Plan['keyResults']>().toEqualTypeOf<KeyResult[]>();
    const r = safeParsePlan({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Plan>();
  });

  it('narrows key results on kind', () => {
    const kr = {} as KeyResult;
    if (kr.kind === 'metric') expectTypeOf(kr).toEqualTypeOf<MetricKeyResult>();
  });

  it('accepts readonly literals and returns plain results', () => {
    const bugs = { id: 'b', objectiveId: 'o', title: 'Bugs', kind: 'metric', start: 100, target: 60 } as const;
    expectTypeOf(keyResultProgress(bugs)).toEqualTypeOf<KeyResultProgress>();
    expectTypeOf(evaluate({} as Plan)).toEqualTypeOf<Evaluation>();
  });

  it('rejects what is not a key result or a plan', () => {
    // @ts-expect-error a metric key result needs a target
    keyResultProgress({ id: 'b', objectiveId: 'o', title: 'Bugs', kind: 'metric', start: 100 });
    // @ts-expect-error an unknown kind
    keyResultProgress({ id: 'b', objectiveId: 'o', title: 'x', kind: 'guess' });
    // @ts-expect-error a plan is an object, not an array
    evaluate([]);
  });
});

import * as z from 'zod';
import { createOkrkit, defineKeyResultKind, type PlanWith } from '../src/index.js';

describe('plug-in types', () => {
  const nps = defineKeyResultKind({
    kind: 'nps',
    schema: z.object({ from: z.number(), to: z.number() }),
    progress: (kr, { value }) => {
      expectTypeOf(kr.kind).toEqualTypeOf<'nps'>();
      expectTypeOf(kr.from).toEqualTypeOf<number>();
      expectTypeOf(value).toEqualTypeOf<number | null>();
      return ((value ?? kr.from) - kr.from) / (kr.to - kr.from);
    },
  });
  const okr = createOkrkit({ kinds: [nps] });

  it('flow plug-in key results through parsePlan', () => {
    const plan = okr.parsePlan({});
    expectTypeOf(plan).toEqualTypeOf<PlanWith<readonly [typeof nps]>>();
    const kr = plan.keyResults[0]!;
    if (kr.kind === 'nps') expectTypeOf(kr.to).toEqualTypeOf<number>();
    if (kr.kind === 'metric') expectTypeOf(kr.target).toEqualTypeOf<string | number>();
  });

  it('accept plug-in key results where key results are expected', () => {
    okr.keyResultProgress({ id: 'n', objectiveId: 'o', title: 'n', kind: 'nps', from: 0, to: 10 });
    // @ts-expect-error an nps key result needs its `to`
    okr.keyResultProgress({ id: 'n', objectiveId: 'o', title: 'n', kind: 'nps', from: 0 });
    // @ts-expect-error a KPI is not a key result
    okr.keyResultProgress({ id: 'k', name: 'KPI', target: { polarity: 'higher', value: 1 }, timeframe: { cycleId: 'q' }, dataSource: { name: 'x' }, frequency: 'weekly' });
  });
});
