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
