// The public types of people's performance: its options and its records. Kept apart
// from the functions so that each part can name them without importing another.
import type { Status } from '../time/status.js';
import type { Scorecard, ScorecardOptions, UnitScorecard } from '../kpi/scorecard.js';
import type { UnitLevel } from '../model/unit.js';

/**
 * What a performance score is the weighted mean of: the owned objectives' scores
 * (`objectives`, default) or the owned key results' scores (`keyResults`).
 *
 * @category People
 */
export type PerformanceOf = 'objectives' | 'keyResults';

/**
 * Options of {@link performance}.
 *
 * @category People
 */
export interface PerformanceOptions {
  /** Score from owned objectives (default) or owned key results. */
  readonly of?: PerformanceOf;
  /** Only objectives of this cycle (and their key results); every cycle when omitted. */
  readonly cycleId?: string;
  /** Count draft and proposed objectives and key results too (evaluate them with `includeDrafts` as well); left out by default, as `evaluate` leaves them out of rollups. */
  readonly includeDrafts?: boolean;
  /** Options of the KPI scorecards beside each unit and owner (`asOf` defaults to the evaluation's). */
  readonly scorecard?: Omit<ScorecardOptions, 'unitId' | 'ownerId' | 'perspective' | 'kpiIds'>;
}

/**
 * One owned objective or key result in a performance score: its id, its weight as given,
 * its share of the total weight among the scored items (0 when it has no score), and its
 * score from the evaluation.
 *
 * @category People
 */
export interface PerformanceContributor {
  readonly id: string;
  readonly type: 'objective' | 'keyResult';
  /** The weight as given (the objective's or key result's `weight`, 1 when omitted). */
  readonly weight: number;
  /** Its share of the total weight among the scored items, 0–1; 0 when it has no score. */
  readonly share: number;
  /** Its score, or null when it has none. */
  readonly score: number | null;
}

/**
 * A weighted mean of owned items' scores, with what it counted.
 *
 * @category People
 */
export interface PerformanceSummary {
  /** The weighted mean of the scored items' scores; null when none has a score. */
  readonly score: number | null;
  /** How many objectives are owned (every one, weight 0 too). */
  readonly objectives: number;
  /** How many key results are owned (baseline key results left out); 0 with `of: 'objectives'`. */
  readonly keyResults: number;
  /** How many items fed the score (a score and a weight above 0). */
  readonly scored: number;
  /** How many of the items (weight above 0) have each status. */
  readonly statuses: Readonly<Partial<Record<Status, number>>>;
  /** The worst of those statuses, or null with no item. */
  readonly worst: Status | null;
}

/**
 * A unit's performance: its own OKRs' score with the contributors, the score rolled up
 * over its subtree, and its KPI scorecard.
 *
 * @category People
 */
export interface UnitPerformance extends PerformanceSummary {
  readonly unitId: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly parentId: string | null;
  /** Child units, in plan order. */
  readonly childIds: readonly string[];
  /** The items the unit's own score is made of (weight above 0), in plan order. */
  readonly contributors: readonly PerformanceContributor[];
  /** The weighted mean over every item of the unit and the units below it, with its counts. */
  readonly rolledUp: PerformanceSummary;
  /** The unit's KPI scorecard (own KPIs, and the total rolled up the unit tree), as {@link scorecardByUnit}. */
  readonly kpis: UnitScorecard;
}

/**
 * An owner's performance: the score of the OKRs whose `ownerId` is theirs, and the KPI
 * scorecard of the KPIs they own.
 *
 * @category People
 */
export interface OwnerPerformance extends PerformanceSummary {
  readonly ownerId: string;
  /** The unit of level `individual` whose id is the owner id, or null. */
  readonly unitId: string | null;
  /** The items the score is made of (weight above 0), in plan order. */
  readonly contributors: readonly PerformanceContributor[];
  /** The scorecard of the KPIs whose `ownerId` is theirs, as {@link scorecard}. */
  readonly kpis: Scorecard;
}

/**
 * The result of {@link performance}. Plain, JSON-serialisable data.
 *
 * @category People
 */
export interface Performance {
  readonly of: PerformanceOf;
  /** The evaluation's date, or null. */
  readonly asOf: string | null;
  /** The cycle the objectives were taken from, or null for every cycle. */
  readonly cycleId: string | null;
  /** Every unit's performance, by id. */
  readonly units: Readonly<Record<string, UnitPerformance>>;
  /** Units without a parent, in plan order: where the company → department → person tree starts. */
  readonly roots: readonly string[];
  /** Every owner's performance, by owner id. */
  readonly owners: Readonly<Record<string, OwnerPerformance>>;
  /** The owner ids in order of first appearance (objectives, key results, then KPIs). */
  readonly ownerIds: readonly string[];
}
