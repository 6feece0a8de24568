import { isList } from '../_lib/is-list.js';
import { bucketByRef, groupByRef } from '../_lib/buckets.js';
import { IdIndex } from '../_lib/id-index.js';
import { nouns } from '../messages/where.js';
import { invalidArgument, unknownReference } from '../messages/okrkit-error.js';
import type { CheckIn } from '../model/check-in.js';
import type { Cycle } from '../model/cycle.js';
import type { KeyResult } from '../model/key-result.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import type { Objective } from '../model/objective.js';
import type { Plan } from '../model/plan.js';
import { PLAIN_CONTEXT, type Context } from '../model/context.js';
import { listField } from '../_lib/at.js';
import { dictionary } from '../_lib/dictionary.js';
import type { MeasureContext } from './engine.js';
import type { ResolvedOptions } from './options.js';
import { withPlan } from '../model/guard.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { runEvaluation, type EvaluateOptions, type Evaluation } from './evaluate.js';
import { measureOne } from './measure-pass.js';
import { cycleFacts } from './cycle-facts.js';
import type { Measured } from './engine.js';
import { resolveOptions } from './options.js';
import { ExactMeasure } from '../measure/key-result.js';
import { isAggregated } from '../model/value-links.js';
import { i32 } from '../_lib/at.js';
import { toText } from '../_lib/numeric.js';
import type { Reading } from '../measure/check-ins.js';
import { msg } from '../messages/message.js';
import { planProblem } from './plan-problem.js';

/**
 * The key results one worker measured: plain JSON, to send back for
 * {@link mergeShards}.
 *
 * @category Rollup
 */
export interface EvaluationShard {
  readonly asOf: string | null;
  readonly cap: number;
  /** The progress floor, when not 0. */
  readonly floor?: number;
  readonly forecast: boolean;
  /** Each key result's measurement, by id. */
  readonly keyResults: Readonly<Record<string, Measured>>;
}


/**
 * Measures the key results of one part of a plan — a department's, say — so the heavy
 * work (reading millions of check-ins and measurements) can be spread over workers.
 * The part is a plan of its own: its key results with their objectives, the cycles,
 * their check-ins and the KPIs they read. {@link mergeShards} rolls the parts up into
 * the whole evaluation.
 *
 * @param part - A sub-plan holding the key results to measure.
 * @param options - As for {@link evaluate}; the same for every shard and the merge.
 * @returns The shard: every key result's measurement.
 * @throws {OkrkitError} `unknown_reference` for a key result whose objective, cycle or KPI is not in the part; `invalid_argument` for bad options.
 * @example
 * const marketing = evaluateShard({ ...plan, keyResults: marketingKeyResults, checkIns: marketingCheckIns }, { asOf });
 * const product = evaluateShard({ ...plan, keyResults: productKeyResults, checkIns: productCheckIns }, { asOf });
 * mergeShards({ ...plan, checkIns: [] }, [marketing, product], { asOf })
 * //=> the same as evaluate(plan, { asOf })
 * @category Rollup
 */
export function evaluateShard(part: DeepReadonly<Plan>, options: EvaluateOptions = {}): EvaluationShard {
  return evaluateShardIn(PLAIN_CONTEXT, part, options);
}

/** {@link evaluateShard} in a kit's context (its plug-ins). */
export function evaluateShardIn(cx: Context, part: DeepReadonly<Plan>, options: EvaluateOptions): EvaluationShard {
  return withPlan(part, () => measureShard(cx, part, options));
}

/** The records a shard measures, indexed. */
function shardContext(cx: Context, part: DeepReadonly<Plan>, options: ResolvedOptions): MeasureContext & { readonly keyResults: readonly KeyResult[] } {
  const list = <T>(name: keyof Plan) => listField<T>(part, name, () => invalidArgument('arg.array', { name: `plan.${name}` }));
  const keyResults = list<KeyResult>('keyResults');
  const checkIns = list<CheckIn>('checkIns');
  const kpis = list<Kpi>('kpis');
  const measurements = list<Measurement>('measurements');
  const krIndex = new IdIndex(keyResults);
  const kpiIndex = new Map(kpis.map((k, i) => [k.id, i]));
  const groups = groupByRef(checkIns, (c) => c.keyResultId, krIndex.reader(), keyResults.length, (id) => unknownReference(nouns.keyResult, id));
  const byKpi = kpis.length === 0 ? null : bucketByRef(measurements, (m) => m.kpiId, kpiIndex, kpis.length, (id) => unknownReference(nouns.kpi, id));
  const { cap, floor, rules, withForecast } = options;
  return { keyResults, checkIns, groups, kpis, kpiIndex, measurements, byKpi, cap, floor, rules, withForecast, cx, exact: new ExactMeasure(), values: null };
}

/** Whether a shard's bound is the merge's: JSON writes an infinite bound as null, which reads back as that bound. */
function sameBound(given: unknown, bound: number): boolean {
  return given === bound || (given === null && !Number.isFinite(bound));
}

/** Whether a key result contributes its value to an aggregated one. */
const feedsAggregate = (kr: KeyResult): boolean => kr.links?.some((l) => l.contributes === true) ?? false;

