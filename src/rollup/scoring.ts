// The scoring state behind every evaluation: indexes, the contribution graph in
// compressed form, one slot per node for each number, and the passes that fill them —
// measuring key results, then scoring objectives in topological order. `evaluate` builds
// records from it (evaluate.ts), `evaluateColumns` hands its arrays out (columns.ts), and
// the live evaluation keeps it to re-score a key result's ancestors (live.ts).
import { bucket, bucketByRef, groupByRef, type Groups } from '../_lib/buckets.js';
import { IdIndex } from '../_lib/id-index.js';
import { findLoop } from '../_lib/graph.js';
import { toNumber, toValue } from '../_lib/numeric.js';
import { at, messages, nouns, where } from '../error/messages.js';
import type { Message } from '../i18n/message.js';
import { invalidArgument, OkrkitError } from '../error/okrkit-error.js';
import type { CheckIn } from '../check-in/schema.js';
import { elapsedShare } from '../cycle/query.js';
import type { Cycle } from '../cycle/schema.js';
import { forecastWith, type Forecast } from '../forecast/forecast.js';
import { gradeRules, gradeWith, type Grade } from '../grade/grade.js';
import { applyScoring, measureKeyResult, positiveZero, type KeyResultProgress, type SourcedValue } from '../key-result/measure.js';
import { aggregate } from '../kpi/measure.js';
import type { Kpi, Measurement } from '../kpi/schema.js';
import { checkCap, checkDate } from '../key-result/progress.js';
import type { KeyResult } from '../key-result/schema.js';
import type { Objective } from '../objective/schema.js';
import { expectedAt } from '../pace/expected.js';
import { classify, SEVERITY, statusRules } from '../pace/status.js';
import type { Plan } from '../plan/schema.js';
import type { DeepReadonly } from '../schema/deep-readonly.js';
import { WeightedMean } from './weighted-mean.js';
import type { Registry } from '../plugin/registry.js';

import type { Contribution, EvaluateOptions } from './evaluate.js';

export const EMPTY: readonly never[] = Object.freeze([]);
const NO_GROUPS: Groups = { from: new Int32Array(0), to: new Int32Array(0), items: null };

/** What evaluation needs to know about one cycle, computed once. */
export interface CycleFacts {
  readonly start: string;
  readonly end: string;
  /** Check-ins counted: from the start to min(asOf, end). */
  readonly since: string;
  readonly until: string;
  /** The date pace is judged on: asOf, or the end. */
  readonly day: string;
  readonly linear: number;
  readonly started: boolean;
  readonly graded: boolean;
}

/** The facts of a cycle at an evaluation date. */
export function cycleFacts(c: Cycle, asOf: string | null): CycleFacts {
  const day = asOf ?? c.end;
  return {
    start: c.start,
    end: c.end,
    since: c.start,
    until: asOf !== null && asOf < c.end ? asOf : c.end,
    day,
    linear: elapsedShare(c.start, c.end, day),
    started: day >= c.start,
    graded: c.state === 'closed' || c.state === 'grading' || (asOf !== null && asOf > c.end),
  };
}

/** Reads a weight; the place of the problem is built only when there is one. */
function weightOf(w: string | number | undefined, place: (id: string, field: string) => Message, id: string, field: string): number {
  if (w === undefined) return 1;
  const v = toValue(w);
  const n = v === null ? NaN : toNumber(v);
  if (!(n >= 0) || !Number.isFinite(n)) invalidArgument(at(place(id, field), messages.negativeWeight));
  return n;
}

function unknown(what: Message, id: string): never {
  throw new OkrkitError('unknown_reference', messages.unknownReferenceError(what, id));
}

function arrayOf<T>(plan: DeepReadonly<Plan>, name: keyof Plan): readonly T[] {
  const value = (plan as unknown as Record<string, unknown>)[name];
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value)) invalidArgument('arg.array', { name: `plan.${String(name)}` });
  return value as T[];
}

/** What measuring one key result needs from its plan. */
export interface MeasureContext {
  readonly checkIns: readonly CheckIn[];
  /** The check-ins of each key result (set once they are grouped). */
  groups: Groups;
  readonly kpis: readonly Kpi[];
  readonly kpiIndex: ReadonlyMap<string, number>;
  readonly measurements: readonly Measurement[];
  readonly byKpi: { starts: Int32Array; items: Int32Array } | null;
  readonly cap: number;
  readonly rules: ReturnType<typeof statusRules>;
  readonly withForecast: boolean;
  readonly registry: Registry;
}

