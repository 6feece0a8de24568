import { compare, toValue } from '../../_lib/numeric.js';
import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, o] of view.objectives.entries()) {
    const own = view.scoredKeyResultsOf.get(o.id) ?? [];
    // A weight left out counts as 1, so only key results that all say 0 outright count nothing.
    if (own.length > 0 && own.every((k) => k.weight !== undefined && compare(toValue(k.weight) ?? 1, 0) === 0)) {
      yield { path: ['objectives', i], id: o.id, message: msg('lint.allWeightsZero') };
    }
  }
}

/** An objective whose key results all weigh 0. */
export const allWeightsZero = { code: 'all-weights-zero', severity: 'warning', check } as const satisfies LintRule;
