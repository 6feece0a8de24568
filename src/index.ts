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
export { OkrkitError, formatPath } from './error/okrkit-error.js';
export type { OkrkitErrorCode, OkrkitIssue, OkrkitIssueCode } from './error/okrkit-error.js';

export type { DeepReadonly } from './schema/deep-readonly.js';
export { Id, CalendarDate, Timestamp, Numeric, Weight, Fraction, Meta } from './schema/primitives.js';
export { Cycle, CycleState } from './cycle/schema.js';
export { yearCycle, halfCycles, quarterCycles, monthCycles } from './cycle/generate.js';
export type { CycleOptions } from './cycle/generate.js';
export { cycleAt, elapsed, cycleState } from './cycle/query.js';
export { carryOver } from './carry-over/carry-over.js';
export type { CarryOverOptions } from './carry-over/carry-over.js';
export { Unit, UnitLevel } from './unit/schema.js';
export { Objective, Commitment, RollupMode, AlignmentLink } from './objective/schema.js';
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
} from './key-result/schema.js';
export type { KeyResultKind } from './key-result/schema.js';
export { Initiative, InitiativeStatus } from './initiative/schema.js';
export { CheckIn } from './check-in/schema.js';
export { Plan } from './plan/schema.js';
export type { PlanInput } from './plan/schema.js';
export { parsePlan, safeParsePlan } from './plan/parse.js';
export { planJsonSchema } from './json-schema/plan-schema.js';
export type { SafeParsePlanResult } from './plan/parse.js';

export { keyResultProgress } from './key-result/progress.js';
export type { KeyResultProgress, KeyResultProgressOptions } from './key-result/progress.js';
export { scoreWeightedMean } from './rollup/weighted-mean.js';
export type { WeightedScore } from './rollup/weighted-mean.js';
export { evaluate } from './rollup/evaluate.js';
export { evaluateColumns, STATUS_CODES, GRADE_CODES } from './rollup/columns.js';
export type { EvaluationColumns, ObjectiveColumns, KeyResultColumns } from './rollup/columns.js';
export { liveEvaluation } from './rollup/live.js';
export { evaluateShard, mergeShards } from './rollup/shard.js';
export type { EvaluationShard } from './rollup/shard.js';
export type { Measured } from './rollup/evaluate.js';
export type { LiveEvaluation, EvaluationChanges } from './rollup/live.js';
export type {
  Contribution,
  EvaluateOptions,
  Evaluation,
  KeyResultEvaluation,
  ObjectiveEvaluation,
} from './rollup/evaluate.js';

export { Status, paceStatus, worstStatus } from './pace/status.js';
export type { StatusOptions } from './pace/status.js';
export { expectedProgress } from './pace/expected.js';
export { confidenceFromScale, confidenceToScale } from './confidence/scale.js';
export { Grade, grade } from './grade/grade.js';
export type { GradeOptions } from './grade/grade.js';
export { forecastKeyResult } from './forecast/forecast.js';
export type { Forecast, ForecastOptions } from './forecast/forecast.js';
export { keyResultHistory } from './history/history.js';
export type { HistoryPoint, KeyResultHistoryOptions } from './history/history.js';

export {
  Kpi,
  KpiTarget,
  KpiTimeframe,
  DataSource,
  TrackingFrequency,
  KpiAggregation,
  KpiThresholdRule,
  KpiScoring,
  Perspective,
  Rag,
  Measurement,
} from './kpi/schema.js';
export { evaluateKpi, kpiActual, kpiAttainment, kpiStatus } from './kpi/evaluate-kpi.js';
export type { KpiEvaluation, KpiOptions } from './kpi/evaluate-kpi.js';
export { kpiSeries } from './kpi/series.js';
export type { KpiBucket, KpiSeries, KpiSeriesOptions } from './kpi/series.js';
export { evaluateKpis } from './kpi/evaluate-kpis.js';
export type { EvaluateKpisOptions } from './kpi/evaluate-kpis.js';
export { kpiAlerts } from './kpi/alerts.js';
export type { KpiAlert, KpiAlertsOptions } from './kpi/alerts.js';
export { scorecard, scorecardByUnit } from './scorecard/scorecard.js';
export type { RatingBand, Scorecard, ScorecardLine, ScorecardOptions, UnitScorecard } from './scorecard/scorecard.js';

export { defineKeyResultKind, defineScoring, createOkrkit } from './plugin/create.js';
export type { KeyResultKindPlugin, ScoringRule, PluginKeyResult, PlanWith, Okrkit } from './plugin/create.js';
export type { KeyResultKindContext } from './plugin/registry.js';

export { lintPlan, LINT_RULES } from './lint/lint.js';
export type { LintCode, LintFinding, LintOptions, Severity } from './lint/lint.js';

export { formatScore, toScale } from './format/score.js';
export type { FormatScoreOptions, ScoreScale } from './format/score.js';
export { formatValue } from './format/value.js';
export type { FormatValueOptions } from './format/value.js';
export { translate, localizeIssue, localizeError, label } from './i18n/localize.js';
export type { LabelKey } from './i18n/localize.js';
export type { Locale } from './i18n/locale.js';
export type { Message, MessageParam } from './i18n/message.js';
export type { MessageKey } from './i18n/en.js';
