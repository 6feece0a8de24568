import type {
  CheckIn,
  DeepReadonly,
  EvaluateOptions,
  Evaluation,
  Grade,
  KeyResult,
  KeyResultKindPlugin,
  KeyResultProgress,
  KeyResultProgressOptions,
  KpiTarget,
  LintFinding,
  LintOptions,
  Locale,
  OkrState,
  Plan,
  PlanWith,
  Rag,
  Status,
  UnitLevel,
  ValueFrom,
} from '../index.js';

/** One point of a key result's line: its progress at a date against the expected progress. @category Reports */
export interface ReportPoint {
  readonly date: string;
  /** Progress (0–1) at the date, or null before any check-in. */
  readonly progress: number | null;
  readonly expected: number;
  /** Whether a check-in falls on this date. */
  readonly checkIn: boolean;
}

/**
 * Where an objective or a key result stands in the OKR process, in a {@link Report}:
 * its `state` as the plan gives it, and whether its score or value is counted in the
 * rollups above it. A draft or proposed one is not, unless the report was built with
 * `includeDrafts: true`.
 *
 * @example
 * report.objectives.find((o) => o.id === 'o-website')?.state
 * //=> { name: 'proposed', counted: false }
 * @category Reports
 */
export interface ReportState {
  readonly name: OkrState;
  /** Whether it feeds its parent's score (and, for a key result, the aggregated values it contributes to). */
  readonly counted: boolean;
}

/** One key result whose value went into an aggregated key result, in a {@link Report}. @category Reports */
export interface ReportContributor {
  readonly id: string;
  readonly title: string;
  /** The value it gave, in the aggregated key result's unit; null when it has none yet. */
  readonly value: number | null;
}

/**
 * How an aggregated key result (`aggregate` in the plan) got its value, in a
 * {@link Report}: the aggregate and the key results it was taken over.
 *
 * @example
 * report.objectives[0]?.keyResults[0]?.aggregate
 * //=> { how: 'sum', from: [{ id: 'kr-rev-a', title: 'Product A', value: 52000 }, …] }
 * @category Reports
 */
export interface ReportAggregate {
  readonly how: ValueFrom;
  /** The contributing key results, in the evaluation's order. */
  readonly from: readonly ReportContributor[];
}

