// recordOf's types: the record type itself, never `| undefined`, for any records by id.
import { evaluate, evaluateKpis, parsePlan, recordOf, type KeyResultEvaluation, type KpiEvaluation, type ObjectiveEvaluation } from 'okrkit';
import { describe, expectTypeOf, it } from 'vitest';

describe('recordOf types', () => {
  it('gives the record type, without undefined', () => {
    const plan = parsePlan({});
    const evaluation = evaluate(plan);
    expectTypeOf(recordOf(evaluation.objectives, 'o')).toEqualTypeOf<ObjectiveEvaluation>();
    expectTypeOf(recordOf(evaluation.keyResults, 'kr')).toEqualTypeOf<KeyResultEvaluation>();
    expectTypeOf(recordOf(evaluateKpis(plan), 'k')).toEqualTypeOf<KpiEvaluation>();
    // The plain index stays honest under noUncheckedIndexedAccess.
    expectTypeOf(evaluation.objectives['o']).toEqualTypeOf<ObjectiveEvaluation | undefined>();
    // @ts-expect-error an id is a string
    recordOf(evaluation.objectives, 1);
  });
});
