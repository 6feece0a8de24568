import { describe, expectTypeOf, it } from 'vitest';
import { evaluate, performance, performanceColumns, type DeepReadonly, type Performance, type PerformanceColumns, type Plan, type Status, type UnitLevel } from '../../src/index.js';

describe('people types', () => {
  it('takes a readonly plan and evaluation, and returns plain records', () => {
    const plan = {} as DeepReadonly<Plan>;
    const evaluation = evaluate(plan);
    expectTypeOf(performance(plan, evaluation)).toEqualTypeOf<Performance>();
    expectTypeOf(performanceColumns(plan, evaluation, { of: 'keyResults' })).toEqualTypeOf<PerformanceColumns>();
    const p = performance(plan, evaluation);
    expectTypeOf(p.units['x']?.level).toEqualTypeOf<UnitLevel | undefined>();
    expectTypeOf(p.owners['x']?.worst).toEqualTypeOf<Status | null | undefined>();
    expectTypeOf(p.units['x']?.rolledUp.score).toEqualTypeOf<number | null | undefined>();
    // @ts-expect-error: `of` is objectives or keyResults
    performance(plan, evaluation, { of: 'people' });
    // @ts-expect-error: the scorecard options select nothing (every unit and owner gets its own)
    performance(plan, evaluation, { scorecard: { ownerId: 'lan' } });
  });
});
