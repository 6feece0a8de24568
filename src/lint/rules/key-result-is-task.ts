import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';
import { readsLikeTask } from '../wording.js';

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [j, k] of view.keyResults.entries()) {
    if (readsLikeTask(k.title)) yield { path: ['keyResults', j, 'title'], id: k.id, message: msg('lint.keyResultIsTask', { title: k.title }) };
  }
}

/** A key result that reads like a task ("implement…", "triển khai…") and belongs as an initiative. */
export const keyResultIsTask = { code: 'key-result-is-task', severity: 'warning', check } as const satisfies LintRule;
