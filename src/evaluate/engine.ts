// The state of one evaluation and the types its parts share. Its parts: the contribution
// graph (graph.ts), the node table (node-table.ts), what measuring needs, the registers
// of the exact arithmetic, and the explanations. prepare.ts builds it, measure-pass.ts
// and score-pass.ts fill it, exact-rollup.ts is its slow exact path, and evaluate.ts,
// columns.ts and live.ts read it.
import { i32 } from '../_lib/at.js';
import type { Groups } from '../_lib/buckets.js';
import { Exact } from '../_lib/exact.js';
import { fractionOfDouble, fractionOfValue, type Fraction } from '../_lib/fraction.js';
import type { IdIndex } from '../_lib/id-index.js';
import { Near, NearMean } from '../_lib/near.js';
import type { ExactMeasure, KeyResultProgress } from '../measure/key-result.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult } from '../model/key-result.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import type { Objective } from '../model/objective.js';
import type { Context } from '../model/context.js';
import type { Forecast } from '../time/forecast.js';
import { PaceScratch, type ExactPace } from '../time/status.js';
import type { CycleFacts } from './cycle-facts.js';
import type { ContributionGraph } from './graph.js';
import type { NodeTable } from './node-table.js';
import type { ResolvedOptions } from './options.js';
import type { Contribution } from './types.js';
import type { ValueRollups } from './value-rollups.js';

export const EMPTY: readonly never[] = Object.freeze([]);

/** What measuring one key result needs from its plan. */
export interface MeasureContext extends Pick<ResolvedOptions, 'cap' | 'floor' | 'rules' | 'withForecast'> {
  readonly checkIns: readonly CheckIn[];
  /** The check-ins of each key result (set once they are grouped). */
  groups: Groups;
  readonly kpis: readonly Kpi[];
  readonly kpiIndex: ReadonlyMap<string, number>;
  readonly measurements: readonly Measurement[];
  readonly byKpi: { starts: Int32Array; items: Int32Array } | null;
  /** The kit's context (its plug-ins). */
  readonly cx: Context;
  /** Registers for measuring one key result. */
  readonly exact: ExactMeasure;
  /** Aggregated key results and what their contributors gave; null when the plan has none. */
  readonly values: ValueRollups | null;
}

/** The explanations an evaluation keeps: contributor lists and what a live update re-scored. */
interface Explanations {
  /** Whether scoring builds each objective's contributor list (records need it; columns do not). */
  readonly explain: boolean;
  readonly contributorsOf: (readonly Contribution[])[];
  /** Frozen `[id]` arrays shared by the many nodes that feed just one parent. */
  readonly onlyParent: (readonly string[] | undefined)[];
  /** Each node's position in the topological order (children first). */
  readonly rank: Int32Array;
  /** Set by a live evaluation: which nodes its current update re-scored. */
  marks: RescoreMarks | null;
}

/**
 * What the slow exact path keeps: key results' exact numbers where they are not
 * measured from this plan's check-ins, and the exact values it computed, by node.
 */
interface ExactState {
  /** Key results' exact scores from a shard; the others are measured again on the slow path. */
  readonly leafScore: Map<number, Fraction>;
  /** A live evaluation's check-ins of a key result, once it has received any. */
  readonly checkInsOf: Map<number, readonly CheckIn[]>;
  /** Expected progress where it is not the cycle's elapsed share. */
  readonly leafExpected: Map<number, Fraction>;
  /** Forecast scores where there is a forecast. */
  readonly leafForecast: Map<number, Fraction>;
  /** Exact values computed on the slow path, by node (cleared for a node when it is re-scored). */
  readonly memo: { readonly score: Map<number, Fraction | null>; readonly expected: Map<number, Fraction>; readonly forecast: Map<number, Fraction> };
  /** Registers and accumulators for scoring one node. */
  readonly registers: Registers;
  /** Key result j's exact score, measured again (the slow path). */
  readonly remeasure: (j: number) => Fraction;
}

/**
 * Everything an evaluation knows while it runs. Nodes are objectives 0..O-1, then key
 * results O..O+K-1. The live evaluation keeps it to re-score a key result's ancestors.
 */