/**
 * Everything an evaluation knows while it runs: indexes, the contribution graph in
 * compressed form, and one slot per node for each channel. Nodes are objectives
 * 0..O-1, then key results O..O+K-1. The live evaluation keeps it to re-score a key
 * result's ancestors.
 */
export interface Scoring extends MeasureContext {
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly O: number;
  readonly K: number;
  readonly asOf: string | null;
  readonly grades: ReturnType<typeof gradeRules>;
  readonly krIndex: IdIndex;
  readonly factsOf: readonly CycleFacts[];
  readonly krObjective: Int32Array;
  /** Each objective's parent objective (by `parentId`), or -1. */
  readonly parentOf: Int32Array;
  readonly driven: Uint8Array;
  readonly edgeChild: Int32Array;
  readonly edgeParent: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly byParentStart: Int32Array;
  readonly byParent: Int32Array;
  readonly byChildStart: Int32Array;
  readonly byChild: Int32Array;
  readonly initiativeGroups: ReadonlyMap<number, number[]>;
  readonly scores: Float64Array;
  readonly scored: Uint8Array;
  readonly expected: Float64Array;
  readonly confidence: Float64Array;
  readonly confident: Uint8Array;
  readonly forecastScores: Float64Array;
  readonly severity: Uint8Array;
  readonly computed: Float64Array;
  readonly hasComputed: Uint8Array;
  /** Whether scoring builds each objective's contributor list (records need it; columns do not). */
  readonly explain: boolean;
  /** Key results' measurements, one slot per key result (score, confidence and the rest are in the node channels). */
  readonly value: Float64Array;
  readonly hasValue: Uint8Array;
  readonly raw: Float64Array;
  readonly progress: Float64Array;
  readonly overridden: Uint8Array;
  readonly checkInCount: Int32Array;
  readonly lastCheckIn: (string | null)[];
  readonly forecasts: (Forecast | null)[];
  readonly contributorsOf: (readonly Contribution[])[];
  /** Each node's position in the topological order (children first). */
  readonly rank: Int32Array;
  /** Frozen `[id]` arrays shared by the many nodes that feed just one parent. */
  readonly onlyParent: (readonly string[] | undefined)[];
  /** Set by a live evaluation: which nodes its current update re-scored. */
  marks: RescoreMarks | null;
}

/**
 * Which nodes one live update re-scored: `stamp[n] === epoch` for those, with
 * `flipped[n]` set when the node gained or lost its score (which changes the total
 * weight, and so every share, of its parents). A parent's contributor list is then
 * copied and only the re-scored children's entries are renewed, without reading the
 * others.
 */
export interface RescoreMarks {
  readonly stamp: Int32Array;
  readonly flipped: Uint8Array;
  epoch: number;
  /** Marks node n as re-scored; `wasScored` is its score flag before. */
  mark(st: Scoring, n: number, wasScored: number): void;
  /** Renews node n's list in place of a rebuild; false when it must be rebuilt. */
  renew(st: Scoring, n: number, previous: readonly Contribution[], from: number, to: number, total: number): boolean;
}


