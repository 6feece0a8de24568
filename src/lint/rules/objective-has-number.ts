import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';
import { hasQuantity } from '../wording.js';

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, o] of view.objectives.entries()) {
    if (hasQuantity(o.title)) yield { path: ['objectives', i, 'title'], id: o.id, message: msg('lint.objectiveHasNumber', { title: o.title }) };
  }
}

/** A number in an objective's title (quarters and years aside): objectives are qualitative. */
export const objectiveHasNumber = { code: 'objective-has-number', severity: 'info', check } as const satisfies LintRule;
