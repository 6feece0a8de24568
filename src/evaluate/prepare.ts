// Builds an evaluation's engine from a plan: options resolved, records indexed, cycles'
// facts computed, the contribution graph built and the node table allocated. No scores yet.
import { bucketByRef, type Groups } from '../_lib/buckets.js';
import { at, i32, listField } from '../_lib/at.js';
import { Exact } from '../_lib/exact.js';
import { FRACTION_ZERO, type Fraction } from '../_lib/fraction.js';
import { IdIndex } from '../_lib/id-index.js';
import { nouns } from '../messages/where.js';
import { invalidArgument, unknownReference } from '../messages/okrkit-error.js';
import { clampInto, ExactMeasure } from '../measure/key-result.js';
import type { CheckIn } from '../model/check-in.js';
import type { Cycle } from '../model/cycle.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Initiative } from '../model/initiative.js';
import type { KeyResult } from '../model/key-result.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import type { Objective } from '../model/objective.js';
import type { Plan } from '../model/plan.js';
import type { Context } from '../model/context.js';
import { cycleFacts, type CycleFacts } from './cycle-facts.js';
import { Registers, type Engine } from './engine.js';
import { exactExpected, exactMean, exactScore } from './exact-rollup.js';
import { buildGraph, inDraft } from './graph.js';
import { planProblem } from './plan-problem.js';
import { ValueRollups } from './value-rollups.js';
import { readValueLinks, type ValueLinkInput } from '../model/value-links.js';
import { OkrState } from '../model/process.js';
import { describeValue } from '../model/plugins.js';
import { msg } from '../messages/message.js';
import { targetWeights } from '../model/target-weight.js';
import type { Value } from '../_lib/numeric.js';
import { exactLeafScore } from './measure-pass.js';
import { NodeTable } from './node-table.js';
import { resolveOptions } from './options.js';
import type { EvaluateOptions } from './types.js';

const NO_GROUPS: Groups = { from: new Int32Array(0), to: new Int32Array(0), items: null };

/** The plan's lists (left out: empty); the plan has passed `withPlan`'s guard, so their records are the schema's. */
function listsOf(plan: DeepReadonly<Plan>) {
  const list = <T>(name: keyof Plan) => listField<T>(plan, name, () => invalidArgument('arg.array', { name: `plan.${name}` }));
  return {
    cycles: list<Cycle>('cycles'),
    objectives: list<Objective>('objectives'),
    keyResults: list<KeyResult>('keyResults'),
    checkIns: list<CheckIn>('checkIns'),
    initiatives: list<Initiative>('initiatives'),
    kpis: list<Kpi>('kpis'),
    measurements: list<Measurement>('measurements'),
  };
}

/** Node n's exact progress: an objective's score, or a driven key result's mean clamped to the cap (a mean of scores at or above the floor is above it). */
function exactProgressOf(st: Engine, n: number): Fraction {
  if (n < st.O) return exactScore(st, n) ?? FRACTION_ZERO;
  const raw = exactMean(st, 'score', n) ?? FRACTION_ZERO;
  return clampInto(new Exact(), new Exact().setFraction(raw), st.floor, st.cap, new Exact()).fraction();
}

/**
 * Which key results count for nothing: draft and proposed ones and those of a draft or
 * proposed objective (unless drafts are included). A state an unparsed plan misspells
 * is a plan problem, not "active".
 */
function leftOutOf(objectives: readonly Objective[], keyResults: readonly KeyResult[], objectiveIndex: IdIndex, includeDrafts: boolean): (j: number) => boolean {
  objectives.forEach((o, i) => checkState(o, ['objectives', i, 'state']));
  keyResults.forEach((kr, j) => checkState(kr, ['keyResults', j, 'state']));
  if (includeDrafts) return () => false;
  return (j) => {
    const kr = at(keyResults, j);
    return inDraft(kr, objectives[objectiveIndex.get(kr.objectiveId) ?? -1]);
  };
}

const STATES: ReadonlySet<unknown> = new Set(OkrState.options);

function checkState(record: { readonly state?: unknown }, path: readonly (string | number)[]): void {
  if (record.state !== undefined && !STATES.has(record.state)) planProblem(path, msg('issue.unknownState', { value: describeValue(record.state) }));
}

/** The weights of objectives weighed by their target; the first problem is thrown. */
function planTargetWeights(objectives: readonly Objective[], keyResults: readonly KeyResult[], objectiveIndex: IdIndex, leftOut: (j: number) => boolean): Map<number, Value> {
  return targetWeights({ objectives, keyResults, objectiveAt: (id) => objectiveIndex.get(id), leftOut }, (p) => planProblem(p.path, p.message, 'invalid_weight'));
}

