import { add, compare, toText, toValue, type Value } from '../../_lib/numeric.js';
import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** Teams that weigh key results in percent split each objective into 100 parts (checked only when they say so). */
const WEIGHTS_TOTAL = 100;

function* check(view: PlanView): Generator<RuleFinding> {
  if (!view.weightsSumTo100) return;
  for (const [i, o] of view.objectives.entries()) {
    const own = view.scoredKeyResultsOf.get(o.id) ?? [];
    if (own.length === 0) continue;
    let sum: Value = 0;
    for (const k of own) sum = add(sum, k.weight === undefined ? 0 : (toValue(k.weight) ?? 0));
    if (compare(sum, WEIGHTS_TOTAL) !== 0) yield { path: ['objectives', i], id: o.id, message: msg('lint.weightsSum', { sum: toText(sum) }) };
  }
}

/** Key-result weights that do not add up to 100, when `weightsSumTo100` is set. */
export const weightsSum = { code: 'weights-sum', severity: 'warning', check } as const satisfies LintRule;
