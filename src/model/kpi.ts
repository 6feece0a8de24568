import * as z from 'zod/v4';
import { discriminatedUnion } from '../_lib/zod-union.js';
import { english, msg } from '../messages/message.js';
import { ScoringStep } from './key-result.js';
import { CalendarDate, Id, Meta, Numeric, Text, Timestamp, Weight } from './primitives.js';

/** Names a missing KPI part in its error; other problems keep zod's message. */
const missing = (key: 'issue.kpiMissingTarget' | 'issue.kpiMissingTimeframe' | 'issue.kpiMissingDataSource' | 'issue.kpiMissingFrequency') => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? english(msg(key)) : undefined),
});

/**
 * A KPI's measurable target (part 1 of 4). `higher` and `lower` KPIs aim at a `value`;
 * `range` KPIs stay between `min` and `max`. An optional `baseline` (where things stand
 * today) makes attainment linear from the baseline to the target.
 *
 * @example
 * KpiTarget.parse({ polarity: 'lower', value: '0.5', baseline: '0.8' })
 * //=> { polarity: 'lower', value: '0.5', baseline: '0.8' }
 * @category KPIs
 */
export const KpiTarget = /*@__PURE__*/ discriminatedUnion('polarity', [
  z.strictObject({ polarity: z.literal('higher'), value: Numeric, baseline: Numeric.optional() }),
  z.strictObject({ polarity: z.literal('lower'), value: Numeric, baseline: Numeric.optional() }),
  z.strictObject({ polarity: z.literal('range'), min: Numeric, max: Numeric }),
], missing('issue.kpiMissingTarget'));
/** @category KPIs */
export type KpiTarget = z.infer<typeof KpiTarget>;

/**
 * When a KPI is measured (part 2 of 4): a cycle of the plan, or a date range.
 *
 * @example
 * KpiTimeframe.parse({ cycleId: 'q4-2026' })
 * //=> { cycleId: 'q4-2026' }
 * @category KPIs
 */
export const KpiTimeframe = /*@__PURE__*/ z.union([
  z.strictObject({ cycleId: Id }),
  z.strictObject({ start: CalendarDate, end: CalendarDate }),
], missing('issue.kpiMissingTimeframe'));
/** @category KPIs */
export type KpiTimeframe = z.infer<typeof KpiTimeframe>;

/**
 * Where a KPI's numbers come from (part 3 of 4): a named system such as "CRM" or
 * "payroll", with an optional kind and a reference (report id, query, sheet).
 *
 * @example
 * DataSource.parse({ name: 'CRM', kind: 'crm', ref: 'report/new-leads' })
 * //=> the same object
 * @category KPIs
 */
export const DataSource = /*@__PURE__*/ z.strictObject({
  name: Text.min(1),
  kind: Text.optional(),
  ref: Text.optional(),
}, missing('issue.kpiMissingDataSource'));
/** @category KPIs */
export type DataSource = z.infer<typeof DataSource>;

/**
 * How often a KPI is tracked (part 4 of 4).
 *
 * @example
 * TrackingFrequency.parse('weekly')
 * //=> 'weekly'
 * @category KPIs
 */
export const TrackingFrequency = /*@__PURE__*/ z.enum(['daily', 'weekly', 'monthly', 'quarterly', 'yearly'], missing('issue.kpiMissingFrequency'));
/** @category KPIs */
export type TrackingFrequency = z.infer<typeof TrackingFrequency>;

/**
 * How a KPI's measurements combine into its actual value: `sum` (cumulative counts and
 * money), `average`, `last` (the latest reading, default), `min`, `max` or `count`.
 *
 * @example
 * KpiAggregation.parse('sum')
 * //=> 'sum'
 * @category KPIs
 */
export const KpiAggregation = /*@__PURE__*/ z.enum(['sum', 'average', 'last', 'min', 'max', 'count']);
/** @category KPIs */
export type KpiAggregation = z.infer<typeof KpiAggregation>;

/**
 * Red, amber or green.
 *
 * @example
 * Rag.parse('amber')
 * //=> 'amber'
 * @category KPIs
 */
export const Rag = /*@__PURE__*/ z.enum(['green', 'amber', 'red']);
/** @category KPIs */
export type Rag = z.infer<typeof Rag>;

/**
 * One threshold rule: attainment at least `min` and below `max` (either may be left
 * out) gives `status`. Rules are tried in order and the first that matches wins.
 *
 * @example
 * KpiThresholdRule.parse({ status: 'amber', min: 0.8 })
 * //=> { status: 'amber', min: 0.8 }
 * @category KPIs
 */
export const KpiThresholdRule = /*@__PURE__*/ z.strictObject({
  status: Rag,
  min: z.number().optional(),
  max: z.number().optional(),
});
/** @category KPIs */
export type KpiThresholdRule = z.infer<typeof KpiThresholdRule>;

