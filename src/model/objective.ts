import * as z from 'zod/v4';
import { FinalScore, Id, Meta, NodeWeight, Text, Weight } from './primitives.js';
import { OkrState, StateChange } from './process.js';

/**
 * Whether an objective must be met (`committed`, expected to reach 1.0) or is a stretch
 * (`aspirational`, where 0.7 is a good result).
 *
 * @example
 * Commitment.parse('committed')
 * //=> 'committed'
 * @category Objectives
 */
export const Commitment = /*@__PURE__*/ z.enum(['committed', 'aspirational']);
/** @category Objectives */
export type Commitment = z.infer<typeof Commitment>;

/**
 * Which children an objective's score is computed from: its key results, its
 * contributing child objectives (and linked items), or both (the default).
 *
 * @example
 * RollupMode.parse('keyResults')
 * //=> 'keyResults'
 * @category Objectives
 */
export const RollupMode = /*@__PURE__*/ z.enum(['keyResults', 'children', 'both']);
/** @category Objectives */
export type RollupMode = z.infer<typeof RollupMode>;

/**
 * An extra alignment edge from this objective to another objective or to a key result
 * it supports. It only feeds the target's score when `contributes` is true, with a
 * relative `weight` (default 1).
 *
 * @example
 * AlignmentLink.parse({ to: 'kr-company-2', contributes: true, weight: 2 })
 * //=> { to: 'kr-company-2', contributes: true, weight: 2 }
 * @category Objectives
 */
export const AlignmentLink = /*@__PURE__*/ z.strictObject({
  to: Id,
  weight: Weight.optional(),
  contributes: z.boolean().optional(),
});
/** @category Objectives */
export type AlignmentLink = z.infer<typeof AlignmentLink>;

/**
 * A qualitative goal for one cycle (the seeds' "Mục tiêu"). `parentId` is the cascade
 * edge to the objective it supports, and `weight` (default 1) is its relative weight
 * in that parent's score; weight 0 aligns without contributing. `state` and `history`
 * say where it is in the OKR process (no state: `active`); see {@link advanceObjective}.
 *
 * @example
 * Objective.parse({ id: 'o1', title: 'Grow sales in Q3', cycleId: 'q3' })
 * //=> { id: 'o1', title: 'Grow sales in Q3', cycleId: 'q3' }
 * @category Objectives
 */
export const Objective = /*@__PURE__*/ z.strictObject({
  id: Id,
  title: Text,
  cycleId: Id,
  unitId: Id.optional(),
  ownerId: Id.optional(),
  commitment: Commitment.optional(),
  parentId: Id.optional(),
  links: z.array(AlignmentLink).optional(),
  weight: NodeWeight.optional(),
  rollup: RollupMode.optional(),
  initiativeWeight: Weight.optional(),
  finalScore: FinalScore.optional(),
  carriedFrom: Id.optional(),
  state: OkrState.optional(),
  history: z.array(StateChange).optional(),
  description: Text.optional(),
  meta: Meta.optional(),
});
/** @category Objectives */
export type Objective = z.infer<typeof Objective>;

