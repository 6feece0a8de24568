import { msg } from '../../messages/message.js';
import { isAggregated } from '../../model/value-links.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

function* check(view: PlanView): Generator<RuleFinding> {
  const fed = new Set<string>();
  for (const k of view.keyResults) for (const link of k.links ?? []) if (link.contributes === true) fed.add(link.to);
  for (const [j, k] of view.keyResults.entries()) {
    if (isAggregated(k) && !fed.has(k.id)) yield { path: ['keyResults', j], id: k.id, message: msg('lint.aggregateWithoutContributors') };
  }
}

/** An aggregated key result that no key result contributes to: its value stays at its start. */
export const aggregateWithoutContributors = { code: 'aggregate-without-contributors', severity: 'warning', check } as const satisfies LintRule;