export interface Engine extends MeasureContext, ContributionGraph, Explanations, ExactState {
  readonly objectives: readonly Objective[];
  readonly keyResults: readonly KeyResult[];
  readonly O: number;
  readonly K: number;
  readonly asOf: string | null;
  readonly grades: ResolvedOptions['grades'];
  readonly krIndex: IdIndex;
  readonly factsOf: readonly CycleFacts[];
  readonly nodes: NodeTable;
}

/** The registers scoring uses, one set per evaluation (scoring never runs inside itself). */
export class Registers {
  readonly mean = new NearMean();
  readonly expected = new NearMean();
  readonly confidence = new NearMean();
  readonly forecast = new NearMean();
  readonly x = new Near();
  readonly value = new Near();
  readonly final = new Near();
  readonly e = new Near();
  readonly f = new Near();
  readonly exactE = new Exact();
  readonly pace = new PaceScratch();
  /** The node whose exact numbers `nodePace` gives. */
  node = 0;
  /** The key result's exact progress that `leafPace` gives. */
  leafProgress: Exact = new Exact();
  /** A measured key result's exact progress and expected progress (the registers just filled). */
  readonly leafPace: ExactPace = {
    progress: () => this.leafProgress.fraction(),
    expected: () => this.exactE.fraction(),
  };
  /** Node `node`'s exact progress (an objective's score, a driven key result's clamped mean) and expected progress. */
  readonly nodePace: ExactPace;

  /** `exactOf` gives node n's exact progress and expected progress (the slow path). */
  constructor(exactOf: { progress(n: number): Fraction; expected(n: number): Fraction }) {
    this.nodePace = { progress: () => exactOf.progress(this.node), expected: () => exactOf.expected(this.node) };
  }
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
  /** Marks node n as re-scored; `wasScored` is whether it had a score before. */
  mark(st: Engine, n: number, wasScored: boolean): void;
  /** Renews node n's list in place of a rebuild; false when it must be rebuilt. */
  renew(st: Engine, n: number, previous: readonly Contribution[], from: number, to: number, total: number): boolean;
}

/** A key result's measurement: its progress record and, when asked, its forecast. */
export interface Measured {
  readonly progress: KeyResultProgress;
  readonly forecast: Forecast | null;
  /** The forecast's exact score, as text `n/d`, when there is a forecast. */
  readonly forecastExact?: string;
  /** The exact progress and score as texts `n/d`: what a shard carries, as JSON allows no fractions. */
  readonly exact?: readonly [progress: string, score: string];
  /** For a key result that feeds an aggregated one: its current value exactly (decimal text) and when it was checked in. */
  readonly given?: { readonly value: string | null; readonly at: string | null };
}

/** Weight e (an edge's, or an initiative weight's) exactly. */
export function weightFraction(st: Engine, e: number): Fraction {
  const big = st.bigWeights.get(e);
  return big !== undefined ? fractionOfValue(big) : fractionOfDouble(st.edgeWeight[e] ?? 0);
}

// The engine's own readers of its lists, one per list: each read site stays monomorphic
// (a shared generic reader sees every array of the program and slows every hot loop).

/** Objective i. */
export function objectiveOf(st: Engine, i: number): Objective {
  const o = st.objectives[i];
  if (o === undefined) throw new RangeError(`okrkit: no objective ${i}`);
  return o;
}

/** Key result j. */
export function keyResultOf(st: Engine, j: number): KeyResult {
  const kr = st.keyResults[j];
  if (kr === undefined) throw new RangeError(`okrkit: no key result ${j}`);
  return kr;
}

/** Node n's id. */
export function idOf(st: Engine, n: number): string {
  return n < st.O ? objectiveOf(st, n).id : keyResultOf(st, n - st.O).id;
}

/** Objective i's cycle facts, and key result j's (its objective's). */
export function factsOfObjective(st: Engine, i: number): CycleFacts {
  const facts = st.factsOf[i];
  if (facts === undefined) throw new RangeError(`okrkit: no cycle facts for objective ${i}`);
  return facts;
}

export function factsOfKeyResult(st: Engine, j: number): CycleFacts {
  return factsOfObjective(st, i32(st.krObjective, j));
}
