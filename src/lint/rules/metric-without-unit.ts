import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [j, k] of view.keyResults.entries()) {
    if (k.kind === 'metric' && (k.unit === undefined || k.unit.trim() === '')) yield { path: ['keyResults', j], id: k.id, message: msg('lint.metricWithoutUnit') };
  }
}

/** A metric key result without a unit. */
export const metricWithoutUnit = { code: 'metric-without-unit', severity: 'info', check } as const satisfies LintRule;