/** Builds the scoring state: indexes and graph, no scores yet. */
function prepare(plan: DeepReadonly<Plan>, options: EvaluateOptions, registry: Registry, explain: boolean): Scoring {
  if (typeof options !== 'object' || options === null) invalidArgument('arg.object', { name: 'options' });
  const cap = checkCap(options.cap);
  const asOf = checkDate(options.asOf, 'asOf');
  const rules = statusRules(options.status);
  const grades = gradeRules(options.grade);
  const withForecast = options.forecast === true;

  const cycles = arrayOf<Cycle>(plan, 'cycles');
  const objectives = arrayOf<Objective>(plan, 'objectives');
  const keyResults = arrayOf<KeyResult>(plan, 'keyResults');
  const checkIns = arrayOf<CheckIn>(plan, 'checkIns');
  const initiatives = arrayOf<Plan['initiatives'][number]>(plan, 'initiatives');
  const O = objectives.length;
  const K = keyResults.length;

  // Indexes (ordered lookups first, Maps on a miss; ids such as "__proto__" are ordinary keys).
  const objectiveIndex = new IdIndex(objectives);
  const krIndex = new IdIndex(keyResults);

  // Facts per cycle, and each objective's cycle.
  const factsById = new Map<string, CycleFacts>();
  for (const c of cycles) factsById.set(c.id, cycleFacts(c, asOf));
  const factsOf: CycleFacts[] = objectives.map((o) => factsById.get(o.cycleId) ?? unknown(nouns.cycle, o.cycleId));

  // KPI measurements grouped by KPI, for key results fed by a KPI.
  const kpis = arrayOf<Kpi>(plan, 'kpis');
  const measurements = arrayOf<Measurement>(plan, 'measurements');
  const kpiIndex = new Map<string, number>();
  kpis.forEach((k, i) => kpiIndex.set(k.id, i));
  const byKpi = kpis.length === 0 ? null : bucketByRef(measurements, (m) => m.kpiId, kpiIndex, kpis.length, (id) => unknown(nouns.kpi, id));

  // Contribution edges child → parent.
  let links = 0;
  for (let i = 0; i < O; i++) links += (objectives[i] as Objective).links?.length ?? 0;
  const capacity = K + O + links;
  const edgeChild = new Int32Array(capacity);
  const edgeParent = new Int32Array(capacity);
  const edgeWeight = new Float64Array(capacity);
  let edges = 0;
  const edge = (child: number, parent: number, w: number) => {
    edgeChild[edges] = child;
    edgeParent[edges] = parent;
    edgeWeight[edges++] = w;
  };
  const krObjective = new Int32Array(K);
  const driven = new Uint8Array(K);
  const rollupOf = (o: Objective) => o.rollup ?? 'both';
  // Key results usually come grouped by objective: a run of the same objectiveId is looked up once.
  const objectiveOf = objectiveIndex.reader();
  let previousObjective: string | undefined;
  let oi = -1;
  let onlyChildren = false;
  for (let j = 0; j < K; j++) {
    const kr = keyResults[j] as KeyResult;
    if (oi < 0 || kr.objectiveId !== previousObjective) {
      const found = objectiveOf(kr.objectiveId);
      if (found < 0) unknown(nouns.objective, kr.objectiveId);
      oi = found;
      previousObjective = kr.objectiveId;
      onlyChildren = rollupOf(objectives[oi]!) === 'children';
    }
    krObjective[j] = oi;
    if (kr.kind === 'baseline' || onlyChildren) continue;
    const w = kr.weight === undefined ? 1 : weightOf(kr.weight, where.keyResultField, kr.id, 'weight');
    if (w > 0) edge(O + j, oi, w);
  }
  const parentOf = new Int32Array(O).fill(-1);
  const parentIndex = objectiveIndex.reader();
  for (let i = 0; i < O; i++) {
    const o = objectives[i] as Objective;
    if (o.parentId !== undefined) {
      const p = parentIndex(o.parentId);
      if (p < 0) unknown(nouns.objective, o.parentId);
      parentOf[i] = p;
      const w = weightOf(o.weight, where.objectiveField, o.id, 'weight');
      if (w > 0 && rollupOf(objectives[p]!) !== 'keyResults') edge(i, p, w);
    }
    for (const link of o.links ?? EMPTY) {
      if (link.contributes !== true) continue;
      const w = weightOf(link.weight, where.objectiveField, o.id, 'link weight');
      if (w === 0) continue;
      const p = objectiveIndex.get(link.to);
      if (p !== undefined) {
        if (rollupOf(objectives[p]!) === 'keyResults') continue;
        edge(i, p, w);
      } else {
        const j = krIndex.get(link.to);
        if (j === undefined) unknown(nouns.objectiveOrKeyResult, link.to);
        if (keyResults[j]!.kind === 'baseline') continue;
        driven[j] = 1;
        edge(i, O + j, w);
      }
    }
  }

  // Compressed adjacency: edges by parent (to compute) and by child (to propagate).
  const N = O + K;
  const { starts: byParentStart, items: byParent } = bucket(edgeParent.subarray(0, edges), N);
  const { starts: byChildStart, items: byChild } = bucket(edgeChild.subarray(0, edges), N);

  // Initiatives, grouped by objective, only when some objective counts them.
  const initiativeGroups = new Map<number, number[]>();
  if (objectives.some((o) => o.initiativeWeight !== undefined)) {
    initiatives.forEach((it) => {
      const oi =
        it.objectiveId !== undefined
          ? objectiveIndex.get(it.objectiveId)
          : it.keyResultId !== undefined
            ? krObjective[krIndex.get(it.keyResultId) ?? -1]
            : undefined;
      if (oi === undefined) return;
      const list = initiativeGroups.get(oi);
      const progress = it.progress ?? (it.status === 'done' ? 1 : 0);
      if (list) list.push(progress);
      else initiativeGroups.set(oi, [progress]);
    });
  }

  return {
    objectives, keyResults, checkIns, O, K, cap, asOf, rules, grades, withForecast, registry, krIndex, factsOf, krObjective, parentOf,
    groups: NO_GROUPS, kpis, kpiIndex, measurements, byKpi, driven,
    edgeChild: edgeChild.subarray(0, edges), edgeParent: edgeParent.subarray(0, edges), edgeWeight: edgeWeight.subarray(0, edges),
    byParentStart, byParent, byChildStart, byChild, initiativeGroups,
    scores: new Float64Array(N),
    scored: new Uint8Array(N),
    expected: new Float64Array(N),
    confidence: new Float64Array(N),
    confident: new Uint8Array(N),
    forecastScores: new Float64Array(withForecast ? N : 0),
    severity: new Uint8Array(N),
    computed: new Float64Array(O),
    hasComputed: new Uint8Array(O),
    explain,
    value: new Float64Array(K),
    hasValue: new Uint8Array(K),
    raw: new Float64Array(K),
    progress: new Float64Array(K),
    overridden: new Uint8Array(K),
    checkInCount: new Int32Array(K),
    lastCheckIn: new Array<string | null>(K).fill(null),
    forecasts: withForecast ? new Array<Forecast | null>(K).fill(null) : [],
    contributorsOf: explain ? new Array(N) : [],
    rank: new Int32Array(N),
    onlyParent: explain ? new Array(N) : [],
    marks: null,
  };
}

