// The measuring pass: every key result measured from its check-ins (or its KPI's
// measurements, or a shard's numbers), with its value, progress, score, confidence,
// expected progress, status and forecast written to the node table.
import { at, i32 } from '../_lib/at.js';
import { groupByRef } from '../_lib/buckets.js';
import type { Near } from '../_lib/near.js';
import { nearFraction } from '../_lib/near.js';
import { nouns } from '../messages/where.js';
import { invalidArgument, unknownReference } from '../messages/okrkit-error.js';
import { ExactMeasure, measureKeyResult, type SourcedValue } from '../measure/key-result.js';
import { aggregate } from '../measure/kpi.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult } from '../model/key-result.js';
import { fractionOfDouble, type Fraction } from '../_lib/fraction.js';
import { Exact } from '../_lib/exact.js';
import { dateOf, dateOfDay, dayNumber } from '../_lib/calendar.js';
import { toNumber, toValue } from '../_lib/numeric.js';
import type { ValueRollups } from './value-rollups.js';
import { describeValue } from '../model/plugins.js';
import { forecastExactIn } from '../time/forecast.js';
import { expectedInto } from '../time/expected.js';
import { classifyExact, SEVERITY } from '../time/status.js';
import type { CycleFacts } from './cycle-facts.js';
import { keyResultOf, factsOfKeyResult, type Engine, type Measured, type MeasureContext } from './engine.js';
import { forget } from './exact-rollup.js';
import { planProblem } from './plan-problem.js';
import { msg } from '../messages/message.js';

/** Key result j's KPI value over the cycle's dates, when a KPI feeds it. */
function sourcedValue(cx: MeasureContext, kr: KeyResult, facts: CycleFacts): SourcedValue | null {
  if (kr.source === undefined) return null;
  const ki = cx.kpiIndex.get(kr.source.kpiId);
  if (ki === undefined || cx.byKpi === null) unknownReference(nouns.kpi, kr.source.kpiId);
  const { starts, items } = cx.byKpi;
  return aggregate(at(cx.kpis, ki).aggregation ?? 'last', cx.measurements, items, i32(starts, ki), i32(starts, ki + 1), facts.since, facts.until, null);
}

/**
 * Measures key result j (of the context's plan) in its cycle: from its check-ins, or
 * from `checkIns` when given (the live evaluation's own list), or from its KPI.
 */
export function measureOne(cx: MeasureContext, kr: KeyResult, j: number, facts: CycleFacts, checkIns: readonly CheckIn[] | null = null): Measured {
  return measureRange(cx, kr, j, i32(cx.groups.from, j), i32(cx.groups.to, j), facts, checkIns);
}

/** Key result j's value from outside its check-ins: its contributors' aggregate, its KPI's, or null. */
function valueFromOutside(cx: MeasureContext, kr: KeyResult, j: number, facts: CycleFacts, checkIns: number): SourcedValue | null {
  const values = cx.values;
  if (values === null || !values.isAggregated(j)) return sourcedValue(cx, kr, facts);
  if (checkIns > 0) planProblem(['keyResults', j], msg('issue.checkInOnAggregate', { id: kr.id }));
  return values.sourceOf(j);
}

/** Measures key result j from the check-ins at positions from..to of the context's groups, or from `checkIns` when given. */
function measureRange(cx: MeasureContext, kr: KeyResult, j: number, from: number, to: number, facts: CycleFacts, checkIns: readonly CheckIn[] | null = null): Measured {
  const sourced = valueFromOutside(cx, kr, j, facts, checkIns === null ? to - from : checkIns.length);
  const progress =
    checkIns === null
      ? measureKeyResult(cx.cx, kr, cx.checkIns, cx.groups.items, from, to, facts, cx.cap, cx.floor, sourced, cx.exact)
      : measureKeyResult(cx.cx, kr, checkIns, null, 0, checkIns.length, facts, cx.cap, cx.floor, sourced, cx.exact);
  cx.values?.record(j, cx.exact.reading.current, progress.checkIns, progress.lastCheckIn, cx.exact.reading.latestValued?.at ?? progress.lastCheckIn);
  if (!(cx.withForecast && kr.kind === 'metric')) return { progress, forecast: null };
  const list = checkIns ?? groupOf(cx.checkIns, cx.groups.items, from, to);
  const projected = forecastExactIn(cx.cx, kr, list, facts, facts.until, cx.cap, cx.floor, cx.rules, facts.graded || facts.day >= facts.end);
  return projected === null ? { progress, forecast: null } : { progress, forecast: projected.forecast, forecastExact: projected.score.toText() };
}

/** Measures key result j from its check-ins (`checkIns` overrides the plan's) and writes its numbers. */
export function measureNode(st: Engine, j: number, checkIns: readonly CheckIn[] | null = null): void {
  const measured = measureOne(st, keyResultOf(st, j), j, factsOfKeyResult(st, j), checkIns);
  if (checkIns !== null) st.checkInsOf.set(j, checkIns);
  setMeasured(st, j, measured);
}

