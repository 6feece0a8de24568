import { daysBetween } from '../../_lib/calendar.js';
import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** The seeds: keep OKRs to "mức tối đa một năm" (a year at most); a leap year has 366 days. */
const MAX_CYCLE_DAYS = 366;

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, c] of view.cycles.entries()) {
    const days = daysBetween(c.start, c.end) + 1;
    if (days > MAX_CYCLE_DAYS) yield { path: ['cycles', i], id: c.id, message: msg('lint.cycleTooLong', { days }) };
  }
}

/** A cycle longer than a year. */
export const cycleTooLong = { code: 'cycle-too-long', severity: 'warning', check } as const satisfies LintRule;
