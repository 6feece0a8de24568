import { invalidArgument } from '../messages/okrkit-error.js';
import { checkAsOf } from '../model/options.js';
import type { DateInput } from '../model/instant.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { kpisOf } from './evaluate-kpis.js';
import type { Rag } from '../model/kpi.js';

/**
 * Options of {@link kpiAlerts}.
 *
 * @category KPIs
 */
export interface KpiAlertsOptions {
  /** The date to look at. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
  /** Only key results in this cycle count as working on a KPI; by default, those in any cycle that contains `asOf`. */
  readonly cycleId?: string;
  /** Which statuses raise an alert: amber and red by default. */
  readonly statuses?: readonly Rag[];
}

/**
 * A KPI that needs an objective: it is amber or red and no key result in the cycle
 * works on it.
 *
 * @category KPIs
 */
export interface KpiAlert {
  readonly kpiId: string;
  readonly status: Rag;
  readonly attainment: number;
  /** The cycles looked in for a key result fed by the KPI. */
  readonly cycleIds: readonly string[];
}

/**
 * Lists the KPIs that are amber or red at `asOf` while no key result in the current
 * cycle takes its value from them (`source: { kpiId }`): candidates for a new objective,
 * as the seeds advise — "when you fall behind on a KPI, use an OKR to get back on track".
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `cycleId` and `statuses`.
 * @returns The alerts, worst attainment first.
 * @throws {OkrkitError} `invalid_argument` for bad options or an unknown cycle.
 * @example
 * // plan: examples/plans/abc-kpis.json
 * kpiAlerts(plan, { asOf: '2026-11-15' })[0]
 * //=> { kpiId: 'cost-per-lead', status: 'red', attainment: 0.2, cycleIds: ['q4-2026'] }
 * @category KPIs
 */
export function kpiAlerts(plan: DeepReadonly<Plan>, options: KpiAlertsOptions): KpiAlert[] {
  return withPlan(plan, () => alertsOf(plan, options));
}

function alertsOf(plan: DeepReadonly<Plan>, options: KpiAlertsOptions): KpiAlert[] {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const asOf = checkAsOf(options);
  if (asOf === null) invalidArgument('arg.required', { name: 'options.asOf' });
  const cycles = plan.cycles ?? [];
  let cycleIds: string[];
  if (options.cycleId !== undefined) {
    if (!cycles.some((c) => c.id === options.cycleId)) invalidArgument('arg.unknownCycle', { id: options.cycleId, name: 'options.cycleId' });
    cycleIds = [options.cycleId];
  } else {
    cycleIds = cycles.filter((c) => c.start <= asOf && asOf <= c.end).map((c) => c.id);
  }
  const inCycle = new Set(cycleIds);
  const objectiveCycle = new Map((plan.objectives ?? []).map((o) => [o.id, o.cycleId]));
  const covered = new Set<string>();
  for (const kr of plan.keyResults ?? []) {
    if (kr.source !== undefined && inCycle.has(objectiveCycle.get(kr.objectiveId) ?? '')) covered.add(kr.source.kpiId);
  }
  const statuses = new Set<Rag>(options.statuses ?? ['amber', 'red']);
  const evaluations = kpisOf(plan, { asOf });
  const alerts: KpiAlert[] = [];
  for (const kpi of plan.kpis ?? []) {
    const e = evaluations[kpi.id];
    // A status is judged on an attainment: with one, there is the other.
    const attainment = e?.pacedAttainment ?? e?.attainment ?? null;
    if (e === undefined || e.status === null || attainment === null || !statuses.has(e.status) || covered.has(kpi.id)) continue;
    alerts.push({ kpiId: kpi.id, status: e.status, attainment, cycleIds });
  }
  return alerts.sort((a, b) => a.attainment - b.attainment || (a.kpiId < b.kpiId ? -1 : a.kpiId > b.kpiId ? 1 : 0));
}