/** A key result's measurement: its progress record and, when asked, its forecast. */
export interface Measured {
  readonly progress: KeyResultProgress;
  readonly forecast: Forecast | null;
}


/**
 * Measures key result j (of the context's plan) in its cycle: from its check-ins, or
 * from `checkIns` when given (the live evaluation's own list), or from its KPI.
 */
export function measureOne(cx: MeasureContext, kr: KeyResult, j: number, facts: CycleFacts, checkIns: readonly CheckIn[] | null = null): Measured {
  return measureRange(cx, kr, cx.groups.from[j] as number, cx.groups.to[j] as number, facts, checkIns);
}

/** Measures a key result from the check-ins at positions from..to of the context's groups, or from `checkIns` when given. */
function measureRange(cx: MeasureContext, kr: KeyResult, from: number, to: number, facts: CycleFacts, checkIns: readonly CheckIn[] | null = null): Measured {
  let sourced: SourcedValue | null = null;
  if (kr.source !== undefined) {
    const ki = cx.kpiIndex.get(kr.source.kpiId);
    if (ki === undefined || cx.byKpi === null) unknown(nouns.kpi, kr.source.kpiId);
    const kpi = cx.kpis[ki] as Kpi;
    sourced = aggregate(kpi.aggregation ?? 'last', cx.measurements, cx.byKpi.items, cx.byKpi.starts[ki] as number, cx.byKpi.starts[ki + 1] as number, facts.since, facts.until, null);
  }
  const progress =
    checkIns === null
      ? measureKeyResult(kr, cx.checkIns, cx.groups.items, from, to, facts, cx.cap, sourced, cx.registry)
      : measureKeyResult(kr, checkIns, null, 0, checkIns.length, facts, cx.cap, sourced, cx.registry);
  const forecast =
    cx.withForecast && kr.kind === 'metric' ? forecastWith(kr, checkIns ?? groupOf(cx.checkIns, cx.groups.items, from, to), facts, facts.until, cx.cap, cx.rules) : null;
  return { progress, forecast };
}

