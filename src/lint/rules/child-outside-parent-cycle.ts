import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, o] of view.objectives.entries()) {
    const cycle = view.cycleById.get(o.cycleId);
    const parent = o.parentId === undefined ? undefined : view.objectiveById.get(o.parentId);
    const parentCycle = parent === undefined ? undefined : view.cycleById.get(parent.cycleId);
    if (cycle === undefined || parentCycle === undefined) continue;
    if (cycle.start < parentCycle.start || cycle.end > parentCycle.end) {
      yield { path: ['objectives', i, 'cycleId'], id: o.id, message: msg('lint.childOutsideParentCycle', { cycle: cycle.name, parentCycle: parentCycle.name }) };
    }
  }
}

/** An objective whose cycle does not lie inside its parent objective's cycle. */
export const childOutsideParentCycle = { code: 'child-outside-parent-cycle', severity: 'warning', check } as const satisfies LintRule;
