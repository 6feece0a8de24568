/**
 * The okrkit library: schemas, parsing, scoring, rollups, KPIs, scorecards, the plan
 * linter, formatting and messages.
 *
 * ```ts
 * import { parsePlan, evaluate } from 'okrkit';
 * ```
 *
 * @module okrkit
 */
export { OkrkitError, isOkrkitError, formatPath } from './messages/okrkit-error.js';
export type { OkrkitErrorCode, OkrkitIssue, OkrkitIssueCode } from './messages/okrkit-error.js';

export type { DeepReadonly } from './model/deep-readonly.js';
export { Id, CalendarDate, Timestamp, Numeric, Weight, NodeWeight, Fraction, Meta } from './model/primitives.js';
export { Cycle, CycleState } from './model/cycle.js';
export { yearCycle, halfCycles, quarterCycles, monthCycles } from './time/cycles.js';
export type { CycleOptions } from './time/cycles.js';
export { cycleAt, elapsed, cycleState } from './time/cycle-query.js';
export { carryOver } from './carry-over/carry-over.js';
export { OkrState, StateChange } from './model/process.js';
export { advanceObjective, advanceKeyResult, checkObjectiveTransition, checkKeyResultTransition } from './process/advance.js';
export type { TransitionCheck, TransitionOptions } from './process/advance.js';
export { nextStates, stateOf } from './process/steps.js';
export type { CarryOverOptions } from './carry-over/carry-over.js';
export { Unit, UnitLevel } from './model/unit.js';
export { Objective, Commitment, RollupMode, AlignmentLink } from './model/objective.js';
export {
  KeyResult,
  MetricKeyResult,
  ThresholdKeyResult,
  RangeKeyResult,
  BinaryKeyResult,
  MilestonesKeyResult,
  BaselineKeyResult,
  Milestone,
  Phase,
  Scoring,
  ScoringStep,
  ValueFrom,
  MeetMeasure,
} from './model/key-result.js';
export type { KeyResultKind } from './model/key-result.js';
export { Initiative, InitiativeStatus } from './model/initiative.js';
export { CheckIn } from './model/check-in.js';
export { Plan } from './model/plan.js';
export type { PlanInput } from './model/plan.js';
export { parsePlan, safeParsePlan } from './model/parse.js';
export { planJsonSchema } from './model/json-schema.js';
export type { ParsePlanOptions, SafeParsePlanResult } from './model/parse.js';
export { calendarDay } from './model/instant.js';
export type { AtInstant, DateInput } from './model/instant.js';

export { keyResultProgress } from './measure/progress.js';
export type { KeyResultProgress, KeyResultProgressOptions } from './measure/progress.js';
export { scoreWeightedMean } from './evaluate/weighted-mean.js';
export type { WeightedScore } from './evaluate/weighted-mean.js';
export { evaluate } from './evaluate/evaluate.js';
export { recordOf } from './evaluate/record-of.js';
export { evaluateColumns, STATUS_CODES, GRADE_CODES } from './evaluate/columns.js';
export type { EvaluationColumns, ObjectiveColumns, KeyResultColumns } from './evaluate/columns.js';
export { createLiveEvaluation } from './evaluate/live.js';
export { evaluateShard, mergeShards } from './evaluate/shard.js';
export type { EvaluationShard } from './evaluate/shard.js';
export type { ValueContribution } from './evaluate/value-rollups.js';
export type { Measured } from './evaluate/evaluate.js';
export type { LiveEvaluation, EvaluationChanges } from './evaluate/live.js';
export type {
  Contribution,
  EvaluateOptions,
  Evaluation,
  KeyResultEvaluation,
  ObjectiveEvaluation,
} from './evaluate/evaluate.js';

export { Status, paceStatus, worstStatus } from './time/status.js';
export type { StatusOptions } from './time/status.js';
export { expectedProgress } from './time/expected.js';
export { confidenceFromScale, confidenceToScale } from './time/confidence.js';
export { Grade, grade } from './time/grade.js';
export type { GradeOptions } from './time/grade.js';
export { forecastKeyResult } from './time/forecast.js';
export type { Forecast, ForecastOptions } from './time/forecast.js';
export { keyResultHistory } from './time/history.js';
export type { HistoryPoint, KeyResultHistoryOptions } from './time/history.js';

export {
  Kpi,
  KpiTarget,
  KpiTimeframe,
  DataSource,
  TrackingFrequency,
  KpiAggregation,
  KpiThresholdRule,
  KpiScoring,
  ScaleAnchor,
  Perspective,
  Rag,
  Measurement,
} from './model/kpi.js';
export { evaluateKpi, kpiAttainment } from './kpi/evaluate-kpi.js';
export type { KpiEvaluation, KpiOptions } from './kpi/evaluate-kpi.js';
export { kpiSeries } from './kpi/series.js';
export type { KpiBucket, KpiSeries, KpiSeriesOptions } from './kpi/series.js';
export { evaluateKpis } from './kpi/evaluate-kpis.js';
export type { EvaluateKpisOptions } from './kpi/evaluate-kpis.js';
export { kpiAlerts } from './kpi/alerts.js';
export type { KpiAlert, KpiAlertsOptions } from './kpi/alerts.js';
export { scorecard, scorecardByUnit } from './kpi/scorecard.js';
export type { RatingBand, Scorecard, ScorecardLine, ScorecardOptions, UnitScorecard } from './kpi/scorecard.js';

export { performance } from './people/performance.js';
export { performanceColumns } from './people/columns.js';
export type {
  OwnerPerformance,
  Performance,
  PerformanceContributor,
  PerformanceOf,
  PerformanceOptions,
  PerformanceSummary,
  UnitPerformance,
} from './people/types.js';
export type { PerformanceColumns, UnitPerformanceColumns, OwnerPerformanceColumns, SummaryColumns } from './people/columns.js';

export { defineKeyResultKind, defineScoring, createOkrkit } from './kit.js';
export type { KeyResultKindPlugin, ScoringRule, PluginKeyResult, PlanWith, Okrkit } from './kit.js';
export type { KeyResultKindContext } from './model/context.js';

export { lintPlan, LINT_RULES } from './lint/lint.js';
export type { LintCode, LintFinding, LintOptions, Severity } from './lint/lint.js';

export { formatScore, toScale } from './format/score.js';
export type { FormatScoreOptions, ScoreScale } from './format/score.js';
export { formatValue } from './format/value.js';
export type { FormatValueOptions } from './format/value.js';
export { translate, localizeIssue, localizeError, label } from './messages/localize.js';
export type { LabelKey } from './messages/localize.js';
export type { Locale } from './messages/locale.js';
export type { Message, MessageParam } from './messages/message.js';
export type { MessageKey } from './messages/en.js';