/** Measures key result j from its check-ins (`checkIns` overrides the plan's) and sets its channels. */
export function measureNode(st: Scoring, j: number, checkIns: readonly CheckIn[] | null = null): void {
  setMeasured(st, j, measureOne(st, st.keyResults[j] as KeyResult, j, st.factsOf[st.krObjective[j] as number] as CycleFacts, checkIns));
}

/** Sets key result j's channels from its measurement. */
export function setMeasured(st: Scoring, j: number, measured: Measured): void {
  const kr = st.keyResults[j] as KeyResult;
  const facts = st.factsOf[st.krObjective[j] as number] as CycleFacts;
  const m = measured.progress;
  const n = st.O + j;
  st.hasValue[j] = m.value === null ? 0 : 1;
  st.value[j] = m.value ?? 0;
  st.raw[j] = m.raw ?? 0;
  st.progress[j] = m.progress ?? 0;
  st.overridden[j] = m.overridden ? 1 : 0;
  st.checkInCount[j] = m.checkIns;
  st.lastCheckIn[j] = m.lastCheckIn;
  st.scored[n] = m.score === null ? 0 : 1;
  st.scores[n] = m.score ?? 0;
  st.confident[n] = m.confidence === null ? 0 : 1;
  st.confidence[n] = m.confidence ?? 0;
  const e = expectedAt(kr, facts, facts.day, facts.linear);
  st.expected[n] = e;
  const hasData = m.checkIns > 0 || kr.kind === 'milestones';
  st.severity[n] = SEVERITY[classify(m.progress, e, facts.started, hasData, st.rules, m.confidence)];
  if (st.withForecast) {
    const f = measured.forecast;
    st.forecasts[j] = f;
    st.forecastScores[n] = f !== null ? f.score : m.score ?? 0;
  }
}

/** Accumulators reused by every call of scoreNode (it never runs inside itself). */
const SCRATCH = { mean: new WeightedMean(), expected: new WeightedMean(), confidence: new WeightedMean(), forecast: new WeightedMean(), initiatives: new WeightedMean() };

/**
 * Scores node n (an objective or a driven key result) from its contributors. A check-in
 * never changes expected progress (it depends on the plan and the date only), so the live
 * evaluation passes `withExpected: false` and keeps it.
 */