/** A key result in a {@link Report}. @category Reports */
export interface ReportKeyResult {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly unit: string | null;
  readonly ownerId: string | null;
  /** Its place in the OKR process; null when the plan gives no state (it is then active). */
  readonly state: ReportState | null;
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
  /** For a key result with `aggregate`: how its value was made and from which key results; else null. */
  readonly aggregate: ReportAggregate | null;
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
  /** Its place in the OKR process; null when the plan gives no state (it is then active). */
  readonly state: ReportState | null;
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

/** A unit in a report's "People and departments" section, listed in tree order with its depth. @category Reports */
export interface ReportUnit {
  readonly id: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly depth: number;
  readonly parentId: string | null;
  /** The weighted mean of the unit's own objectives' scores, or null. */
  readonly score: number | null;
  /** The weighted mean over the objectives of the unit and every unit below it, or null. */
  readonly total: number | null;
  /** The worst status among those objectives, or null. */
  readonly status: Status | null;
  /** How many objectives the unit and the units below it own. */
  readonly objectives: number;
  /** The unit's KPI scorecard total (0–100, rolled up the unit tree), or null. */
  readonly kpiTotal: number | null;
  readonly kpiRating: string | null;
}

/** An owner in a report's "People and departments" section. @category Reports */
export interface ReportOwner {
  readonly id: string;
  /** The name of the person's own unit (level individual, same id), or null. */
  readonly name: string | null;
  /** The weighted mean of the owner's objectives' scores, or null. */
  readonly score: number | null;
  readonly status: Status | null;
  readonly objectives: number;
  /** The total of the KPIs the owner owns (0–100), or null. */
  readonly kpiTotal: number | null;
  readonly kpiRating: string | null;
}

/** The "People and departments" section of a {@link Report}: the unit tree and the owners, OKR scores beside KPI scorecards. @category Reports */
export interface ReportPeople {
  readonly units: readonly ReportUnit[];
  readonly owners: readonly ReportOwner[];
}

/** Everything a report shows, as plain data: what {@link renderText}, {@link renderHtml} and the others draw. @category Reports */
export interface Report {
  readonly title: string;
  readonly asOf: string | null;
  readonly locale: Locale;
  /** The plain mean of the top objectives' scores, or null; draft and proposed ones are left out unless `includeDrafts`. */
  readonly score: number | null;
  /**
   * How many records the plan has; `checkInsOutsideCycle` counts the check-ins dated
   * before or after their key result's cycle, which the scores leave out.
   */
  readonly counts: {
    readonly objectives: number;
    readonly keyResults: number;
    readonly kpis: number;
    readonly checkIns: number;
    readonly checkInsOutsideCycle: number;
  };
  /** How many objectives have each status. */
  readonly statuses: Readonly<Partial<Record<Status, number>>>;
  readonly objectives: readonly ReportObjective[];
  readonly kpis: readonly ReportKpi[];
  readonly scorecards: readonly ReportScorecard[];
  readonly findings: readonly LintFinding[];
  /** The "People and departments" section; left out when the report does not show it (see {@link ReportOptions}'s `people`). */
  readonly people?: ReportPeople;
}

/** Options for {@link buildReport}. @category Reports */
export interface ReportOptions {
  /** The date to report at; each cycle's end when omitted. */
  readonly asOf?: string;
  /** `en` (default) or `vi`, for lint findings and every renderer's words. */
  readonly locale?: Locale;
  /** The report's title; the plan's name by default. */
  readonly title?: string;
  /** Show the "People and departments" section: by default when some objective or key result has an owner. */
  readonly people?: boolean;
  /** Count draft and proposed objectives and key results in the rollups, as `evaluate`'s `includeDrafts` does; off by default. */
  readonly includeDrafts?: boolean;
  /** A kit from `createOkrkit`: the plan's plug-in key results are evaluated, linted and drawn with its plug-ins. */
  readonly kit?: ReportKit;
}

/**
 * What {@link buildReport} uses of a kit made by `createOkrkit`: its `evaluate`, `lintPlan`
 * and `keyResultProgress`, which know the kit's plug-in kinds and scoring rules. Any kit
 * is one; pass it as `kit` to report on a plan with plug-in key results.
 *
 * @example
 * const okr = createOkrkit({ kinds: [nps] });
 * const kit: ReportKit = okr;
 * buildReport(okr.parsePlan(json), { kit });
 * @category Reports
 */
export interface ReportKit {
  /** The kit's `evaluate`: scores and rollups, plug-in key results measured by their kind. */
  evaluate(plan: DeepReadonly<Plan>, options?: EvaluateOptions): Evaluation;
  /** The kit's `lintPlan`: the coach's findings. */
  lintPlan(plan: DeepReadonly<Plan>, options?: LintOptions): LintFinding[];
  /** The kit's `keyResultProgress`: a plug-in key result's progress at a date, for its line in the report. */
  keyResultProgress(keyResult: DeepReadonly<KeyResult>, checkIns?: readonly DeepReadonly<CheckIn>[], options?: KeyResultProgressOptions): KeyResultProgress;
}



/**
 * What {@link buildReport} reports on: a plan from `parsePlan`, or with a `kit` one from
 * the kit's `parsePlan`, whose key results may be of its plug-in kinds.
 *
 * @example
 * const plan: ReportPlan = createOkrkit({ kinds: [nps] }).parsePlan(json);
 * @category Reports
 */
export type ReportPlan = DeepReadonly<Plan> | DeepReadonly<PlanWith<readonly KeyResultKindPlugin[]>>;
