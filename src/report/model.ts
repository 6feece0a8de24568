import {
  evaluate,
  evaluateKpis,
  keyResultHistory,
  kpiSeries,
  lintPlan,
  scorecardByUnit,
  scoreWeightedMean,
  type CheckIn,
  type DeepReadonly,
  type Grade,
  type KeyResult,
  type KpiTarget,
  type LintFinding,
  type Locale,
  type Measurement,
  type Plan,
  type Rag,
  type Status,
} from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale } from '../messages/locale.js';
import { wordsFor } from './words.js';

/** One point of a key result's line: its progress at a date against the expected progress. @category Reports */
export interface ReportPoint {
  readonly date: string;
  /** Progress (0–1) at the date, or null before any check-in. */
  readonly progress: number | null;
  readonly expected: number;
  /** Whether a check-in falls on this date. */
  readonly checkIn: boolean;
}

/** A key result in a {@link Report}. @category Reports */
export interface ReportKeyResult {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly unit: string | null;
  readonly ownerId: string | null;
  /** The current value, or null with no check-in. */
  readonly value: number | null;
  /** The value it aims for: the target of a metric, the level of a threshold; null for other kinds. */
  readonly target: number | string | null;
  readonly score: number | null;
  readonly progress: number | null;
  readonly expected: number;
  readonly status: Status | null;
  readonly confidence: number | null;
  readonly grade: Grade | null;
  /** The forecast score at the cycle's end, or null. */
  readonly forecast: number | null;
  readonly history: readonly ReportPoint[];
}

/** An objective in a {@link Report}, listed in tree order with its depth. @category Reports */
export interface ReportObjective {
  readonly id: string;
  readonly title: string;
  readonly depth: number;
  readonly parentId: string | null;
  readonly cycleId: string;
  readonly unitId: string | null;
  /** The unit's name, or null. */
  readonly unitName: string | null;
  readonly ownerId: string | null;
  readonly score: number | null;
  readonly expected: number;
  readonly status: Status;
  readonly confidence: number | null;
  readonly grade: Grade | null;
  readonly forecast: number | null;
  readonly keyResults: readonly ReportKeyResult[];
}

/** A KPI in a {@link Report}. @category Reports */
export interface ReportKpi {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly unitId: string | null;
  readonly unitName: string | null;
  /** The KPI's target, as in the plan. */
  readonly target: DeepReadonly<KpiTarget>;
  readonly actual: number | null;
  readonly attainment: number | null;
  readonly status: Rag | null;
  /** Whether some key result is measured from this KPI (`source.kpiId`). */
  readonly linked: boolean;
  readonly series: readonly { readonly start: string; readonly end: string; readonly value: number | null }[];
}

/** A unit's KPI scorecard in a {@link Report}. @category Reports */
export interface ReportScorecard {
  readonly unitId: string;
  readonly name: string;
  readonly total: number | null;
  readonly rating: string | null;
  readonly kpis: number;
}

/** Everything a report shows, as plain data: what {@link renderText}, {@link renderHtml} and the others draw. @category Reports */
export interface Report {
  readonly title: string;
  readonly asOf: string | null;
  readonly locale: Locale;
  /** The plain mean of the top objectives' scores, or null. */
  readonly score: number | null;
  readonly counts: { readonly objectives: number; readonly keyResults: number; readonly kpis: number; readonly checkIns: number };
  /** How many objectives have each status. */
  readonly statuses: Readonly<Partial<Record<Status, number>>>;
  readonly objectives: readonly ReportObjective[];
  readonly kpis: readonly ReportKpi[];
  readonly scorecards: readonly ReportScorecard[];
  readonly findings: readonly LintFinding[];
}

/** Options for {@link buildReport}. @category Reports */
export interface ReportOptions {
  /** The date to report at; each cycle's end when omitted. */
  readonly asOf?: string;
  /** `en` (default) or `vi`, for lint findings and every renderer's words. */
  readonly locale?: Locale;
  /** The report's title; the plan's name by default. */
  readonly title?: string;
}

function targetOf(kr: DeepReadonly<KeyResult>): number | string | null {
  switch (kr.kind) {
    case 'metric':
      return kr.target;
    case 'threshold':
      return kr.value;
    default:
      return null;
  }
}

function group<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = out.get(k);
    if (bucket === undefined) out.set(k, [item]);
    else bucket.push(item);
  }
  return out;
}

/**
 * Gathers what a report shows for a plan at a date, from okrkit's public functions:
 * the objective tree with scores, statuses, confidence, grades and forecasts; each key
 * result's progress over time against its expected line; KPIs with attainment, RAG
 * status and their series; unit scorecards; and the coach's lint findings.
 *
 * @param plan - A plan from `parsePlan`.
 * @param options - `asOf`, `locale`, `title`.
 * @returns The {@link Report}, plain data ready for JSON.
 * @throws {OkrkitError} as `evaluate` does, and `invalid_argument` for bad options.
 * @example
 * const report = buildReport(plan, { asOf: '2026-08-15' });
 * report.objectives.map((o) => [o.title, o.status])
 * //=> [['Grow sales in Q3', 'onTrack'], …]
 * @category Reports
 */