/** The plan's value rollups, or null; the first problem is thrown. */
function valueRollupsOf(input: ValueLinkInput & { readonly keyResults: readonly KeyResult[] }): ValueRollups | null {
  const links = readValueLinks(input, (p) => planProblem(p.path, p.message, p.code));
  return links === null ? null : new ValueRollups(links, input.keyResults);
}

/** Builds the engine: indexes and graph, no scores yet. */
export function prepare(cx: Context, plan: DeepReadonly<Plan>, options: EvaluateOptions, explain: boolean): Engine {
  const resolved = resolveOptions(options);
  const { cycles, objectives, keyResults, checkIns, initiatives, kpis, measurements } = listsOf(plan);
  const O = objectives.length;
  const K = keyResults.length;
  const objectiveIndex = new IdIndex(objectives);
  const krIndex = new IdIndex(keyResults);
  const factsById = new Map<string, CycleFacts>();
  for (const c of cycles) factsById.set(c.id, cycleFacts(c, resolved.asOf));
  const factsOf = objectives.map((o) => factsById.get(o.cycleId) ?? unknownReference(nouns.cycle, o.cycleId));
  // KPI measurements grouped by KPI, for key results fed by a KPI.
  const kpiIndex = new Map<string, number>();
  kpis.forEach((k, i) => kpiIndex.set(k.id, i));
  const byKpi = kpis.length === 0 ? null : bucketByRef(measurements, (m) => m.kpiId, kpiIndex, kpis.length, (id) => unknownReference(nouns.kpi, id));
  const leftOut = leftOutOf(objectives, keyResults, objectiveIndex, resolved.includeDrafts);
  const targetWeights = planTargetWeights(objectives, keyResults, objectiveIndex, leftOut);
  const graph = buildGraph({ objectives, keyResults, initiatives, objectiveIndex, krIndex, includeDrafts: resolved.includeDrafts, targetWeights });
  const cycleById = new Map(cycles.map((c) => [c.id, c]));
  const cycleOf = (j: number) => cycleById.get(at(objectives, i32(graph.krObjective, j)).cycleId);
  const values = valueRollupsOf({ keyResults, keyResultAt: (id) => krIndex.get(id), isObjective: (id) => objectiveIndex.get(id) !== undefined, leftOut, cycleOf });
  // Error bounds are kept for objectives (and driven key results); a measured key
  // result's value is always within a fixed bound of exact.
  const relSize = graph.driven.includes(1) ? O + K : O;
  const N = O + K;
  const engine: Engine = {
    // Listed field by field, not spread: a literal gives every engine one shape with
    // typed fields, which the hot loops' property reads rely on.
    cap: resolved.cap, floor: resolved.floor, asOf: resolved.asOf, rules: resolved.rules, grades: resolved.grades, withForecast: resolved.withForecast,
    krObjective: graph.krObjective, parentOf: graph.parentOf, driven: graph.driven, edgeChild: graph.edgeChild, edgeParent: graph.edgeParent,
    edgeWeight: graph.edgeWeight, bigWeights: graph.bigWeights, byParentStart: graph.byParentStart, byParent: graph.byParent,
    byChildStart: graph.byChildStart, byChild: graph.byChild, initiativeEdges: graph.initiativeEdges, initiativeGroups: graph.initiativeGroups,
    edgeUnits: graph.edgeUnits, fractional: graph.fractional,
    objectives, keyResults, checkIns, kpis, kpiIndex, measurements, byKpi, O, K, cx, krIndex, factsOf, values,
    groups: NO_GROUPS,
    nodes: new NodeTable(O, K, relSize, resolved.withForecast),
    explain,
    contributorsOf: explain ? new Array<readonly never[]>(N) : [],
    onlyParent: explain ? new Array<undefined>(N) : [],
    rank: new Int32Array(N),
    marks: null,
    exact: new ExactMeasure(),
    leafScore: new Map(), leafExpected: new Map(), leafForecast: new Map(), checkInsOf: new Map(),
    memo: { score: new Map(), expected: new Map(), forecast: new Map() },
    registers: new Registers({ progress: (n) => exactProgressOf(engine, n), expected: (n) => exactExpected(engine, n) }),
    remeasure: (j) => exactLeafScore(engine, j),
  };
  return engine;
}
