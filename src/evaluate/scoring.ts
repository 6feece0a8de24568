// The scoring state behind every evaluation: indexes, the contribution graph in
// compressed form, one slot per node for each number, and the passes that fill them —
// measuring key results, then scoring objectives in topological order. `evaluate` builds
// records from it (evaluate.ts), `evaluateColumns` hands its arrays out (columns.ts), and
// the live evaluation keeps it to re-score a key result's ancestors (live.ts).
import { bucket, bucketByRef, groupByRef, type Groups } from '../_lib/buckets.js';
import { IdIndex } from '../_lib/id-index.js';
import { findLoop } from '../_lib/graph.js';
import { lastScaled, scaleOf, toNumber, toValue, type Value } from '../_lib/numeric.js';
import { Exact } from '../_lib/exact.js';
import { dividedBy, FRACTION_ZERO, plus, toDouble, type Fraction } from '../_lib/fraction.js';
import { exactConfidence, exactExpected, exactMean, exactScore, forget, initiativeShare, type Quantity } from './exact-rollup.js';
import { EMPTY, idOf, Registers, weightFraction, type CycleFacts, type Measured, type MeasureContext, type Scoring } from './state.js';
export type { CycleFacts, Measured, MeasureContext, Scoring };
import { Near, NearMean, nearDouble, nearFraction, compareNear } from '../_lib/near.js';
import { at, messages, nouns, where } from '../messages/where.js';
import type { Message } from '../messages/message.js';
import { invalidArgument, OkrkitError, unknownReference } from '../messages/okrkit-error.js';
import type { CheckIn } from '../model/check-in.js';
import { elapsedShare } from '../time/cycle-query.js';
import type { Cycle } from '../model/cycle.js';
import { forecastExactWith, type Forecast } from '../time/forecast.js';
import { gradeExact, gradeRules, type Grade } from '../time/grade.js';
import { clampInto, ExactMeasure, measureKeyResult, type SourcedValue } from '../measure/key-result.js';
import { aggregate } from '../measure/kpi.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import { checkCap, checkDate } from '../measure/progress.js';
import type { KeyResult } from '../model/key-result.js';
import type { Objective } from '../model/objective.js';
import { elapsedInto, expectedInto } from '../time/expected.js';
import { classifyExact, SEVERITY, statusRules } from '../time/status.js';
import type { Plan } from '../model/plan.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Registry } from '../model/plugin-registry.js';

import type { Contribution, EvaluateOptions } from './types.js';

const NO_GROUPS: Groups = { from: new Int32Array(0), to: new Int32Array(0), items: null };


/** The facts of a cycle at an evaluation date. */
export function cycleFacts(c: Cycle, asOf: string | null): CycleFacts {
  const day = asOf ?? c.end;
  const elapsed = elapsedInto(new Exact(), c.start, c.end, day);
  return {
    start: c.start,
    end: c.end,
    since: c.start,
    until: asOf !== null && asOf < c.end ? asOf : c.end,
    day,
    linear: elapsedShare(c.start, c.end, day),
    elapsed,
    elapsedNear: elapsed.near(new Near()),
    started: day >= c.start,
    graded: c.state === 'closed' || c.state === 'grading' || (asOf !== null && asOf > c.end),
  };
}

/** Reads a weight exactly; the place of the problem is built only when there is one. */
function weightOf(w: string | number | undefined, place: (id: string, field: string) => Message, id: string, field: string): Value {
  if (w === undefined) return 1;
  const v = toValue(w);
  const n = v === null ? NaN : toNumber(v);
  if (!(n >= 0) || !Number.isFinite(n) || v === null) invalidArgument(at(place(id, field), messages.negativeWeight));
  return v;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;

/**
 * Whole-number weights: every weight times 10^k for the largest k of its decimals, so
 * the weighted means add exact products. Null when some weight has more than nine
 * decimals or the total does not stay below 2^53; means are then computed exactly.
 */
function wholeWeights(values: Float64Array): Float64Array | null {
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const s = scaleOf(values[i] as number);
    if (s < 0) return null;
    if (s > k) k = s;
  }
  const units = new Float64Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const kv = scaleOf(values[i] as number);
    const u = lastScaled() * (POW10[k - kv] as number);
    units[i] = u;
    total += u;
  }
  if (total > Number.MAX_SAFE_INTEGER) return null;
  // Whole weights already: the same numbers, no second array.
  return k === 0 ? values : units;
}