export function scoreNode(st: Scoring, n: number, withExpected = true): void {
  const { O, scores, scored, expected, confidence, confident, forecastScores, severity, edgeChild, edgeWeight, byParent } = st;
  const wasScored = scored[n] as number;
  const mean = SCRATCH.mean.reset();
  const expectedMean = SCRATCH.expected.reset();
  const confidenceMean = SCRATCH.confidence.reset();
  const forecastMean = st.withForecast ? SCRATCH.forecast.reset() : null;
  let worst = -1;
  const from = st.byParentStart[n] as number;
  const to = st.byParentStart[n + 1] as number;
  for (let k = from; k < to; k++) {
    const e = byParent[k] as number;
    const child = edgeChild[e] as number;
    const w = edgeWeight[e] as number;
    mean.add(scored[child] === 1 ? (scores[child] as number) : null, w);
    if (withExpected) expectedMean.add(expected[child] as number, w);
    if (child >= O && confident[child] === 1) confidenceMean.add(confidence[child] as number, w);
    forecastMean?.add(forecastScores[child] as number, w);
    const s = severity[child] as number;
    if (s > worst) worst = s;
  }
  let initiativeShare: { weight: number; score: number } | null = null;
  if (n < O) {
    const o = st.objectives[n] as Objective;
    const progresses = st.initiativeGroups.get(n);
    if (o.initiativeWeight !== undefined && progresses !== undefined) {
      const w = weightOf(o.initiativeWeight, where.objectiveField, o.id, 'initiativeWeight');
      const avg = SCRATCH.initiatives.reset();
      for (const p of progresses) avg.add(p, 1);
      const s = avg.value();
      if (w > 0 && s !== null) {
        mean.add(s, w);
        if (withExpected) expectedMean.add(st.factsOf[n]!.linear, w);
        forecastMean?.add(s, w);
        initiativeShare = { weight: w, score: s };
      }
    }
  }
  const value = mean.value();
  const total = mean.totalWeight();
  if (st.explain) explainScore(st, n, from, to, total, initiativeShare);

  if (n < O) {
    const o = st.objectives[n] as Objective;
    const facts = st.factsOf[n] as CycleFacts;
    st.hasComputed[n] = value === null ? 0 : 1;
    st.computed[n] = value ?? 0;
    const final = o.finalScore === undefined ? value : positiveZero(o.finalScore);
    scored[n] = final === null ? 0 : 1;
    scores[n] = final ?? 0;
    if (withExpected) expected[n] = expectedMean.value() ?? facts.linear;
    const c = confidenceMean.value();
    confident[n] = c === null ? 0 : 1;
    confidence[n] = c ?? 0;
    if (forecastMean !== null) forecastScores[n] = forecastMean.value() ?? final ?? 0;
    severity[n] =
      st.rules.objective === 'mean' || worst < 0
        ? SEVERITY[classify(final, expected[n] as number, facts.started, final !== null, st.rules)]
        : worst;
  } else {
    const j = n - O;
    const kr = st.keyResults[j] as KeyResult;
    const facts = st.factsOf[st.krObjective[j] as number] as CycleFacts;
    const raw = value;
    const progress = raw === null ? null : raw > st.cap ? st.cap : raw;
    const score = progress === null ? null : kr.finalScore !== undefined ? positiveZero(kr.finalScore) : applyScoring(kr.scoring, progress, kr, st.registry);
    st.raw[j] = raw ?? 0;
    st.progress[j] = progress ?? 0;
    st.overridden[j] = kr.finalScore !== undefined && progress !== null ? 1 : 0;
    scored[n] = score === null ? 0 : 1;
    scores[n] = score ?? 0;
    severity[n] = SEVERITY[classify(progress, expected[n] as number, facts.started, progress !== null, st.rules)];
    if (forecastMean !== null) forecastScores[n] = forecastMean.value() ?? score ?? 0;
  }
  st.marks?.mark(st, n, wasScored);
}

/**
 * Lists node n's contributors with their shares of the total weight. A re-score (live
 * evaluation) keeps the objects, and the list, that did not change.
 */
function explainScore(st: Scoring, n: number, from: number, to: number, total: number, initiativeShare: { weight: number; score: number } | null): void {
  const previous = st.contributorsOf[n];
  if (previous !== undefined && st.marks !== null && st.marks.renew(st, n, previous, from, to, total)) return;
  const list: Contribution[] = [];
  for (let k = from; k < to; k++) list.push(edgeContribution(st, previous, list.length, st.byParent[k] as number, total));
  if (initiativeShare !== null) {
    list.push(contribution(previous, list.length, st, n, 'initiatives', initiativeShare.weight, initiativeShare.weight / total, initiativeShare.score));
  }
  const unchanged = previous !== undefined && previous.length === list.length && list.every((c, i) => c === previous[i]);
  st.contributorsOf[n] = unchanged ? previous : list;
}

/** The contribution of edge e's child at position `index` of its parent's list, with its share of `total`. */
export function edgeContribution(st: Scoring, previous: readonly Contribution[] | undefined, index: number, e: number, total: number): Contribution {
  const child = st.edgeChild[e] as number;
  const w = st.edgeWeight[e] as number;
  const s = st.scored[child] === 1 ? (st.scores[child] as number) : null;
  return contribution(previous, index, st, child, child < st.O ? 'objective' : 'keyResult', w, s === null || total === 0 ? 0 : w / total, s);
}

/**
 * The contribution at position `index`: the previous object when nothing in it changed
 * (a live re-score changes one child's score, not the others), else a new one.
 */
function contribution(
  previous: readonly Contribution[] | undefined,
  index: number,
  st: Scoring,
  node: number,
  type: Contribution['type'],
  weight: number,
  share: number,
  score: number | null,
): Contribution {
  const old = previous?.[index];
  if (old !== undefined && old.score === score && old.share === share && old.weight === weight) return old;
  return { id: idOf(st, node), type, weight, share, score };
}

export function idOf(st: Scoring, n: number): string {
  return n < st.O ? st.objectives[n]!.id : st.keyResults[n - st.O]!.id;
}

