import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** The seeds: "Mỗi Mục tiêu nên có từ 2 đến 5 Kết quả chính" (each objective should have 2 to 5 key results). */
const MIN_KEY_RESULTS = 2;
const MAX_KEY_RESULTS = 5;

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, o] of view.objectives.entries()) {
    const count = view.scoredKeyResultsOf.get(o.id)?.length ?? 0;
    // An objective with none is empty-objective's finding, not this one's.
    if (count > MAX_KEY_RESULTS || (count > 0 && count < MIN_KEY_RESULTS)) {
      // The key without a suffix says one key result, in the singular; `.other` any other count, in the plural.
      yield { path: ['objectives', i], id: o.id, message: msg(count === 1 ? 'lint.keyResultsPerObjective' : 'lint.keyResultsPerObjective.other', { count }) };
    }
  }
}

/** 2–5 key results per objective. */
export const keyResultsPerObjective = { code: 'key-results-per-objective', severity: 'warning', check } as const satisfies LintRule;
