import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

// Company and department objectives may stand on their own; a team's or a person's
// should support something above them.
function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, o] of view.objectives.entries()) {
    const unit = o.unitId === undefined ? undefined : view.unitById.get(o.unitId);
    if (unit === undefined || (unit.level !== 'team' && unit.level !== 'individual')) continue;
    if (o.parentId === undefined && (o.links ?? []).length === 0) {
      yield { path: ['objectives', i], id: o.id, message: msg('lint.unaligned', { level: msg(`level.${unit.level}`) }) };
    }
  }
}

/** A team or individual objective with no parent and no link. */
export const unaligned = { code: 'unaligned', severity: 'warning', check } as const satisfies LintRule;
