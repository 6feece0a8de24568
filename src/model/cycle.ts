import * as z from 'zod/v4';
import { CalendarDate, Id, Meta, Text } from './primitives.js';

/**
 * Where a cycle is in its life: planned, running, being graded, or closed.
 *
 * @example
 * CycleState.parse('grading')
 * //=> 'grading'
 * @category Cycles
 */
export const CycleState = /*@__PURE__*/ z.enum(['draft', 'active', 'grading', 'closed']);
/** @category Cycles */
export type CycleState = z.infer<typeof CycleState>;

/**
 * A period objectives live in, such as a year or a quarter. `start` and `end` are
 * calendar dates and the end is inclusive. Cycles nest: a quarter names its year as
 * `parentId` and lies inside it.
 *
 * @example
 * Cycle.parse({ id: 'q3-2026', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' })
 * //=> { id: 'q3-2026', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }
 * @category Cycles
 */
export const Cycle = /*@__PURE__*/ z.strictObject({
  id: Id,
  name: Text,
  start: CalendarDate,
  end: CalendarDate,
  parentId: Id.optional(),
  state: CycleState.optional(),
  meta: Meta.optional(),
});
/** @category Cycles */
export type Cycle = z.infer<typeof Cycle>;
