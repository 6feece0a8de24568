import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

// The schema already requires a target, a timeframe and a frequency; the two text parts
// can still be left blank.
function* check(view: PlanView): Generator<RuleFinding> {
  for (const [i, k] of view.kpis.entries()) {
    if (k.name.trim() === '') yield { path: ['kpis', i, 'name'], id: k.id, message: msg('lint.kpiIncomplete', { part: msg('term.kpi') }) };
    if (k.dataSource.name.trim() === '') yield { path: ['kpis', i, 'dataSource'], id: k.id, message: msg('lint.kpiIncomplete', { part: msg('kpiPart.dataSource') }) };
  }
}

/** A KPI with a blank name or data source: all four parts must say something. */
export const kpiIncomplete = { code: 'kpi-incomplete', severity: 'error', check } as const satisfies LintRule;