/** A weight as written: its digits n and decimals k (w = n / 10^k), or null when n has more than 53 bits. */
function decimalOf(w: Value): { n: bigint; k: number } | null {
  const text = typeof w === 'number' ? String(w) : w.toFixed();
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (m === null) return null;
  const k = (m[2] ?? '').length - Number(m[3] ?? '0');
  const digits = BigInt(`${m[1]}${m[2] ?? ''}`);
  const n = k >= 0 ? digits : digits * 10n ** BigInt(-k);
  return n <= SAFE_N ? { n, k: k > 0 ? k : 0 } : null;
}
const SAFE_N = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Whole-number weights node by node, for weights that have no common scale across the
 * plan (more than nine decimals, say 33.3333333333333): each node's weights times 10^k
 * for the most decimals among them. A node whose weights still do not fit below 2^53 is
 * marked in `fractional`, and its means are computed in fractions.
 */
function wholeWeightsByNode(
  N: number,
  count: number,
  weightAt: (e: number) => Value,
  byParentStart: Int32Array,
  byParent: Int32Array,
  initiativeEdges: ReadonlyMap<number, number>,
): { units: Float64Array; fractional: Uint8Array } {
  const units = new Float64Array(count).fill(1);
  const fractional = new Uint8Array(N);
  const edgesOf = (n: number): number[] => {
    const list: number[] = [];
    for (let k = byParentStart[n] as number; k < (byParentStart[n + 1] as number); k++) list.push(byParent[k] as number);
    const at = initiativeEdges.get(n);
    if (at !== undefined) list.push(at);
    return list;
  };
  for (let n = 0; n < N; n++) {
    const list = edgesOf(n);
    if (list.length === 0) continue;
    const decimals = list.map((e) => decimalOf(weightAt(e)));
    let k = 0;
    for (const d of decimals) k = d === null ? Infinity : Math.max(k, d.k);
    let total = 0n;
    const scaled = decimals.map((d) => (d === null || !Number.isFinite(k) ? SAFE_N + 1n : d.n * 10n ** BigInt(k - d.k)));
    for (const u of scaled) total += u;
    if (total > SAFE_N) {
      fractional[n] = 1;
      continue;
    }
    list.forEach((e, i) => (units[e] = Number(scaled[i])));
  }
  return { units, fractional };
}

function arrayOf<T>(plan: DeepReadonly<Plan>, name: keyof Plan): readonly T[] {
  const value = (plan as unknown as Record<string, unknown>)[name];
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value)) invalidArgument('arg.array', { name: `plan.${String(name)}` });
  return value as T[];
}




