import {
  evaluate,
  evaluateKpis,
  keyResultHistory,
  kpiSeries,
  lintPlan,
  scorecardByUnit,
  scoreWeightedMean,
  type CheckIn,
  type Cycle,
  type DeepReadonly,
  type Evaluation,
  type KeyResult,
  type KpiEvaluation,
  type Measurement,
  type Objective,
  type Plan,
  type Status,
  type UnitScorecard,
} from '../index.js';
import { dateOf } from '../_lib/calendar.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale } from '../messages/locale.js';
import type { Report, ReportKeyResult, ReportKpi, ReportObjective, ReportOptions, ReportScorecard } from './model.js';
import { peopleSection, showsPeople } from './people.js';
import { aggregateOf, counted, stateOf } from './process.js';
import { wordsFor } from './words.js';
import { checkKit, isBuiltIn, pluginHistory, readablePlan } from './kit.js';
import type { ReportKit, ReportPlan } from './model.js';

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

/** A record that the evaluation names, so the plan has it: a miss is a bug, said plainly. */
function known<T>(value: T | undefined, id: string): T {
  if (value === undefined) throw new Error(`okrkit: the report found no record "${id}" that the evaluation names`);
  return value;
}

/** What the rows are read from: the plan, indexed, and its evaluation. */
interface Sources {
  readonly plan: DeepReadonly<Plan>;
  readonly at: { readonly asOf?: string };
  readonly evaluation: Evaluation;
  readonly includeDrafts: boolean;
  readonly unitName: ReadonlyMap<string, string>;
  readonly cycles: ReadonlyMap<string, DeepReadonly<Cycle>>;
  readonly objectives: ReadonlyMap<string, DeepReadonly<Objective>>;
  readonly keyResults: ReadonlyMap<string, DeepReadonly<KeyResult>>;
  readonly checkInsOf: ReadonlyMap<string, DeepReadonly<CheckIn>[]>;
  /** The kit whose plug-ins measure the key results of kinds okrkit does not have, or null. */
  readonly kit: ReportKit | null;
}

function sourcesOf(plan: DeepReadonly<Plan>, at: { readonly asOf?: string }, evaluation: Evaluation, includeDrafts: boolean, kit: ReportKit | null): Sources {
  return {
    kit,
    plan,
    at,
    evaluation,
    includeDrafts,
    unitName: new Map(plan.units.map((u) => [u.id, u.name])),
    cycles: new Map(plan.cycles.map((c) => [c.id, c])),
    objectives: new Map(plan.objectives.map((o) => [o.id, o])),
    keyResults: new Map(plan.keyResults.map((k) => [k.id, k])),
    checkInsOf: group<DeepReadonly<CheckIn>>(plan.checkIns, (c) => c.keyResultId),
  };
}

function keyResultRow(src: Sources, id: string, cycleId: string): ReportKeyResult {
  const kr = known(src.keyResults.get(id), id);
  const e = known(src.evaluation.keyResults[id], id);
  const cycle = known(src.cycles.get(cycleId), cycleId);
  const checkIns = src.checkInsOf.get(id) ?? [];
  const history =
    src.kit !== null && !isBuiltIn(kr)
      ? pluginHistory(src.kit, kr, checkIns, cycle, src.at)
      : keyResultHistory(kr, checkIns, cycle, src.at).map((p) => ({ date: p.date, progress: p.progress, expected: p.expected, checkIn: p.checkIn }));
  return {
    id,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit ?? null,
    ownerId: kr.ownerId ?? null,
    state: stateOf(kr, src.includeDrafts),
    value: e.value,
    target: targetOf(kr),
    score: e.score,
    progress: e.progress,
    expected: e.expected,
    status: e.status,
    confidence: e.confidence,
    grade: e.grade,
    forecast: e.forecast?.score ?? null,
    aggregate: aggregateOf(kr, e, src.keyResults),
    history,
  };
}