/**
 * The end-of-cycle grade of node n (objective i's own, or its key result's), or null
 * while the cycle runs and for baseline key results.
 */
export function gradeOf(st: Scoring, n: number): Grade | null {
  const i = n < st.O ? n : (st.krObjective[n - st.O] as number);
  if (!st.factsOf[i]!.graded || (n >= st.O && st.keyResults[n - st.O]!.kind === 'baseline')) return null;
  return gradeWith(st.scored[n] === 1 ? (st.scores[n] as number) : null, st.objectives[i]!.commitment ?? 'aspirational', st.grades);
}

/**
 * Measures every key result and scores every objective into the state's channels. With
 * `explain`, contributor lists are kept for the records.
 */
export function scoreAll(
  plan: DeepReadonly<Plan>,
  options: EvaluateOptions,
  registry: Registry,
  explain: boolean,
  measuredElsewhere: ((id: string) => Measured) | null = null,
): Scoring {
  const st = prepare(plan, options, registry, explain);
  const { O, K, driven, edgeChild, edgeParent, byChildStart, byChild } = st;
  const N = O + K;
  if (measuredElsewhere === null) groupAndMeasure(st);
  else for (let j = 0; j < K; j++) setMeasured(st, j, measuredElsewhere(st.keyResults[j]!.id));

  // Kahn's order over objectives and driven key results.
  const pending = new Int32Array(N);
  for (let e = 0; e < edgeChild.length; e++) {
    const child = edgeChild[e] as number;
    if (child < O || driven[child - O] === 1) {
      const parent = edgeParent[e] as number;
      pending[parent] = (pending[parent] as number) + 1;
    }
  }
  const queue = new Int32Array(N);
  let head = 0;
  let tail = 0;
  for (let n = 0; n < N; n++) {
    if ((n < O || driven[n - O] === 1) && pending[n] === 0) queue[tail++] = n;
  }
  while (head < tail) {
    const n = queue[head] as number;
    st.rank[n] = head++;
    scoreNode(st, n);
    for (let k = byChildStart[n] as number; k < (byChildStart[n + 1] as number); k++) {
      const parent = edgeParent[byChild[k] as number] as number;
      const left = (pending[parent] as number) - 1;
      pending[parent] = left;
      if (left === 0) queue[tail++] = parent;
    }
  }
  let waiting = 0;
  for (let n = 0; n < N; n++) if ((n < O || driven[n - O] === 1) && (pending[n] as number) > 0) waiting++;
  if (waiting > 0) {
    const adjacency: number[][] = Array.from({ length: N }, () => []);
    for (let e = 0; e < edgeChild.length; e++) adjacency[edgeChild[e] as number]!.push(edgeParent[e] as number);
    const loop = findLoop(adjacency) ?? [];
    throw new OkrkitError('cascade_loop', messages.cascadeLoopError(loop.map((n) => idOf(st, n))));
  }
  return st;
}

/**
 * Groups the check-ins by key result and measures each key result. When each key
 * result's check-ins lie together (as a product's export has them), each is measured
 * as soon as its run has been read, while those check-ins are still in the cache, and
 * nothing is sorted.
 */
function groupAndMeasure(st: Scoring): void {
  const { K, keyResults, krIndex } = st;
  const groups = groupByRef(
    st.checkIns,
    (c) => c.keyResultId,
    krIndex.reader(),
    K,
    (id) => unknown(nouns.keyResult, id),
    (j, from, to) => setMeasured(st, j, measureRange(st, keyResults[j] as KeyResult, from, to, st.factsOf[st.krObjective[j] as number] as CycleFacts)),
  );
  st.groups = groups;
  // Runs end above position 0, so to[j] === 0 is a key result without check-ins, which no
  // run measured. After a fall-back to sorting, the runs measured on the way were partial:
  // measure everything again.
  const again = groups.items !== null;
  for (let j = 0; j < K; j++) if (again || groups.to[j] === 0) measureNode(st, j);
}

/** The check-ins at `items[from..to)`. */
export function groupOf(checkIns: readonly CheckIn[], items: Int32Array | null, from: number, to: number): CheckIn[] {
  const out: CheckIn[] = [];
  for (let k = from; k < to; k++) out.push(checkIns[items === null ? k : (items[k] as number)] as CheckIn);
  return out;
}
