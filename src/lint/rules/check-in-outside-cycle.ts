import { dateOf } from '../../_lib/calendar.js';
import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/**
 * Check-ins dated before their key result's cycle starts or after it ends: `evaluate`
 * counts only the check-ins inside the cycle, so these are left out, silently but for
 * this finding.
 */
function* check(view: PlanView): Generator<RuleFinding> {
  const krById = new Map(view.keyResults.map((k) => [k.id, k]));
  for (const [i, c] of view.checkIns.entries()) {
    const kr = krById.get(c.keyResultId);
    if (kr === undefined) continue;
    const cycle = view.cycleById.get(view.objectiveById.get(kr.objectiveId)?.cycleId ?? '');
    if (cycle === undefined) continue;
    const day = dateOf(c.at);
    if (day >= cycle.start && day <= cycle.end) continue;
    yield {
      path: ['checkIns', i, 'at'],
      id: kr.id,
      message: msg('lint.checkInOutsideCycle', { keyResult: kr.id, date: day, cycle: cycle.name, start: cycle.start, end: cycle.end }),
    };
  }
}

/** A check-in dated outside its key result's cycle, which evaluate ignores. */
export const checkInOutsideCycle = { code: 'check-in-outside-cycle', severity: 'warning', check } as const satisfies LintRule;
