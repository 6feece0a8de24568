import { bucketByRef } from '../_lib/buckets.js';
import { i32 } from '../_lib/at.js';
import { dictionary } from '../_lib/dictionary.js';
import { nouns } from '../messages/where.js';
import { unknownReference } from '../messages/okrkit-error.js';
import type { Cycle } from '../model/cycle.js';
import { checkAsOf } from '../model/options.js';
import type { DateInput } from '../model/instant.js';
import type { Plan } from '../model/plan.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { evaluateKpiExact, measuredPart, type ExactKpi, type KpiEvaluation } from './evaluate-kpi.js';
import { timeframeOf } from '../measure/kpi.js';
import type { Kpi, Measurement } from '../model/kpi.js';

/**
 * Options of {@link evaluateKpis}.
 *
 * @category KPIs
 */
export interface EvaluateKpisOptions {
  /** The date to evaluate at; each KPI's whole timeframe when omitted. A `Date` or epoch milliseconds counts on its day in `timeZone`. */
  readonly asOf?: DateInput;
  /** The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of an `asOf` given as a `Date` or epoch milliseconds. */
  readonly timeZone?: string;
}

/**
 * Evaluates every KPI of a plan at a date (actual, attainment, paced attainment,
 * status), in time linear in KPIs + measurements.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`.
 * @returns Each KPI's {@link KpiEvaluation}, by id.
 * @throws {OkrkitError} `unknown_reference` for a measurement of an unknown KPI or an unknown cycle; `invalid_argument` for bad options.
 * @example
 * // plan: examples/plans/abc-kpis.json — 9 of 20 leads, paced: 0.9 of the 10 due
 * evaluateKpis(plan, { asOf: '2026-11-15' })['lan-leads'].status
 * //=> 'amber'
 * @category KPIs
 */
export function evaluateKpis(plan: DeepReadonly<Plan>, options: EvaluateKpisOptions = {}): Readonly<Record<string, KpiEvaluation>> {
  return withPlan(plan, () => kpisOf(plan, options));
}

/** A KPI of a plan with its evaluation and the exact numbers behind it (for scorecards). */
export interface EvaluatedKpi {
  readonly kpi: DeepReadonly<Kpi>;
  readonly exact: ExactKpi;
}

/**
 * The plan's KPIs evaluated, in plan order, without the plan check (for callers that
 * made it); `only` limits the evaluation to some of them (a scorecard's selection).
 */
export function evaluatedKpis(plan: DeepReadonly<Plan>, options: { readonly asOf?: DateInput | undefined; readonly timeZone?: string | undefined }, only: ReadonlySet<string> | null = null): EvaluatedKpi[] {
  const asOf = checkAsOf(options);
  const kpis: readonly DeepReadonly<Kpi>[] = plan.kpis ?? [];
  const measurements: readonly DeepReadonly<Measurement>[] = plan.measurements ?? [];
  const cycles = new Map<string, DeepReadonly<Cycle>>((plan.cycles ?? []).map((c) => [c.id, c]));
  const index = new Map<string, number>();
  kpis.forEach((k, i) => index.set(k.id, i));
  const { starts, items } = bucketByRef(measurements, (m) => m.kpiId, index, kpis.length, (id) => {
    unknownReference(nouns.kpi, id);
  });
  const out: EvaluatedKpi[] = [];
  kpis.forEach((kpi, i) => {
    if (only !== null && !only.has(kpi.id)) return;
    const span = timeframeOf(measuredPart(kpi), cycles);
    out.push({ kpi, exact: evaluateKpiExact(kpi, measurements, items, i32(starts, i), i32(starts, i + 1), span, asOf) });
  });
  return out;
}

/** evaluateKpis without the plan check, for callers that made it. */
export function kpisOf(plan: DeepReadonly<Plan>, options: EvaluateKpisOptions): Readonly<Record<string, KpiEvaluation>> {
  const out = dictionary<KpiEvaluation>();
  for (const { kpi, exact } of evaluatedKpis(plan, options)) out[kpi.id] = exact.evaluation;
  return out;
}