/**
 * The exact numbers a shard's measurement carries; a measurement without them (from an
 * older shard) is read as its doubles, as written.
 */
function exactOfShard(m: Measured, into: ExactMeasure, cap: number, floor: number): ExactMeasure {
  const p: Partial<Measured['progress']> | undefined = m.progress;
  const id = String(p?.keyResultId);
  const progress = p?.progress ?? 0;
  const score = p?.score ?? 0;
  if (typeof progress !== 'number' || typeof score !== 'number' || !(progress >= floor && progress <= cap) || !(score >= floor && Number.isFinite(score))) {
    invalidArgument('arg.shardExact', { id });
  }
  checkShardFacts(m, id, floor);
  if (m.exact === undefined) {
    into.progress.setDouble(progress);
    into.score.setDouble(score);
    return into;
  }
  // The exact numbers must be fractions that round to the doubles the shard reports.
  const ok = Array.isArray(m.exact) && into.progress.setText(m.exact[0]) && into.score.setText(m.exact[1]);
  if (!ok || into.progress.toNumber() !== progress || into.score.toNumber() !== score || belowFloor(into.progress, floor, into.a) || belowFloor(into.score, floor, into.a)) {
    invalidArgument('arg.shardExact', { id });
  }
  return into;
}

/** Whether an exact number is below the floor (0 by default, -Infinity for none). */
function belowFloor(x: Exact, floor: number, scratch: Exact): boolean {
  if (floor === -Infinity || x.sign() >= 0) return false;
  return floor === 0 || x.compare(scratch.setDouble(floor)) < 0;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDate = (d: string): boolean => dateOfDay(dayNumber(d)) === d;

/** A shard's facts as evaluateShard writes them: a value, a count, a date, a confidence and a forecast. */
function checkShardFacts(m: Measured, id: string, floor: number): void {
  const p = m.progress;
  const bad = (field: string, value: unknown): never => invalidArgument('arg.shardField', { id, field, value: describeValue(value) });
  if (p.value !== null && (typeof p.value !== 'number' || !Number.isFinite(p.value))) bad('value', p.value);
  if (p.raw !== null && (typeof p.raw !== 'number' || !Number.isFinite(p.raw))) bad('raw', p.raw);
  if (!Number.isSafeInteger(p.checkIns) || p.checkIns < 0) bad('checkIns', p.checkIns);
  if (p.lastCheckIn !== null && (typeof p.lastCheckIn !== 'string' || !DATE.test(p.lastCheckIn) || !isCalendarDate(p.lastCheckIn))) bad('lastCheckIn', p.lastCheckIn);
  if (p.confidence !== null && (typeof p.confidence !== 'number' || !(p.confidence >= 0 && p.confidence <= 1))) bad('confidence', p.confidence);
  if (typeof p.overridden !== 'boolean') bad('overridden', p.overridden);
  const f: unknown = m.forecast;
  if (f === null) return;
  if (typeof f !== 'object' || f === null) return bad('forecast', f);
  const score: unknown = Reflect.get(f, 'score');
  if (typeof score !== 'number' || !(score >= floor && Number.isFinite(score))) bad('forecast.score', score);
  if (m.forecastExact === undefined) return;
  const exact = new Exact();
  if (typeof m.forecastExact !== 'string' || !exact.setText(m.forecastExact) || belowFloor(exact, floor, new Exact()) || exact.toNumber() !== score) bad('forecastExact', m.forecastExact);
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
export function exactLeafScore(st: Engine, j: number): Fraction {
  const known = st.leafScore.get(j);
  if (known !== undefined) return known;
  const aside = { ...st, exact: new ExactMeasure() };
  measureOne(aside, keyResultOf(st, j), j, factsOfKeyResult(st, j), st.checkInsOf.get(j) ?? null);
  return aside.exact.score.fraction();
}

/**
 * Writes key result j's numbers from its measurement; `exact` holds the measurement's
 * exact numbers (the registers just filled, or a shard's).
 */
function setMeasured(st: Engine, j: number, measured: Measured, exact: ExactMeasure = st.exact): void {
  const kr = keyResultOf(st, j);
  const m = measured.progress;
  const n = st.O + j;
  const { nodes, registers: r } = st;
  forget(st, n);
  nodes.setMeasurement(j, m.value, m.checkIns, m.lastCheckIn);
  nodes.setProgress(j, m.raw ?? 0, m.progress ?? 0);
  nodes.setOverridden(j, m.overridden);
  // Progress as a register (for the status); a linear score is the same register.
  const progress = m.progress === null ? null : exact.progress.near(r.f);
  const linear = !m.overridden && (kr.scoring === undefined || kr.scoring.type === 'linear');
  nodes.setScore(n, m.score === null ? null : linear && progress !== null ? progress : exact.score.near(r.x));
  nodes.setConfidence(n, m.confidence);
  const facts = factsOfKeyResult(st, j);
  const expected = setExpected(st, j, kr, facts);
  const hasData = m.checkIns > 0 || kr.kind === 'milestones';
  r.leafProgress = exact.progress;
  nodes.severity[n] = SEVERITY[classifyExact(progress, expected, facts.started, hasData, st.rules, m.confidence, r.leafPace, r.pace)];
  if (st.withForecast) setForecast(st, j, measured, exact);
}

/**
 * Key result j's expected progress: the cycle's elapsed share for most key results
 * (known from the cycle, so not kept), else its own (phases, milestones, binary).
 */
function setExpected(st: Engine, j: number, kr: KeyResult, facts: CycleFacts): Near {
  const r = st.registers;
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
  st.nodes.expected.store(expected, st.O + j);
  return expected;
}

/** Key result j's forecast and forecast score (its score when there is no forecast). */
function setForecast(st: Engine, j: number, measured: Measured, exact: ExactMeasure): void {
  const n = st.O + j;
  const { nodes, registers: r } = st;
  const f = measured.forecast;
  nodes.setForecast(j, f);
  // A shard without the exact forecast (an older one) is read as its double, as written.
  const exactForecast =
    f === null ? null : measured.forecastExact !== undefined && exact.a.setText(measured.forecastExact) ? exact.a.fraction() : fractionOfDouble(f.score);
  if (exactForecast !== null) {
    st.leafForecast.set(j, exactForecast);
    nodes.forecast.store(nearFraction(r.x, exactForecast), n);
    return;
  }
  st.leafForecast.delete(j);
  nodes.forecast.store(measured.progress.score !== null ? exact.score.near(r.x) : r.x.set(0, 0, 0), n);
}

/**
 * Groups the check-ins by key result and measures each key result. When each key
 * result's check-ins lie together (as a product's export has them), each is measured
 * as soon as its run has been read, while those check-ins are still in the cache, and
 * nothing is sorted.
 */
export function measureAll(st: Engine): void {
  const { K, krIndex } = st;
  const groups = groupByRef(
    st.checkIns,
    (c) => c.keyResultId,
    krIndex.reader(),
    K,
    (id) => unknownReference(nouns.keyResult, id),
    (j, from, to) => setMeasured(st, j, measureRange(st, keyResultOf(st, j), j, from, to, factsOfKeyResult(st, j))),
  );
  st.groups = groups;
  // Runs end above position 0, so to[j] === 0 is a key result without check-ins, which no
  // run measured. After a fall-back to sorting, the runs measured on the way were partial:
  // measure everything again. Aggregated key results come last, after their contributors.
  const again = groups.items !== null;
  const values = st.values;
  for (let j = 0; j < K; j++) if ((again || groups.to[j] === 0) && (values === null || !values.isAggregated(j))) measureNode(st, j);
  if (values !== null) for (const j of values.links.order) measureNode(st, j);
}

/**
 * Keeps what a shard says a contributor gave: its exact value, which must round to the
 * value it reports, and dates no later than the evaluation date.
 */
function recordGiven(st: Engine, values: ValueRollups, j: number, m: Measured): void {
  const p = m.progress;
  const id = p.keyResultId;
  const given: unknown = m.given;
  const text: unknown = typeof given === 'object' && given !== null ? Reflect.get(given, 'value') : undefined;
  const at: unknown = typeof given === 'object' && given !== null ? Reflect.get(given, 'at') : undefined;
  const exact = typeof text === 'string' ? toValue(text) : null;
  const valueOk = text === null ? p.value === null : exact !== null && toNumber(exact) === p.value;
  if (!valueOk) invalidArgument('arg.shardField', { id, field: 'given.value', value: describeValue(text) });
  if (at !== null && (typeof at !== 'string' || (st.asOf !== null && dateOf(at) > st.asOf))) invalidArgument('arg.shardField', { id, field: 'given.at', value: describeValue(at) });
  if (st.asOf !== null && p.lastCheckIn !== null && p.lastCheckIn > st.asOf) invalidArgument('arg.shardField', { id, field: 'lastCheckIn', value: p.lastCheckIn });
  values.record(j, exact, p.checkIns, p.lastCheckIn, typeof at === 'string' ? at : null);
}

/** Writes every key result's numbers from measurements made elsewhere (shards). */
export function takeMeasured(st: Engine, measuredElsewhere: (id: string) => Measured): void {
  const values = st.values;
  st.keyResults.forEach((kr, j) => {
    if (values?.isAggregated(j) === true) return;
    const m = measuredElsewhere(kr.id);
    const exact = exactOfShard(m, st.exact, st.cap, st.floor);
    if (m.progress.score !== null) st.leafScore.set(j, exact.score.fraction());
    if (values?.feeds(j) === true) recordGiven(st, values, j, m);
    setMeasured(st, j, m, exact);
  });
  // Aggregated key results are measured here, from their contributors' values.
  if (values !== null) for (const j of values.links.order) measureNode(st, j);
}

/** The check-ins at `items[from..to)`. */
export function groupOf(checkIns: readonly CheckIn[], items: Int32Array | null, from: number, to: number): CheckIn[] {
  const out: CheckIn[] = [];
  for (let k = from; k < to; k++) out.push(at(checkIns, items === null ? k : i32(items, k)));
  return out;
}
