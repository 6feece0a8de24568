import * as z from 'zod/v4';
import { CalendarDate, Fraction, Id, Meta, Text } from './primitives.js';

/**
 * Where an initiative stands.
 *
 * @example
 * InitiativeStatus.parse('inProgress')
 * //=> 'inProgress'
 * @category Objectives
 */
export const InitiativeStatus = /*@__PURE__*/ z.enum(['planned', 'inProgress', 'done', 'blocked']);
/** @category Objectives */
export type InitiativeStatus = z.infer<typeof InitiativeStatus>;

/**
 * Work that moves a key result or an objective (the seeds' "sáng kiến"). Initiatives
 * do not count toward scores unless their objective sets `initiativeWeight`.
 *
 * @example
 * Initiative.parse({ id: 'i1', title: 'Launch the ads campaign', keyResultId: 'kr2', status: 'inProgress' })
 * //=> { id: 'i1', title: 'Launch the ads campaign', keyResultId: 'kr2', status: 'inProgress' }
 * @category Objectives
 */
export const Initiative = /*@__PURE__*/ z.strictObject({
  id: Id,
  title: Text,
  keyResultId: Id.optional(),
  objectiveId: Id.optional(),
  status: InitiativeStatus,
  ownerId: Id.optional(),
  due: CalendarDate.optional(),
  progress: Fraction.optional(),
  meta: Meta.optional(),
});
/** @category Objectives */
export type Initiative = z.infer<typeof Initiative>;
