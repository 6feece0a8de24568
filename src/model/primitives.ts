import * as z from 'zod/v4';
import { DECIMAL_STRING } from '../_lib/numeric.js';
import { messages } from '../messages/where.js';
import { english, msg } from '../messages/message.js';

/** Characters from U+0300 on may compose or decompose; text without any is already NFC. */
const MAY_CHANGE_IN_NFC = /[\u0300-\uffff]/;

/** A string in Unicode's composed form (NFC), without the cost of normalising plain text. */
const toNfc = (s: string): string => (MAY_CHANGE_IN_NFC.test(s) ? s.normalize('NFC') : s);

/**
 * Text, such as a title, a name or a note. It is read in Unicode's composed form (NFC),
 * so text typed on one system and pasted from another compares equal.
 *
 * @example
 * Text.parse('Ta\u0306ng').length
 * //=> 3 ('Tăng', composed)
 * @category Schemas
 */
export const Text = /*@__PURE__*/ z.string().overwrite(toNfc);
/** @category Schemas */
export type Text = z.infer<typeof Text>;

/**
 * An identifier: a non-empty string of at most 256 characters. Ids are read in Unicode's
 * composed form (NFC), so `Tăng` typed with a combining breve matches `Tăng` typed
 * composed; then they are compared exactly. `__proto__` or `constructor` are ordinary ids.
 *
 * @example
 * Id.parse('kr-sales-1')
 * //=> 'kr-sales-1'
 * @category Schemas
 */
export const Id = /*@__PURE__*/ z.string().overwrite(toNfc).min(1).max(256);
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
 * The weight of an objective or a key result: a {@link Weight}, or `'target'`, which
 * weighs a metric key result by the size of its target (`|target|`) and an objective by
 * the total of its metric key results' targets, so 100,000 / 20,000 / 1,000 USD goals
 * weigh 82.6 % / 16.5 % / 0.8 %.
 *
 * @example
 * NodeWeight.parse('target')
 * //=> 'target'
 * @category Schemas
 */
export const NodeWeight = /*@__PURE__*/ z.union([Weight, z.literal('target')], { error: english(messages.negativeWeight) });
/** @category Schemas */
export type NodeWeight = z.infer<typeof NodeWeight>;

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
 * A score set by hand: a fraction of the target from 0 to 1 (0.75, not 75). A value
 * above 1 is an error that says so.
 *
 * @example
 * FinalScore.parse(0.75)
 * //=> 0.75
 * @category Schemas
 */
export const FinalScore = /*@__PURE__*/ z.number().min(0).max(1, { error: english(msg('schema.finalScoreAbove')) });
/** @category Schemas */
export type FinalScore = z.infer<typeof FinalScore>;

/** How many levels of objects and arrays a `meta` may hold, itself included. */
const META_MAX_DEPTH = 32;

/** One value met while walking a `meta`: where it is and how deep. */
interface MetaNode {
  readonly value: object;
  readonly depth: number;
  readonly parent: MetaNode | null;
  readonly key: string | number;
}

const pathTo = (node: MetaNode): (string | number)[] => {
  const path: (string | number)[] = [];
  for (let n: MetaNode | null = node; n !== null && n.parent !== null; n = n.parent) path.push(n.key);
  return path.reverse();
};

/**
 * The first value of a `meta` nested deeper than `META_MAX_DEPTH` (32), or null. It walks
 * without recursion, so no depth overflows the stack, and visits an object again only
 * when it is met deeper than before (a loop is reported as too deep).
 */
function tooDeepIn(meta: object): (string | number)[] | null {
  const deepest = new Map<object, number>();
  const stack: MetaNode[] = [{ value: meta, depth: 1, parent: null, key: '' }];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.depth > META_MAX_DEPTH) return pathTo(node);
    const seen = deepest.get(node.value);
    if (seen !== undefined && seen >= node.depth) continue;
    deepest.set(node.value, node.depth);
    const parent = node;
    const visit = (value: unknown, key: string | number) => {
      if (typeof value === 'object' && value !== null) stack.push({ value, depth: parent.depth + 1, parent, key });
    };
    if (Array.isArray(node.value)) node.value.forEach(visit);
    else for (const [key, value] of Object.entries(node.value)) visit(value, key);
  }
  return null;
}

/**
 * Free-form data an application keeps with a record; okrkit carries it and never
 * reads it. This is where custom fields go: every other key of a record must be one
 * okrkit knows. It may nest up to 32 levels of objects and arrays.
 *
 * @example
 * Meta.parse({ crmId: 'A-17' })
 * //=> { crmId: 'A-17' }
 * @category Schemas
 */
export const Meta = /*@__PURE__*/ z.record(z.string(), z.unknown()).superRefine((meta, ctx) => {
  const path = tooDeepIn(meta);
  if (path !== null) ctx.addIssue({ code: 'custom', path, params: { okrkit: 'schema.metaTooDeep', code: 'invalid_value', max: META_MAX_DEPTH } });
});
/** @category Schemas */
export type Meta = z.infer<typeof Meta>;
