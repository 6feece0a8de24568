import * as z from 'zod/v4';
import { discriminatedUnion } from '../_lib/zod-union.js';
import { AlignmentLink } from './objective.js';
import { CalendarDate, FinalScore, Id, Meta, NodeWeight, Numeric, Text, Weight } from './primitives.js';
import { OkrState, StateChange } from './process.js';

/**
 * How a key result's current value comes from its check-ins at or before `asOf` within
 * its cycle: the `latest` one (default), their `sum` (each an increment on `start`),
 * `average`, `min` or `max`.
 *
 * @example
 * ValueFrom.parse('sum')
 * //=> 'sum'
 * @category Key results
 */
export const ValueFrom = /*@__PURE__*/ z.enum(['latest', 'sum', 'average', 'min', 'max']);
/** @category Key results */
export type ValueFrom = z.infer<typeof ValueFrom>;

/**
 * One band of a `steps` scoring: progress at or above `min` earns `score`; with
 * `exclusive: true`, only progress above `min` does (exactly `min` falls in the band
 * below), so "fail ≤ 30 % < commit ≤ 70 % < target < 100 % ≤ stretch" is
 * `[{ min: 0, score: 0 }, { min: 0.3, exclusive: true, score: 0.5 }, { min: 0.7, exclusive: true, score: 0.8 }, { min: 1, score: 1 }]`.
 *
 * @example
 * ScoringStep.parse({ min: 0.7, score: 0.7 })
 * //=> { min: 0.7, score: 0.7 }
 * ScoringStep.parse({ min: 0.3, exclusive: true, score: 0.5 })
 * //=> { min: 0.3, exclusive: true, score: 0.5 }
 * @category Key results
 */
export const ScoringStep = /*@__PURE__*/ z.strictObject({
  min: z.number().min(0),
  exclusive: z.boolean().optional(),
  score: z.number().min(0),
});
/** @category Key results */
export type ScoringStep = z.infer<typeof ScoringStep>;

/**
 * How progress becomes a score: `linear` (score = progress, the default), `steps`,
 * where each band of completion earns a set score, as in the seeds' KPI templates
 * (progress below every band scores 0), or `plugin`: a rule registered with
 * {@link defineScoring} and {@link createOkrkit}.
 *
 * @example
 * Scoring.parse({ type: 'steps', steps: [{ min: 1, score: 1 }, { min: 0.7, score: 0.7 }, { min: 0.4, score: 0.3 }] })
 * //=> the same object
 * @category Key results
 */
export const Scoring = /*@__PURE__*/ discriminatedUnion('type', [
  z.strictObject({ type: z.literal('linear') }),
  z.strictObject({ type: z.literal('steps'), steps: z.array(ScoringStep).min(1) }),
  z.strictObject({ type: z.literal('plugin'), id: Id }),
]);
/** @category Key results */
export type Scoring = z.infer<typeof Scoring>;

/**
 * For threshold and range key results: judge the `current` value (default) or the
 * share of check-ins that met the condition (`shareOfCheckIns`).
 *
 * @example
 * MeetMeasure.parse('shareOfCheckIns')
 * //=> 'shareOfCheckIns'
 * @category Key results
 */
export const MeetMeasure = /*@__PURE__*/ z.enum(['current', 'shareOfCheckIns']);
/** @category Key results */
export type MeetMeasure = z.infer<typeof MeetMeasure>;

/** The fields every key-result kind has, plug-in kinds included; `state` and `history` place it in the OKR process (see `advanceKeyResult`). */
export const keyResultCommon = {
  id: Id,
  objectiveId: Id,
  title: Text,
  weight: NodeWeight.optional(),
  unit: Text.optional(),
  valueFrom: ValueFrom.optional(),
  scoring: Scoring.optional(),
  source: z.strictObject({ kpiId: Id }).optional(),
  finalScore: FinalScore.optional(),
  ownerId: Id.optional(),
  carriedFrom: Id.optional(),
  state: OkrState.optional(),
  history: z.array(StateChange).optional(),
  links: z.array(AlignmentLink).optional(),
  description: Text.optional(),
  meta: Meta.optional(),
};

/**
 * An intermediate target on a date, for key results that should not move in a straight
 * line (sales that peak at the end of the quarter, say).
 *
 * @example
 * Phase.parse({ at: '2026-08-31', target: 40 })
 * //=> { at: '2026-08-31', target: 40 }
 * @category Key results
 */
export const Phase = /*@__PURE__*/ z.strictObject({
  at: CalendarDate,
  target: Numeric,
});
/** @category Key results */
export type Phase = z.infer<typeof Phase>;

/**
 * A key result that moves a number from `start` to `target`; it is a decrease when the
 * target is below the start (bugs 100 → 60). `phases` set intermediate targets: the
 * expected progress then follows them instead of a straight line. With `aggregate`, its
 * current value is not checked in but made from the values of the key results that link
 * to it with `contributes: true` (their `sum`, `average`, `min`, `max` or the `latest`
 * checked in), as a company's revenue is the sum of its products' revenues.
 *
 * @example
 * MetricKeyResult.parse({ id: 'kr1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 100, target: 120 })
 * //=> the same object
 * @category Key results
 */
