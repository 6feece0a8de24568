import * as z from 'zod';
import { DECIMAL_STRING } from '../_lib/numeric.js';
import { messages } from '../messages/where.js';
import { english } from '../messages/message.js';

/**
 * An identifier: a non-empty string of at most 256 characters. Ids are compared
 * exactly; `__proto__` or `constructor` are ordinary ids.
 *
 * @example
 * Id.parse('kr-sales-1')
 * //=> 'kr-sales-1'
 * @category Schemas
 */
export const Id = /*@__PURE__*/ z.string().min(1).max(256);
/** @category Schemas */
export type Id = z.infer<typeof Id>;

/**
 * A calendar date `YYYY-MM-DD` (a real date: `2026-02-30` is rejected).
 *
 * @example
 * CalendarDate.parse('2026-07-01')
 * //=> '2026-07-01'
 * @category Schemas
 */
export const CalendarDate = /*@__PURE__*/ z.iso.date({ error: english(messages.invalidDate) });
/** @category Schemas */
export type CalendarDate = z.infer<typeof CalendarDate>;

/**
 * When something happened: a calendar date, or an ISO date-time with an offset
 * (`2026-07-01T09:30:00+07:00`). It counts on the calendar date written in it, so no
 * result depends on the machine's time zone.
 *
 * @example
 * Timestamp.parse('2026-07-01T23:30:00-05:00')
 * //=> '2026-07-01T23:30:00-05:00' (counts on 2026-07-01)
 * @category Schemas
 */
export const Timestamp = /*@__PURE__*/ z.union(
  [z.iso.date(), z.iso.datetime({ offset: true })],
  { error: english(messages.invalidTimestamp) },
);
/** @category Schemas */
export type Timestamp = z.infer<typeof Timestamp>;

/**
 * A number as JSON carries it: a finite number, or a decimal string such as
 * `"1234.56"` or `"1e-3"` for values that must stay exact.
 *
 * @example
 * Numeric.parse('0.1')
 * //=> '0.1'
 * @category Schemas
 */
export const Numeric = /*@__PURE__*/ z.union([z.number(), z.string().regex(DECIMAL_STRING, { error: english(messages.invalidNumber) })], {
  error: english(messages.invalidNumber),
});
/** @category Schemas */
export type Numeric = z.infer<typeof Numeric>;

/**
 * A relative weight: zero or more, as a number or an unsigned decimal string. Weights
 * are normalised within their siblings, so `1, 1, 2` means 25 %, 25 %, 50 %; weight 0
 * excludes an item.
 *
 * @example
 * Weight.parse(2)
 * //=> 2
 * @category Schemas
 */
export const Weight = /*@__PURE__*/ z.union(
  [z.number().min(0, { error: english(messages.negativeWeight) }), z.string().regex(/^\+?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/, { error: english(messages.negativeWeight) })],
  { error: english(messages.negativeWeight) },
);
/** @category Schemas */
export type Weight = z.infer<typeof Weight>;

/**
 * A share from 0 to 1, such as a confidence or an initiative's progress.
 *
 * @example
 * Fraction.parse(0.7)
 * //=> 0.7
 * @category Schemas
 */
export const Fraction = /*@__PURE__*/ z.number().min(0).max(1);
/** @category Schemas */
export type Fraction = z.infer<typeof Fraction>;

/**
 * Free-form data an application keeps with a record; okrkit carries it and never
 * reads it.
 *
 * @example
 * Meta.parse({ crmId: 'A-17' })
 * //=> { crmId: 'A-17' }
 * @category Schemas
 */
export const Meta = /*@__PURE__*/ z.record(z.string(), z.unknown());
/** @category Schemas */
export type Meta = z.infer<typeof Meta>;
