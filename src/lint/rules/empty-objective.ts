import { compare, toValue } from '../../_lib/numeric.js';
import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** The objectives something scores: a child with a weight above 0 (left out, it weighs 1), or a contributing link. */
function fedByOthers(view: PlanView): ReadonlySet<string> {
  const fed = new Set<string>();
  for (const o of view.objectives) {
    if (o.parentId !== undefined && (o.weight === undefined || compare(toValue(o.weight) ?? 1, 0) > 0)) fed.add(o.parentId);
    for (const l of o.links ?? []) if (l.contributes === true) fed.add(l.to);
  }
  return fed;
}

function* check(view: PlanView): Generator<RuleFinding> {
  const fed = fedByOthers(view);
  for (const [i, o] of view.objectives.entries()) {
    const own = view.scoredKeyResultsOf.get(o.id) ?? [];
    if (own.length === 0 && !fed.has(o.id) && o.initiativeWeight === undefined) {
      yield { path: ['objectives', i], id: o.id, message: msg('lint.emptyObjective') };
    }
  }
}

/** An objective with no key results and no contributing children. */
export const emptyObjective = { code: 'empty-objective', severity: 'warning', check } as const satisfies LintRule;