/**
 * One point of an `anchors` scale: the actual `value` that earns `points` (0–10).
 *
 * @example
 * ScaleAnchor.parse({ value: 60, points: 3.3 })
 * //=> { value: 60, points: 3.3 }
 * @category Scorecards
 */
export const ScaleAnchor = /*@__PURE__*/ z.strictObject({
  value: Numeric,
  points: z.number().min(0).max(10),
});
/** @category Scorecards */
export type ScaleAnchor = z.infer<typeof ScaleAnchor>;

/**
 * How a KPI's result becomes a scorecard score: `linear` (the attainment, default),
 * `steps` (bands of attainment earn set scores), `scale`: points from 0 at the
 * `redFlag` value to 10 at the `goal` value (anchors configurable), clamped to 0–10, or
 * `anchors`: points (0–10) at two or more actual values, strictly increasing or
 * strictly decreasing (lower is better), joined by straight lines and flat beyond the
 * first and the last — a scale that is not one straight line, such as Spider Impact's
 * 0 / 3.33 / 6.67 / 10 at red flag − (goal − red flag), red flag, goal and
 * goal + (goal − red flag).
 *
 * @example
 * KpiScoring.parse({ type: 'scale', goal: 100, redFlag: 60 })
 * //=> { type: 'scale', goal: 100, redFlag: 60 }
 * KpiScoring.parse({ type: 'anchors', anchors: [{ value: 20, points: 0 }, { value: 60, points: 3.3 }, { value: 100, points: 6.6 }, { value: 140, points: 10 }] })
 * //=> the same object
 * @category Scorecards
 */
export const KpiScoring = /*@__PURE__*/ discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear') }),
  z.strictObject({ type: z.literal('steps'), steps: z.array(ScoringStep).min(1) }),
  z.strictObject({
    type: z.literal('scale'),
    goal: Numeric,
    redFlag: Numeric,
    goalPoints: z.number().min(0).max(10).optional(),
    redFlagPoints: z.number().min(0).max(10).optional(),
  }),
  z.strictObject({ type: z.literal('anchors'), anchors: z.array(ScaleAnchor).min(2) }),
]);
/** @category Scorecards */
export type KpiScoring = z.infer<typeof KpiScoring>;

/**
 * The four balanced-scorecard perspectives.
 *
 * @example
 * Perspective.parse('customer')
 * //=> 'customer'
 * @category KPIs
 */
export const Perspective = /*@__PURE__*/ z.enum(['financial', 'customer', 'internal', 'learning']);
/** @category KPIs */
export type Perspective = z.infer<typeof Perspective>;

/**
 * A Key Performance Indicator (the seeds' "Chỉ số KPI") with the four parts the seeds
 * insist on — a measurable `target`, a `timeframe`, a `dataSource` and a tracking
 * `frequency` — plus how measurements aggregate, threshold rules, whether it is a
 * `leading` (cause) or `lagging` (result) indicator, its scorecard perspective, owner,
 * unit and weight.
 *
 * @example
 * Kpi.parse({
 *   id: 'new-leads', name: 'New domestic leads',
 *   target: { polarity: 'higher', value: 20 }, timeframe: { cycleId: 'q4-2026' },
 *   dataSource: { name: 'CRM' }, frequency: 'weekly', aggregation: 'sum',
 * })
 * //=> the same object
 * @category KPIs
 */
export const Kpi = /*@__PURE__*/ z.strictObject({
  id: Id,
  name: Text,
  description: Text.optional(),
  unit: Text.optional(),
  target: KpiTarget,
  timeframe: KpiTimeframe,
  dataSource: DataSource,
  frequency: TrackingFrequency,
  aggregation: KpiAggregation.optional(),
  thresholds: z.array(KpiThresholdRule).optional(),
  scoring: KpiScoring.optional(),
  indicator: z.enum(['leading', 'lagging']).optional(),
  perspective: Perspective.optional(),
  unitId: Id.optional(),
  ownerId: Id.optional(),
  weight: Weight.optional(),
  weekStartsOn: z.number().int().min(0).max(6).optional(),
  meta: Meta.optional(),
});
/** @category KPIs */
export type Kpi = z.infer<typeof Kpi>;

/**
 * One reading of a KPI.
 *
 * @example
 * Measurement.parse({ kpiId: 'new-leads', at: '2026-10-09', value: 3, source: 'CRM export' })
 * //=> the same object
 * @category KPIs
 */
export const Measurement = /*@__PURE__*/ z.strictObject({
  kpiId: Id,
  at: Timestamp,
  value: Numeric,
  note: Text.optional(),
  source: Text.optional(),
  meta: Meta.optional(),
});
/** @category KPIs */
export type Measurement = z.infer<typeof Measurement>;
