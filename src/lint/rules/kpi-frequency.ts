import { daysBetween } from '../../_lib/calendar.js';
import { msg } from '../../messages/message.js';
import { kpiSpan, type PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/**
 * The fewest days a tracking period can have (a February, a first quarter outside leap
 * years, a common year): a timeframe shorter than that never holds one whole period.
 */
const FREQUENCY_DAYS = { daily: 1, weekly: 7, monthly: 28, quarterly: 90, yearly: 365 } as const;

function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, k] of view.kpis.entries()) {
    const span = kpiSpan(view, k);
    if (span === undefined) continue;
    const days = daysBetween(span.start, span.end) + 1;
    if (days < FREQUENCY_DAYS[k.frequency]) {
      yield { path: ['kpis', i, 'frequency'], id: k.id, message: msg('lint.kpiFrequency', { frequency: msg(`frequency.${k.frequency}`), days }) };
    }
  }
}

/** A tracking frequency longer than the KPI's timeframe. */
export const kpiFrequency = { code: 'kpi-frequency', severity: 'warning', check } as const satisfies LintRule;
