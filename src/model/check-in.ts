import * as z from 'zod/v4';
import { Fraction, Id, Meta, Numeric, Text, Timestamp } from './primitives.js';

/**
 * One update of a key result: the value measured (`value`), or for a binary key
 * result whether it is `done`, with an optional confidence from 0 to 1 and a note.
 *
 * @example
 * CheckIn.parse({ keyResultId: 'kr1', at: '2026-08-15', value: 120, confidence: 0.8 })
 * //=> { keyResultId: 'kr1', at: '2026-08-15', value: 120, confidence: 0.8 }
 * @category Key results
 */
export const CheckIn = /*@__PURE__*/ z.strictObject({
  id: Id.optional(),
  keyResultId: Id,
  at: Timestamp,
  value: Numeric.optional(),
  done: z.boolean().optional(),
  confidence: Fraction.optional(),
  note: Text.optional(),
  authorId: Id.optional(),
  meta: Meta.optional(),
});
/** @category Key results */
export type CheckIn = z.infer<typeof CheckIn>;