/** What a contributor's reading gave: its exact value and when it was checked in. */
function givenOf(r: Reading): { value: string | null; at: string | null } {
  return { value: r.current === null ? null : toText(r.current), at: r.latestValued?.at ?? r.source?.last ?? null };
}

function measureShard(cx: Context, part: DeepReadonly<Plan>, options: EvaluateOptions): EvaluationShard {
  const resolved = resolveOptions(options);
  const context = shardContext(cx, part, resolved);
  const list = <T>(name: keyof Plan) => listField<T>(part, name, () => invalidArgument('arg.array', { name: `plan.${name}` }));
  const cycles = new Map(list<Cycle>('cycles').map((c) => [c.id, c]));
  const objectiveCycle = new Map(list<Objective>('objectives').map((o) => [o.id, o.cycleId]));
  const out = dictionary<Measured>();
  context.keyResults.forEach((kr, j) => {
    // An aggregated key result is measured by mergeShards, from its contributors' values.
    if (isAggregated(kr)) {
      if (i32(context.groups.to, j) > i32(context.groups.from, j)) planProblem(['keyResults', j], msg('issue.checkInOnAggregate', { id: kr.id }));
      return;
    }
    const cycleId = objectiveCycle.get(kr.objectiveId) ?? unknownReference(nouns.objective, kr.objectiveId);
    const cycle = cycles.get(cycleId) ?? unknownReference(nouns.cycle, cycleId);
    const measured = measureOne(context, kr, j, cycleFacts(cycle, resolved.asOf));
    // The exact numbers travel with the shard, as text (JSON has no fractions); so does the
    // exact value of a key result that feeds an aggregated one.
    const given = feedsAggregate(kr) ? { given: givenOf(context.exact.reading) } : {};
    out[kr.id] = measured.progress.score === null ? { ...measured, ...given } : { ...measured, exact: [context.exact.progress.toText(), context.exact.score.toText()], ...given };
  });
  // The floor is written only when set, so shards made without it stay as they were.
  const floor = resolved.floor === 0 ? {} : { floor: resolved.floor };
  return { asOf: resolved.asOf, cap: resolved.cap, ...floor, forecast: resolved.withForecast, keyResults: out };
}

/**
 * Rolls shards up into the evaluation of the whole plan: the key results measured by
 * {@link evaluateShard}, then every objective in one topological pass. The result equals
 * {@link evaluate} of the whole plan. The plan given here may leave out its check-ins and
 * measurements: the shards have read them.
 *
 * @param plan - The whole plan (check-ins and measurements may be left out).
 * @param shards - The shards, which together measured every key result once.
 * @param options - The options every shard used.
 * @returns The {@link Evaluation}.
 * @throws {OkrkitError} `invalid_argument` when a key result is missing from the shards or measured twice, or a shard used other options; as {@link evaluate} otherwise.
 * @example
 * mergeShards({ ...plan, checkIns: [] }, [marketing, product], { asOf })
 * //=> the same as evaluate(plan, { asOf })
 * @category Rollup
 */
export function mergeShards(plan: DeepReadonly<Plan>, shards: readonly EvaluationShard[], options: EvaluateOptions = {}): Evaluation {
  return mergeShardsIn(PLAIN_CONTEXT, plan, shards, options);
}

/** {@link mergeShards} in a kit's context (its plug-ins). */
export function mergeShardsIn(cx: Context, plan: DeepReadonly<Plan>, shards: readonly EvaluationShard[], options: EvaluateOptions): Evaluation {
  return withPlan(plan, () => merge(cx, plan, shards, options));
}

function merge(cx: Context, plan: DeepReadonly<Plan>, shards: readonly EvaluationShard[], options: EvaluateOptions): Evaluation {
  if (!isList(shards)) invalidArgument('arg.array', { name: 'shards' });
  const { asOf, cap, floor, withForecast } = resolveOptions(options);
  const measured = new Map<string, Measured>();
  shards.forEach((shard, index) => {
    if (shard?.asOf !== asOf) invalidArgument('arg.shardOptions', { index, name: 'asOf' });
    if (!sameBound(shard.cap, cap)) invalidArgument('arg.shardOptions', { index, name: 'cap' });
    if (!sameBound(shard.floor === undefined ? 0 : shard.floor, floor)) invalidArgument('arg.shardOptions', { index, name: 'floor' });
    if (shard.forecast !== withForecast) invalidArgument('arg.shardOptions', { index, name: 'forecast' });
    for (const [id, m] of Object.entries<Measured>(shard.keyResults)) {
      if (measured.has(id)) invalidArgument('arg.shardDuplicate', { id });
      measured.set(id, m);
    }
  });
  const cleared = { ...plan, checkIns: [], measurements: [] };
  const used = new Set<string>();
  const evaluation = runEvaluation(cx, cleared, options, (id) => {
    used.add(id);
    return measured.get(id) ?? invalidArgument('arg.shardMissing', { id });
  }).evaluation;
  // A shard's key result that the plan does not have: a shard of another plan, or tampered.
  for (const id of measured.keys()) if (!used.has(id)) invalidArgument('arg.shardUnknown', { id });
  return evaluation;
}
