import { describe, expectTypeOf, it } from 'vitest';
import {
  advanceObjective,
  checkKeyResultTransition,
  nextStates,
  stateOf,
  type OkrState,
  type Plan,
  type StateChange,
  type TransitionCheck,
} from '../../src/index.js';

describe('process types', () => {
  it('takes read-only plans and returns a plain plan or a check', () => {
    const plan = { cycles: [], units: [], objectives: [{ id: 'o', title: 'o', cycleId: 'q', state: 'draft' }], keyResults: [], initiatives: [], checkIns: [], kpis: [], measurements: [] } as const;
    expectTypeOf(advanceObjective(plan, 'o', 'proposed', { by: 'u', at: '2026-06-20' })).toEqualTypeOf<Plan>();
    expectTypeOf(checkKeyResultTransition(plan, 'k', 'approved', { by: 'u', at: '2026-06-20' })).toEqualTypeOf<TransitionCheck>();
    expectTypeOf(stateOf(plan.objectives[0])).toEqualTypeOf<OkrState>();
    expectTypeOf(nextStates('closed')).toEqualTypeOf<OkrState[]>();
    expectTypeOf<NonNullable<Plan['objectives'][number]['history']>>().toEqualTypeOf<StateChange[]>();
  });

  it('needs who and when, and a state', () => {
    const plan = {} as Plan;
    // @ts-expect-error who took the step is required
    advanceObjective(plan, 'o', 'proposed', { at: '2026-06-20' });
    // @ts-expect-error when is required: okrkit never reads the clock
    advanceObjective(plan, 'o', 'proposed', { by: 'u' });
    // @ts-expect-error not a state
    advanceObjective(plan, 'o', 'done', { by: 'u', at: '2026-06-20' });
  });
});
