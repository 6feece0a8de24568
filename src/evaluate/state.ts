// The state of one evaluation and the types its parts share: the node table (one slot
// per objective and key result for each number), the contribution graph in compressed
// form, the registers of the exact arithmetic, and what measuring needs. The passes that
// fill it live in scoring.ts, the slow exact path in exact-rollup.ts.
import { Exact } from '../_lib/exact.js';
import { fractionOfDouble, fractionOfValue, type Fraction } from '../_lib/fraction.js';
import type { Groups } from '../_lib/buckets.js';
import type { IdIndex } from '../_lib/id-index.js';
import { Near, NearMean } from '../_lib/near.js';
import type { Value } from '../_lib/numeric.js';
import type { ExactMeasure, KeyResultProgress } from '../measure/key-result.js';
import type { CheckIn } from '../model/check-in.js';
import type { KeyResult } from '../model/key-result.js';
import type { Kpi, Measurement } from '../model/kpi.js';
import type { Objective } from '../model/objective.js';
import type { Registry } from '../model/plugin-registry.js';
import type { Forecast } from '../time/forecast.js';
import type { gradeRules } from '../time/grade.js';
import { PaceScratch, type ExactPace, type statusRules } from '../time/status.js';
import type { Contribution } from './types.js';

export const EMPTY: readonly never[] = Object.freeze([]);

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
  /** The elapsed share as an exact fraction of days, and as a register. */
  readonly elapsed: Exact;
  readonly elapsedNear: Near;
  readonly started: boolean;
  readonly graded: boolean;
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
  /** Registers for measuring one key result. */
  readonly exact: ExactMeasure;
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
  /** Weights that are decimal.js values, by position in `edgeWeight` (others are their doubles exactly). */
  readonly bigWeights: ReadonlyMap<number, Value>;
  /** The same weights as whole numbers, at one scale per node (every node's weights times the same power of ten). */
  readonly edgeUnits: Float64Array;
  /** Nodes whose weights have no whole form below 2^53 (their means are computed in fractions); null when there are none to check. */
  readonly fractional: Uint8Array | null;
  /** Objective → the position of its initiative weight in `edgeValue` and `edgeUnits`. */
  readonly initiativeEdges: ReadonlyMap<number, number>;
  /**
   * The rest of each node's score, expected progress and forecast beyond its double, and
   * the bound on the distance to the exact value relative to the double (see near.ts).
   */
  readonly scoreLo: Float64Array;
  readonly scoreRel: Float32Array;
  readonly expectedLo: Float64Array;
  readonly expectedRel: Float32Array;
  readonly forecastLo: Float64Array;
  readonly forecastRel: Float32Array;
  /**
   * Key results' exact scores where they are not measured from this plan's check-ins
   * (a shard's); the others are measured again on the slow path. Expected progress where
   * it is not the cycle's elapsed share, and forecast scores where there is a forecast.
   */
  readonly leafScore: Map<number, Fraction>;
  /** A live evaluation's check-ins of a key result, once it has received any. */
  readonly checkInsOf: Map<number, readonly CheckIn[]>;
  readonly leafExpected: Map<number, Fraction>;
  readonly leafForecast: Map<number, Fraction>;
  /** Exact values computed on the slow path, by node (cleared for a node when it is re-scored). */
  readonly memo: { readonly score: Map<number, Fraction | null>; readonly expected: Map<number, Fraction>; readonly forecast: Map<number, Fraction> };
  /** Registers for measuring one key result. */
  readonly exact: ExactMeasure;
  /** Registers and accumulators for scoring one node. */
  readonly registers: Registers;
  /** Key result j's exact score, measured again (the slow path). */
  readonly remeasure: (j: number) => Fraction;
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
  /** Marks node n as re-scored; `wasScored` is its score flag before. */
  mark(st: Scoring, n: number, wasScored: number): void;
  /** Renews node n's list in place of a rebuild; false when it must be rebuilt. */
  renew(st: Scoring, n: number, previous: readonly Contribution[], from: number, to: number, total: number): boolean;
}

/** A key result's measurement: its progress record and, when asked, its forecast. */
export interface Measured {
  readonly progress: KeyResultProgress;
  readonly forecast: Forecast | null;
  /** The forecast's exact score, as text `n/d`, when there is a forecast. */
  readonly forecastExact?: string;
  /** The exact progress and score as texts `n/d`: what a shard carries, as JSON allows no fractions. */
  readonly exact?: readonly [progress: string, score: string];
}

/** Weight e (an edge's, or an initiative weight's) exactly. */
export function weightFraction(st: Scoring, e: number): Fraction {
  const big = st.bigWeights.get(e);
  return big !== undefined ? fractionOfValue(big) : fractionOfDouble(st.edgeWeight[e] as number);
}

export function idOf(st: Scoring, n: number): string {
  return n < st.O ? st.objectives[n]!.id : st.keyResults[n - st.O]!.id;
}