export const MetricKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('metric'),
  start: Numeric,
  target: Numeric,
  phases: z.array(Phase).optional(),
  aggregate: ValueFrom.optional(),
});
/** @category Key results */
export type MetricKeyResult = z.infer<typeof MetricKeyResult>;

/**
 * A key result met while a value stays at least (or at most) a level, such as
 * "churn at most 10 %". `inclusive` (default true) says whether the level itself counts.
 *
 * @example
 * ThresholdKeyResult.parse({ id: 'kr3', objectiveId: 'o1', title: 'Churn ≤ 10 %', kind: 'threshold', comparator: 'atMost', value: 10 })
 * //=> the same object
 * @category Key results
 */
export const ThresholdKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('threshold'),
  comparator: z.enum(['atLeast', 'atMost']),
  value: Numeric,
  inclusive: z.boolean().optional(),
  measure: MeetMeasure.optional(),
});
/** @category Key results */
export type ThresholdKeyResult = z.infer<typeof ThresholdKeyResult>;

/**
 * A key result met while a value stays between `min` and `max` (inclusive), widened
 * by `tolerance` on both sides.
 *
 * @example
 * RangeKeyResult.parse({ id: 'kr4', objectiveId: 'o1', title: 'Utilisation 80–90 %', kind: 'range', min: 80, max: 90 })
 * //=> the same object
 * @category Key results
 */
export const RangeKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('range'),
  min: Numeric,
  max: Numeric,
  tolerance: Numeric.optional(),
  measure: MeetMeasure.optional(),
});
/** @category Key results */
export type RangeKeyResult = z.infer<typeof RangeKeyResult>;

/**
 * A key result that is done or not, from its latest check-in's `done` flag (or a
 * non-zero `value`).
 *
 * @example
 * BinaryKeyResult.parse({ id: 'kr5', objectiveId: 'o2', title: 'Website 2.0 live', kind: 'binary' })
 * //=> the same object
 * @category Key results
 */
export const BinaryKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('binary'),
});
/** @category Key results */
export type BinaryKeyResult = z.infer<typeof BinaryKeyResult>;

/**
 * One step of a milestones key result. It counts as done at `asOf` when `doneAt` is on
 * or before it, or when `done` is true and no `doneAt` is given.
 *
 * @example
 * Milestone.parse({ title: 'Wireframes', doneAt: '2026-07-25' })
 * //=> { title: 'Wireframes', doneAt: '2026-07-25' }
 * @category Key results
 */
export const Milestone = /*@__PURE__*/ z.strictObject({
  id: Id.optional(),
  title: Text,
  weight: Weight.optional(),
  done: z.boolean().optional(),
  doneAt: CalendarDate.optional(),
  due: CalendarDate.optional(),
});
/** @category Key results */
export type Milestone = z.infer<typeof Milestone>;

/**
 * A key result made of weighted steps; progress is the weighted share done.
 *
 * @example
 * MilestonesKeyResult.parse({ id: 'kr6', objectiveId: 'o2', title: 'Redesign', kind: 'milestones', milestones: [{ title: 'Wireframes', done: true }, { title: 'Build' }] })
 * //=> the same object
 * @category Key results
 */
export const MilestonesKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('milestones'),
  milestones: z.array(Milestone).min(1),
});
/** @category Key results */
export type MilestonesKeyResult = z.infer<typeof MilestonesKeyResult>;

/**
 * A number that is measured to learn where things stand, never scored; it is left
 * out of every rollup. `start` is an optional known starting value.
 *
 * @example
 * BaselineKeyResult.parse({ id: 'kr7', objectiveId: 'o3', title: 'Employee NPS today', kind: 'baseline' })
 * //=> the same object
 * @category Key results
 */
export const BaselineKeyResult = /*@__PURE__*/ z.strictObject({
  ...keyResultCommon,
  kind: z.literal('baseline'),
  start: Numeric.optional(),
});
/** @category Key results */
export type BaselineKeyResult = z.infer<typeof BaselineKeyResult>;

/**
 * A measurable result that shows an objective is met (the seeds' "Kết quả then chốt"),
 * one of six kinds told apart by `kind`.
 *
 * @example
 * KeyResult.parse({ id: 'kr2', objectiveId: 'o2', title: 'Bugs down to 60', kind: 'metric', start: 100, target: 60 })
 * //=> a MetricKeyResult
 * @category Key results
 */
export const KeyResult = /*@__PURE__*/ discriminatedUnion('kind', [
  MetricKeyResult,
  ThresholdKeyResult,
  RangeKeyResult,
  BinaryKeyResult,
  MilestonesKeyResult,
  BaselineKeyResult,
]);
/** @category Key results */
export type KeyResult = z.infer<typeof KeyResult>;
/** @category Key results */
export type KeyResultKind = KeyResult['kind'];