/** Node n's exact progress: an objective's score, or a driven key result's mean clamped to the cap. */
function exactProgressOf(st: Scoring, n: number): Fraction {
  if (n < st.O) return exactScore(st, n) ?? FRACTION_ZERO;
  const raw = exactMean(st, 'score', n) ?? FRACTION_ZERO;
  return clampInto(new Exact(), new Exact().setFraction(raw), st.cap, new Exact()).fraction();
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
  const factsOf: CycleFacts[] = objectives.map((o) => factsById.get(o.cycleId) ?? unknownReference(nouns.cycle, o.cycleId));

  // KPI measurements grouped by KPI, for key results fed by a KPI.
  const kpis = arrayOf<Kpi>(plan, 'kpis');
  const measurements = arrayOf<Measurement>(plan, 'measurements');
  const kpiIndex = new Map<string, number>();
  kpis.forEach((k, i) => kpiIndex.set(k.id, i));
  const byKpi = kpis.length === 0 ? null : bucketByRef(measurements, (m) => m.kpiId, kpiIndex, kpis.length, (id) => unknownReference(nouns.kpi, id));

  // Contribution edges child → parent.
  let links = 0;
  for (let i = 0; i < O; i++) links += (objectives[i] as Objective).links?.length ?? 0;
  const capacity = K + O + links;
  const edgeChild = new Int32Array(capacity);
  const edgeParent = new Int32Array(capacity);
  // Weights: the doubles (a number weight is exactly its double), decimal.js ones aside;
  // objectives' initiative weights follow the edges.
  const edgeWeight = new Float64Array(capacity + O);
  const bigWeights = new Map<number, Value>();
  let edges = 0;
  const edge = (child: number, parent: number, w: Value) => {
    edgeChild[edges] = child;
    edgeParent[edges] = parent;
    if (typeof w !== 'number') bigWeights.set(edges, w);
    edgeWeight[edges++] = toNumber(w);
  };
  const positive = (w: Value) => (typeof w === 'number' ? w > 0 : !w.isZero());
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
      if (found < 0) unknownReference(nouns.objective, kr.objectiveId);
      oi = found;
      previousObjective = kr.objectiveId;
      onlyChildren = rollupOf(objectives[oi]!) === 'children';
    }
    krObjective[j] = oi;
    if (kr.kind === 'baseline' || onlyChildren) continue;
    const w = kr.weight === undefined ? 1 : weightOf(kr.weight, where.keyResultField, kr.id, 'weight');
    if (positive(w)) edge(O + j, oi, w);
  }
  const parentOf = new Int32Array(O).fill(-1);
  const parentIndex = objectiveIndex.reader();
  for (let i = 0; i < O; i++) {
    const o = objectives[i] as Objective;
    if (o.parentId !== undefined) {
      const p = parentIndex(o.parentId);
      if (p < 0) unknownReference(nouns.objective, o.parentId);
      parentOf[i] = p;
      const w = weightOf(o.weight, where.objectiveField, o.id, 'weight');
      if (positive(w) && rollupOf(objectives[p]!) !== 'keyResults') edge(i, p, w);
    }
    for (const link of o.links ?? EMPTY) {
      if (link.contributes !== true) continue;
      const w = weightOf(link.weight, where.objectiveField, o.id, 'link weight');
      if (!positive(w)) continue;
      const p = objectiveIndex.get(link.to);
      if (p !== undefined) {
        if (rollupOf(objectives[p]!) === 'keyResults') continue;
        edge(i, p, w);
      } else {
        const j = krIndex.get(link.to);
        if (j === undefined) unknownReference(nouns.objectiveOrKeyResult, link.to);
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

  // Initiatives, grouped by objective, only when some objective counts them; the
  // objective's initiative weight joins the whole-number weights.
  const initiativeGroups = new Map<number, number[]>();
  const initiativeEdges = new Map<number, number>();
  let weights = edges;
  for (let i = 0; i < O; i++) {
    const o = objectives[i] as Objective;
    if (o.initiativeWeight === undefined) continue;
    const w = weightOf(o.initiativeWeight, where.objectiveField, o.id, 'initiativeWeight');
    if (typeof w !== 'number') bigWeights.set(weights, w);
    initiativeEdges.set(i, weights);
    edgeWeight[weights++] = toNumber(w);
  }
  if (initiativeEdges.size > 0) {
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

  // Whole-number weights at one scale for the whole plan (the common case), else node by node.
  const global = bigWeights.size > 0 ? null : wholeWeights(edgeWeight.subarray(0, weights));
  const local = global !== null ? null : wholeWeightsByNode(N, weights, (e) => bigWeights.get(e) ?? (edgeWeight[e] as number), byParentStart, byParent, initiativeEdges);
  const units = global ?? (local as { units: Float64Array }).units;
  // Relative error bounds are kept for objectives (and driven key results); a measured
  // key result's value is always within LEAF_ERROR of exact.
  let anyDriven = false;
  for (let j = 0; j < K && !anyDriven; j++) anyDriven = driven[j] === 1;
  const relSize = anyDriven ? N : O;
  const state: Scoring = {
    objectives, keyResults, checkIns, O, K, cap, asOf, rules, grades, withForecast, registry, krIndex, factsOf, krObjective, parentOf,
    bigWeights, edgeUnits: units, fractional: local?.fractional ?? null, initiativeEdges,
    scoreLo: new Float64Array(N),
    scoreRel: new Float32Array(relSize),
    expectedLo: new Float64Array(N),
    expectedRel: new Float32Array(relSize),
    forecastLo: new Float64Array(withForecast ? N : 0),
    forecastRel: new Float32Array(withForecast ? relSize : 0),
    leafScore: new Map(), leafExpected: new Map(), leafForecast: new Map(), checkInsOf: new Map(),
    memo: { score: new Map(), expected: new Map(), forecast: new Map() },
    exact: new ExactMeasure(),
    registers: new Registers({ progress: (n) => exactProgressOf(state, n), expected: (n) => exactExpected(state, n) }),
    remeasure: (j) => exactLeafScore(state, j),
    groups: NO_GROUPS, kpis, kpiIndex, measurements, byKpi, driven,
    edgeChild: edgeChild.subarray(0, edges), edgeParent: edgeParent.subarray(0, edges), edgeWeight: edgeWeight.subarray(0, weights),
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
  return state;
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
    if (ki === undefined || cx.byKpi === null) unknownReference(nouns.kpi, kr.source.kpiId);
    const kpi = cx.kpis[ki] as Kpi;
    sourced = aggregate(kpi.aggregation ?? 'last', cx.measurements, cx.byKpi.items, cx.byKpi.starts[ki] as number, cx.byKpi.starts[ki + 1] as number, facts.since, facts.until, null);
  }
  const progress =
    checkIns === null
      ? measureKeyResult(kr, cx.checkIns, cx.groups.items, from, to, facts, cx.cap, sourced, cx.registry, cx.exact)
      : measureKeyResult(kr, checkIns, null, 0, checkIns.length, facts, cx.cap, sourced, cx.registry, cx.exact);
  if (!(cx.withForecast && kr.kind === 'metric')) return { progress, forecast: null };
  const projected = forecastExactWith(kr, checkIns ?? groupOf(cx.checkIns, cx.groups.items, from, to), facts, facts.until, cx.cap, cx.rules, cx.registry, facts.graded || facts.day >= facts.end);
  return projected === null ? { progress, forecast: null } : { progress, forecast: projected.forecast, forecastExact: projected.score.toText() };
}

/** Measures key result j from its check-ins (`checkIns` overrides the plan's) and sets its channels. */
export function measureNode(st: Scoring, j: number, checkIns: readonly CheckIn[] | null = null): void {
  const measured = measureOne(st, st.keyResults[j] as KeyResult, j, st.factsOf[st.krObjective[j] as number] as CycleFacts, checkIns);
  if (checkIns !== null) st.checkInsOf.set(j, checkIns);
  setMeasured(st, j, measured);
}

/**
 * The exact numbers a shard's measurement carries; a measurement without them (from an
 * older shard) is read as its doubles, as written.
 */
function exactOfShard(m: Measured, into: ExactMeasure, cap: number): ExactMeasure {
  const p = m.progress;
  const id = String(p?.keyResultId);
  const progress = p?.progress ?? 0;
  const score = p?.score ?? 0;
  if (typeof progress !== 'number' || typeof score !== 'number' || !(progress >= 0 && progress <= cap) || !(score >= 0 && Number.isFinite(score))) {
    invalidArgument('arg.shardExact', { id });
  }
  if (m.exact === undefined) {
    into.progress.setDouble(progress);
    into.score.setDouble(score);
    return into;
  }
  // The exact numbers must be fractions that round to the doubles the shard reports.
  const ok = Array.isArray(m.exact) && into.progress.setText(m.exact[0]) && into.score.setText(m.exact[1]);
  if (!ok || into.progress.toNumber() !== progress || into.score.toNumber() !== score || into.progress.sign() < 0 || into.score.sign() < 0) {
    invalidArgument('arg.shardExact', { id });
  }
  return into;
}


/** Whether a key result expects the cycle's elapsed share (no phases, milestone dates or binary rule). */
function expectsLinear(kr: KeyResult): boolean {
  if (kr.kind === 'metric') return kr.phases === undefined || kr.phases.length === 0;
  if (kr.kind === 'milestones') return !kr.milestones.some((m) => m.due !== undefined);
  return kr.kind !== 'binary';
}

/**
 * Key result j's exact score, measured again (the slow path keeps no fraction per key
 * result): from a shard's, the live evaluation's or the plan's check-ins.
 */
function exactLeafScore(st: Scoring, j: number): Fraction {
  const known = st.leafScore.get(j);
  if (known !== undefined) return known;
  const aside = { ...st, exact: new ExactMeasure() };
  measureOne(aside, st.keyResults[j] as KeyResult, j, st.factsOf[st.krObjective[j] as number] as CycleFacts, st.checkInsOf.get(j) ?? null);
  return aside.exact.score.fraction();
}

/**
 * The error bound of a measured key result's registers relative to its double: a
 * quotient or a fraction split into its nearest double and the rest is within
 * 2^-103 of exact (near.ts), so 2^-100 holds with room.
 */
const LEAF_ERROR = 2 ** -100;

/** Loads node n's value of a channel into a register: hi, lo, and the error bound |hi| × rel. */
function load(out: Near, hi: Float64Array, lo: Float64Array, rel: Float32Array, n: number): Near {
  const h = hi[n] as number;
  return out.set(h, lo[n] as number, Math.abs(h) * (n < rel.length ? (rel[n] as number) : LEAF_ERROR));
}

const ROUND_UP = 1 + 2 ** -20;

/**
 * Stores a rounded register as node n's value of a channel. The error bound is kept
 * relative to hi in single precision, rounded up (values are never negative, and an
 * exact zero has no error).
 */
function store(x: Near, hi: Float64Array, lo: Float64Array, rel: Float32Array, n: number): void {
  hi[n] = x.hi === 0 ? 0 : x.hi;
  lo[n] = x.lo;
  // The single-precision store rounds to nearest, within 2^-24: ROUND_UP keeps the bound above.
  if (n < rel.length) rel[n] = x.hi === 0 ? 0 : (x.err / Math.abs(x.hi)) * ROUND_UP;
  else if (!(x.err <= Math.abs(x.hi) * LEAF_ERROR)) throw new Error('okrkit: internal error: a measured value lost its error bound');
}

/**
 * Sets key result j's channels from its measurement; `exact` holds the measurement's
 * exact numbers (the registers just filled, or a shard's).
 */
function setMeasured(st: Scoring, j: number, measured: Measured, exact: ExactMeasure = st.exact): void {
  const kr = st.keyResults[j] as KeyResult;
  const facts = st.factsOf[st.krObjective[j] as number] as CycleFacts;
  const m = measured.progress;
  const n = st.O + j;
  const r = st.registers;
  forget(st, n);
  st.hasValue[j] = m.value === null ? 0 : 1;
  st.value[j] = m.value ?? 0;
  st.raw[j] = m.raw ?? 0;
  st.progress[j] = m.progress ?? 0;
  st.overridden[j] = m.overridden ? 1 : 0;
  st.checkInCount[j] = m.checkIns;
  st.lastCheckIn[j] = m.lastCheckIn;
  st.scored[n] = m.score === null ? 0 : 1;
  // Progress as a register (for the status); a linear score is the same register.
  const progress = m.progress === null ? null : exact.progress.near(r.f);
  if (m.score !== null) {
    const linear = !m.overridden && (kr.scoring === undefined || kr.scoring.type === 'linear');
    store(linear && progress !== null ? progress : exact.score.near(r.x), st.scores, st.scoreLo, st.scoreRel, n);
  } else {
    st.scores[n] = 0;
  }
  st.confident[n] = m.confidence === null ? 0 : 1;
  st.confidence[n] = m.confidence ?? 0;
  // Expected progress: the cycle's elapsed share for most key results (known from the
  // cycle, so not stored), else the key result's own (phases, milestones, binary).
  const e = r.exactE;
  let expected: Near;
  if (expectsLinear(kr)) {
    e.copy(facts.elapsed);
    expected = r.e.copy(facts.elapsedNear);
    if (st.leafExpected.size > 0) st.leafExpected.delete(j);
  } else {
    expectedInto(e, kr, facts, facts.day);
    st.leafExpected.set(j, e.fraction());
    expected = e.near(r.e);
  }
  store(expected, st.expected, st.expectedLo, st.expectedRel, n);
  const hasData = m.checkIns > 0 || kr.kind === 'milestones';
  r.leafProgress = exact.progress;
  st.severity[n] = SEVERITY[classifyExact(progress, expected, facts.started, hasData, st.rules, m.confidence, r.leafPace, r.pace)];
  if (st.withForecast) {
    const f = measured.forecast;
    st.forecasts[j] = f;
    const exactForecast = f !== null && measured.forecastExact !== undefined && exact.a.setText(measured.forecastExact) ? exact.a.fraction() : null;
    if (exactForecast !== null) {
      st.leafForecast.set(j, exactForecast);
      store(nearFraction(r.x, exactForecast), st.forecastScores, st.forecastLo, st.forecastRel, n);
    } else {
      st.leafForecast.delete(j);
      if (m.score !== null) store(exact.score.near(r.x), st.forecastScores, st.forecastLo, st.forecastRel, n);
      else store(r.x.set(0, 0, 0), st.forecastScores, st.forecastLo, st.forecastRel, n);
    }
  }
}

/**
 * Rounds a mean into `out`: from the registers when they settle the nearest double,
 * else from the exact mean (slow path). False when nothing contributed.
 */
function roundMean(st: Scoring, mean: NearMean, q: Quantity, n: number, out: Near): boolean {
  if (mean.count === 0) return false;
  const settled = st.fractional === null || st.fractional[n] === 0 ? mean.valueInto(out) : 'unsure';
  if (settled !== 'unsure') return settled;
  const f = exactMean(st, q, n);
  if (f === null) return false;
  nearFraction(out, f);
  return true;
}

/**
 * Scores node n (an objective or a driven key result) from its contributors. A check-in
 * never changes expected progress (it depends on the plan and the date only), so the live
 * evaluation passes `withExpected: false` and keeps it.
 */
export function scoreNode(st: Scoring, n: number, withExpected = true): void {
  const { O, scores, scored, expected, confident, confidence, severity, edgeChild, edgeUnits, byParent } = st;
  const r = st.registers;
  forget(st, n);
  const wasScored = scored[n] as number;
  const mean = r.mean.reset();
  const expectedMean = r.expected.reset();
  const confidenceMean = r.confidence.reset();
  const forecastMean = st.withForecast ? r.forecast.reset() : null;
  let worst = -1;
  const from = st.byParentStart[n] as number;
  const to = st.byParentStart[n + 1] as number;
  for (let k = from; k < to; k++) {
    const e = byParent[k] as number;
    const child = edgeChild[e] as number;
    const w = edgeUnits[e] as number;
    if (scored[child] === 1) mean.add(w, load(r.x, scores, st.scoreLo, st.scoreRel, child));
    if (withExpected) expectedMean.add(w, load(r.x, expected, st.expectedLo, st.expectedRel, child));
    if (child >= O && confident[child] === 1) confidenceMean.add(w, nearDouble(r.x, confidence[child] as number));
    forecastMean?.add(w, load(r.x, st.forecastScores, st.forecastLo, st.forecastRel, child));
    const s = severity[child] as number;
    if (s > worst) worst = s;
  }
  let initiativeShareOf: { weight: number; units: number; score: number } | null = null;
  const at = n < O ? st.initiativeEdges.get(n) : undefined;
  if (at !== undefined) {
    const share = initiativeShare(st, n);
    const w = edgeUnits[at] as number;
    if (share !== null && w > 0 && (st.edgeWeight[at] as number) > 0) {
      const x = nearFraction(r.x, share);
      initiativeShareOf = { weight: (st.edgeWeight[at] as number), units: w, score: x.hi };
      mean.add(w, x);
      forecastMean?.add(w, x);
      if (withExpected) expectedMean.add(w, st.factsOf[n]!.elapsed.near(r.x));
    }
  }
  const value = r.value;
  const has = roundMean(st, mean, 'score', n, value);
  const total = mean.totalWeight();
  if (st.explain) explainScore(st, n, from, to, total, initiativeShareOf);

  if (n < O) {
    const o = st.objectives[n] as Objective;
    const facts = st.factsOf[n] as CycleFacts;
    st.hasComputed[n] = has ? 1 : 0;
    st.computed[n] = has ? value.hi : 0;
    const final = o.finalScore === undefined ? (has ? value : null) : nearDouble(r.final, o.finalScore);
    scored[n] = final === null ? 0 : 1;
    if (final !== null) store(final, scores, st.scoreLo, st.scoreRel, n);
    else scores[n] = 0;
    if (withExpected) {
      if (!roundMean(st, expectedMean, 'expected', n, r.e)) facts.elapsed.near(r.e);
      store(r.e, expected, st.expectedLo, st.expectedRel, n);
    }
    const c = confidenceMean.count === 0 ? false : st.fractional === null || st.fractional[n] === 0 ? confidenceMean.valueInto(r.x) : 'unsure';
    const exactC = c === 'unsure' ? exactConfidence(st, n) : null;
    confident[n] = c === false || (c === 'unsure' && exactC === null) ? 0 : 1;
    confidence[n] = c === true ? r.x.hi : exactC !== null ? toDouble(exactC) : 0;
    if (forecastMean !== null) {
      if (!roundMean(st, forecastMean, 'forecast', n, r.x)) {
        if (final !== null) r.x.copy(final);
        else r.x.set(0, 0, 0);
      }
      store(r.x, st.forecastScores, st.forecastLo, st.forecastRel, n);
    }
    if (st.rules.objective === 'mean' || worst < 0) {
      r.node = n;
      const e = load(r.e, expected, st.expectedLo, st.expectedRel, n);
      severity[n] = SEVERITY[classifyExact(final, e, facts.started, final !== null, st.rules, null, r.nodePace, r.pace)];
    } else {
      severity[n] = worst;
    }
  } else {
    scoreDriven(st, n, has ? value : null, forecastMean);
  }
  st.marks?.mark(st, n, wasScored);
}

/** A driven key result's numbers from its contributors' mean (`raw`, a register). */
function scoreDriven(st: Scoring, n: number, raw: Near | null, forecastMean: NearMean | null): void {
  const j = n - st.O;
  const kr = st.keyResults[j] as KeyResult;
  const facts = st.factsOf[st.krObjective[j] as number] as CycleFacts;
  const r = st.registers;
  let score: Near | null = null;
  let progress: Near | null = null;
  if (raw !== null) {
    // Clamp to the cap; the registers settle it unless the mean is within a hair of it.
    const cap = r.f;
    let over = st.cap === Infinity ? -1 : compareNear(raw, nearDouble(cap, st.cap));
    if (Number.isNaN(over)) over = st.exact.b.setFraction(exactMean(st, 'score', n) as Fraction).compare(st.exact.a.setDouble(st.cap));
    progress = over > 0 ? cap : raw;
    st.raw[j] = raw.hi;
    st.progress[j] = progress.hi;
    if (kr.finalScore !== undefined) score = nearDouble(r.final, kr.finalScore);
    else if (kr.scoring === undefined || kr.scoring.type === 'linear') score = progress;
    else score = nearFraction(r.final, exactScore(st, n) as Fraction);
  } else {
    st.raw[j] = 0;
    st.progress[j] = 0;
  }
  st.overridden[j] = kr.finalScore !== undefined && raw !== null ? 1 : 0;
  st.scored[n] = score === null ? 0 : 1;
  if (score !== null) store(score, st.scores, st.scoreLo, st.scoreRel, n);
  else st.scores[n] = 0;
  r.node = n;
  const e = load(r.e, st.expected, st.expectedLo, st.expectedRel, n);
  st.severity[n] = SEVERITY[classifyExact(progress, e, facts.started, progress !== null, st.rules, null, r.nodePace, r.pace)];
  if (forecastMean !== null) {
    if (!roundMean(st, forecastMean, 'forecast', n, r.x)) {
      if (score !== null) r.x.copy(score);
      else r.x.set(0, 0, 0);
    }
    store(r.x, st.forecastScores, st.forecastLo, st.forecastRel, n);
  }
}

/**
 * Lists node n's contributors with their shares of the total weight. A re-score (live
 * evaluation) keeps the objects, and the list, that did not change.
 */
function explainScore(st: Scoring, n: number, from: number, to: number, total: number, initiativeShare: { weight: number; units: number; score: number } | null): void {
  const previous = st.contributorsOf[n];
  if (previous !== undefined && st.marks !== null && st.marks.renew(st, n, previous, from, to, total)) return;
  const list: Contribution[] = [];
  for (let k = from; k < to; k++) list.push(edgeContribution(st, previous, list.length, st.byParent[k] as number, total));
  if (initiativeShare !== null) {
    list.push(contribution(previous, list.length, st, n, 'initiatives', initiativeShare.weight, shareOf(st, n, st.initiativeEdges.get(n) as number, total), initiativeShare.score));
  }
  const unchanged = previous !== undefined && previous.length === list.length && list.every((c, i) => c === previous[i]);
  st.contributorsOf[n] = unchanged ? previous : list;
}

/** The contribution of edge e's child at position `index` of its parent's list, with its share of `total`. */
export function edgeContribution(st: Scoring, previous: readonly Contribution[] | undefined, index: number, e: number, total: number): Contribution {
  const child = st.edgeChild[e] as number;
  const w = st.edgeWeight[e] as number;
  const s = st.scored[child] === 1 ? (st.scores[child] as number) : null;
  return contribution(previous, index, st, child, child < st.O ? 'objective' : 'keyResult', w, s === null || total === 0 ? 0 : shareOf(st, st.edgeParent[e] as number, e, total), s);
}

/**
 * Weight e's share of node n's total (whole units): one correctly rounded division, or
 * with weights that have no whole form, the exact quotient rounded once.
 */
function shareOf(st: Scoring, n: number, e: number, total: number): number {
  if (st.fractional === null || st.fractional[n] === 0) return (st.edgeUnits[e] as number) / total;
  let sum = FRACTION_ZERO;
  for (let k = st.byParentStart[n] as number; k < (st.byParentStart[n + 1] as number); k++) {
    const edge = st.byParent[k] as number;
    if (st.scored[st.edgeChild[edge] as number] === 1) sum = plus(sum, weightFraction(st, edge));
  }
  const at = n < st.O ? st.initiativeEdges.get(n) : undefined;
  if (at !== undefined && e !== at && initiativeShare(st, n) !== null) sum = plus(sum, weightFraction(st, at));
  if (e === at) sum = plus(sum, weightFraction(st, at));
  return toDouble(dividedBy(weightFraction(st, e), sum));
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


/**
 * The end-of-cycle grade of node n (objective i's own, or its key result's), or null
 * while the cycle runs and for baseline key results.
 */
export function gradeOf(st: Scoring, n: number): Grade | null {
  const i = n < st.O ? n : (st.krObjective[n - st.O] as number);
  if (!st.factsOf[i]!.graded || (n >= st.O && st.keyResults[n - st.O]!.kind === 'baseline')) return null;
  if (st.scored[n] !== 1) return null;
  const score = load(st.registers.x, st.scores, st.scoreLo, st.scoreRel, n);
  return gradeExact(score, () => exactScore(st, n) ?? FRACTION_ZERO, st.objectives[i]!.commitment ?? 'aspirational', st.grades);
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
  else for (let j = 0; j < K; j++) {
    const m = measuredElsewhere(st.keyResults[j]!.id);
    const exact = exactOfShard(m, st.exact, st.cap);
    if (m.progress.score !== null) st.leafScore.set(j, exact.score.fraction());
    setMeasured(st, j, m, exact);
  }

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
    (id) => unknownReference(nouns.keyResult, id),
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