export function buildReport(plan: DeepReadonly<Plan>, options: ReportOptions = {}): Report {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const locale = checkLocale(options.locale);
  const asOf = options.asOf;
  const at = asOf === undefined ? {} : { asOf };
  const evaluation = evaluate(plan, { ...at, forecast: true });
  const findings = lintPlan(plan, { ...at, locale });
  const kpiResults = evaluateKpis(plan, at);
  const byUnit = scorecardByUnit(plan, at);

  const unitName = new Map(plan.units.map((u) => [u.id, u.name]));
  const cycles = new Map(plan.cycles.map((c) => [c.id, c]));
  const objectivesById = new Map(plan.objectives.map((o) => [o.id, o]));
  const krById = new Map(plan.keyResults.map((k) => [k.id, k]));
  const checkInsOf = group<DeepReadonly<CheckIn>>(plan.checkIns, (c) => c.keyResultId);
  const measurementsOf = group<DeepReadonly<Measurement>>(plan.measurements, (m) => m.kpiId);

  const keyResultRow = (id: string, cycleId: string): ReportKeyResult => {
    const kr = krById.get(id)!;
    const e = evaluation.keyResults[id]!;
    const cycle = cycles.get(cycleId)!;
    const history = keyResultHistory(kr, checkInsOf.get(id) ?? [], cycle, at).map((p) => ({
      date: p.date,
      progress: p.progress,
      expected: p.expected,
      checkIn: p.checkIn,
    }));
    return {
      id,
      title: kr.title,
      kind: kr.kind,
      unit: kr.unit ?? null,
      ownerId: kr.ownerId ?? null,
      value: e.value,
      target: targetOf(kr),
      score: e.score,
      progress: e.progress,
      expected: e.expected,
      status: e.status,
      confidence: e.confidence,
      grade: e.grade,
      forecast: e.forecast?.score ?? null,
      history,
    };
  };

  const objectives: ReportObjective[] = [];
  const stack: { id: string; depth: number; parentId: string | null }[] = [...evaluation.roots].reverse().map((id) => ({ id, depth: 0, parentId: null }));
  while (stack.length > 0) {
    const { id, depth, parentId } = stack.pop()!;
    const o = objectivesById.get(id)!;
    const e = evaluation.objectives[id]!;
    objectives.push({
      id,
      title: o.title,
      depth,
      parentId,
      cycleId: o.cycleId,
      unitId: o.unitId ?? null,
      unitName: o.unitId === undefined ? null : (unitName.get(o.unitId) ?? null),
      ownerId: o.ownerId ?? null,
      score: e.score,
      expected: e.expected,
      status: e.status,
      confidence: e.confidence,
      grade: e.grade,
      forecast: e.forecastScore,
      keyResults: e.keyResultIds.map((kr) => keyResultRow(kr, o.cycleId)),
    });
    for (let i = e.childIds.length - 1; i >= 0; i--) stack.push({ id: e.childIds[i]!, depth: depth + 1, parentId: id });
  }

  const linked = new Set<string>();
  for (const kr of plan.keyResults) if (kr.source !== undefined) linked.add(kr.source.kpiId);
  const kpis: ReportKpi[] = plan.kpis.map((k) => {
    const r = kpiResults[k.id]!;
    const series = kpiSeries(k, measurementsOf.get(k.id) ?? [], { ...at, cycles: plan.cycles });
    return {
      id: k.id,
      name: k.name,
      unit: k.unit ?? null,
      unitId: k.unitId ?? null,
      unitName: k.unitId === undefined ? null : (unitName.get(k.unitId) ?? null),
      target: k.target,
      actual: r.actual,
      attainment: r.attainment,
      status: r.status,
      linked: linked.has(k.id),
      series: series.buckets.map((b) => ({ start: b.start, end: b.end, value: b.value })),
    };
  });

  const kpiCount = group(plan.kpis, (k) => k.unitId ?? '');
  const scorecards: ReportScorecard[] = plan.units
    .filter((u) => byUnit[u.id]?.total !== null && byUnit[u.id] !== undefined)
    .map((u) => ({ unitId: u.id, name: u.name, total: byUnit[u.id]!.total, rating: byUnit[u.id]!.rating, kpis: kpiCount.get(u.id)?.length ?? 0 }));

  const statuses: Partial<Record<Status, number>> = {};
  for (const o of objectives) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  return {
    title: options.title ?? plan.name ?? wordsFor(locale).word('report'),
    asOf: asOf ?? null,
    locale,
    score: scoreWeightedMean(evaluation.roots.map((id) => ({ score: evaluation.objectives[id]!.score }))),
    counts: { objectives: plan.objectives.length, keyResults: plan.keyResults.length, kpis: plan.kpis.length, checkIns: plan.checkIns.length },
    statuses,
    objectives,
    kpis,
    scorecards,
    findings,
  };
}