/** The objective tree, depth first in the evaluation's order, each with its key results. */
function objectiveRows(src: Sources): ReportObjective[] {
  const objectives: ReportObjective[] = [];
  const stack: { id: string; depth: number; parentId: string | null }[] = [...src.evaluation.roots].reverse().map((id) => ({ id, depth: 0, parentId: null }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { id, depth, parentId } = next;
    const o = known(src.objectives.get(id), id);
    const e = known(src.evaluation.objectives[id], id);
    objectives.push({
      id,
      title: o.title,
      depth,
      parentId,
      cycleId: o.cycleId,
      unitId: o.unitId ?? null,
      unitName: o.unitId === undefined ? null : (src.unitName.get(o.unitId) ?? null),
      ownerId: o.ownerId ?? null,
      state: stateOf(o, src.includeDrafts),
      score: e.score,
      expected: e.expected,
      status: e.status,
      confidence: e.confidence,
      grade: e.grade,
      forecast: e.forecastScore,
      keyResults: e.keyResultIds.map((kr) => keyResultRow(src, kr, o.cycleId)),
    });
    for (const child of [...e.childIds].reverse()) stack.push({ id: child, depth: depth + 1, parentId: id });
  }
  return objectives;
}

function kpiRows({ plan, at, unitName }: Sources, results: Readonly<Record<string, KpiEvaluation>>): ReportKpi[] {
  const measurementsOf = group<DeepReadonly<Measurement>>(plan.measurements, (m) => m.kpiId);
  const linked = new Set<string>();
  for (const kr of plan.keyResults) if (kr.source !== undefined) linked.add(kr.source.kpiId);
  return plan.kpis.map((k) => {
    const r = known(results[k.id], k.id);
    const series = kpiSeries(k, measurementsOf.get(k.id) ?? [], { ...at, cycles: plan.cycles });
    return {
      id: k.id,
      name: k.name,
      unit: k.unit ?? null,
      unitId: k.unitId ?? null,
      unitName: k.unitId === undefined ? null : (unitName.get(k.unitId) ?? null),
      // A copy: the report is plain data of its own, and changing it leaves the plan as it was.
      target: { ...k.target },
      actual: r.actual,
      attainment: r.attainment,
      status: r.status,
      linked: linked.has(k.id),
      series: series.buckets.map((b) => ({ start: b.start, end: b.end, value: b.value })),
    };
  });
}

/** The units that have a scorecard total, in plan order. */
function scorecardRows(plan: DeepReadonly<Plan>, byUnit: Readonly<Record<string, UnitScorecard>>): ReportScorecard[] {
  const kpiCount = group(plan.kpis, (k) => k.unitId ?? '');
  return plan.units.flatMap((u) => {
    const card = byUnit[u.id];
    if (card === undefined || card.total === null) return [];
    return [{ unitId: u.id, name: u.name, total: card.total, rating: card.rating, kpis: kpiCount.get(u.id)?.length ?? 0 }];
  });
}

/** How many check-ins are dated before or after their key result's cycle (the scores leave them out). */
function checkInsOutsideCycle(src: Sources): number {
  let outside = 0;
  for (const c of src.plan.checkIns) {
    const kr = src.keyResults.get(c.keyResultId);
    const objective = kr === undefined ? undefined : src.objectives.get(kr.objectiveId);
    const cycle = objective === undefined ? undefined : src.cycles.get(objective.cycleId);
    if (cycle === undefined) continue;
    const day = dateOf(c.at);
    if (day < cycle.start || day > cycle.end) outside++;
  }
  return outside;
}

/**
 * Gathers what a report shows for a plan at a date, from okrkit's public functions:
 * the objective tree with scores, statuses, confidence, grades and forecasts; each key
 * result's progress over time against its expected line; KPIs with attainment, RAG
 * status and their series; unit scorecards; the coach's lint findings; and, when the
 * plan's OKRs have owners (or `people: true`), the "People and departments" section:
 * each unit's and owner's OKR score beside their KPI scorecard.
 *
 * @param plan - A plan from `parsePlan`.
 * Each objective and key result carries its `state` in the OKR process (null when the
 * plan gives none) and whether the rollups count it; an aggregated key result carries
 * the key results its value was made of (`aggregate`).
 *
 * @param options - `asOf`, `locale`, `title`, `people`, `includeDrafts`, and `kit`: a kit from
 *   `createOkrkit` whose plug-ins evaluate, lint and draw a plan with plug-in key results.
 * @returns The {@link Report}, plain data ready for JSON.
 * @throws {OkrkitError} as `evaluate` does, and `invalid_argument` for bad options.
 * @example
 * const report = buildReport(plan, { asOf: '2026-08-15' });
 * report.objectives.map((o) => [o.title, o.status])
 * //=> [['Grow sales in Q3', 'onTrack'], …]
 * const okr = createOkrkit({ kinds: [nps] });
 * buildReport(okr.parsePlan(json), { kit: okr }).objectives[0].keyResults[0].kind
 * //=> 'nps'
 * @category Reports
 */
export function buildReport(plan: ReportPlan, options: ReportOptions = {}): Report {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const kit = checkKit(options.kit);
  return reportOn(readablePlan(plan, kit), options, kit);
}

/** The report of a plan the report can read, its options' object checked, with the kit or okrkit's own functions. */
function reportOn(plan: DeepReadonly<Plan>, options: ReportOptions, kit: ReportKit | null): Report {
  const locale = checkLocale(options.locale);
  const asOf = options.asOf;
  const at = asOf === undefined ? {} : { asOf };
  // evaluate checks the flag: anything but a boolean is an OkrkitError that names it.
  const how = { ...at, forecast: true, ...(options.includeDrafts === undefined ? {} : { includeDrafts: options.includeDrafts }) };
  const evaluation = kit === null ? evaluate(plan, how) : kit.evaluate(plan, how);
  const includeDrafts = options.includeDrafts === true;
  const findings = kit === null ? lintPlan(plan, { ...at, locale }) : kit.lintPlan(plan, { ...at, locale });
  const kpiResults = evaluateKpis(plan, at);
  const byUnit = scorecardByUnit(plan, at);
  const people = showsPeople(plan, options.people) ? { people: peopleSection(plan, evaluation, at) } : {};

  const src = sourcesOf(plan, at, evaluation, includeDrafts, kit);
  const objectives = objectiveRows(src);
  const kpis = kpiRows(src, kpiResults);
  const scorecards = scorecardRows(plan, byUnit);
  const statuses: Partial<Record<Status, number>> = {};
  for (const o of objectives) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
  return {
    title: options.title ?? plan.name ?? wordsFor(locale).word('report'),
    asOf: asOf ?? null,
    locale,
    // The top objectives the rollups count: a draft or proposed one is on its own (unless includeDrafts).
    score: scoreWeightedMean(objectives.filter((o) => o.depth === 0 && counted(o.state)).map((o) => ({ score: o.score }))),
    counts: {
      objectives: plan.objectives.length,
      keyResults: plan.keyResults.length,
      kpis: plan.kpis.length,
      checkIns: plan.checkIns.length,
      checkInsOutsideCycle: checkInsOutsideCycle(src),
    },
    statuses,
    objectives,
    kpis,
    scorecards,
    findings,
    ...people,
  };
}
