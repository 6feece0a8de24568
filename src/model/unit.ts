import * as z from 'zod/v4';
import { Id, Meta, Text } from './primitives.js';

/**
 * The level of an org unit, from the whole company down to one person.
 *
 * @example
 * UnitLevel.parse('team')
 * //=> 'team'
 * @category Schemas
 */
export const UnitLevel = /*@__PURE__*/ z.enum(['company', 'department', 'team', 'individual']);
/** @category Schemas */
export type UnitLevel = z.infer<typeof UnitLevel>;

/**
 * An org unit that owns objectives: the company, a department, a team or a person.
 *
 * @example
 * Unit.parse({ id: 'sales', name: 'Sales', level: 'department', parentId: 'xyz' })
 * //=> { id: 'sales', name: 'Sales', level: 'department', parentId: 'xyz' }
 * @category Schemas
 */
export const Unit = /*@__PURE__*/ z.strictObject({
  id: Id,
  name: Text,
  level: UnitLevel,
  parentId: Id.optional(),
  meta: Meta.optional(),
});
/** @category Schemas */
export type Unit = z.infer<typeof Unit>;
