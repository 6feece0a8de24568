import { msg } from '../../messages/message.js';
import { seriesOf, type Day } from '../../kpi/series.js';
import { groupBy, kpiSpan, type PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** Weeks start on Monday unless the KPI says otherwise. */
const MONDAY = 1;

/** A day of the week, 0 (Sunday) to 6, as parsePlan checks `weekStartsOn`. */
function isDay(n: number): n is Day {
  return Number.isInteger(n) && n >= 0 && n <= 6;
}

function* check(view: PlanView): Generator<RuleFinding> {
  const { asOf } = view;
  if (asOf === null) return;
  const measurementsOf = groupBy(view.measurements, (m) => m.kpiId);
  for (const [i, k] of view.kpis.entries()) {
    const span = kpiSpan(view, k);
    // Only a running timeframe can be behind.
    if (span === undefined || asOf < span.start || asOf > span.end) continue;
    const weekStartsOn = k.weekStartsOn ?? MONDAY;
    // seriesOf reads a KPI's id, frequency and aggregation but is typed for a mutable
    // Kpi: dropping the two parts that hold lists lets the read-only one fit, no cast.
    const { thresholds: _thresholds, scoring: _scoring, ...kpi } = k;
    const series = seriesOf(kpi, measurementsOf.get(k.id) ?? [], span, asOf, isDay(weekStartsOn) ? weekStartsOn : MONDAY);
    const last = series.buckets.filter((b) => b.complete).at(-1);
    if (series.stale && last !== undefined) {
      yield { path: ['kpis', i], id: k.id, message: msg('lint.kpiStale', { frequency: msg(`frequency.${k.frequency}`), start: last.start, end: last.end }) };
    }
  }
}

/** A KPI with no measurement in its last completed tracking period (needs `asOf`). */
export const kpiStale = { code: 'kpi-stale', severity: 'warning', check } as const satisfies LintRule;
