import type * as z from 'zod/v4';
// A named import, not `z.core.$ZodObject`: reading `core` off the namespace makes bundlers keep
// all of zod's core, every locale included.
import { $ZodObject } from 'zod/v4/core';
import { messages } from '../messages/where.js';
import { issue as makeIssue, OkrkitError, type OkrkitIssue, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { en, type MessageKey } from '../messages/en.js';
import { english, msg, type Message, type MessageParam } from '../messages/message.js';
import { closestName } from './closest.js';

/** The known keys of the objects that had unknown ones, found while parsing. */
type KnownKeys = WeakMap<object, readonly string[]>;

/** Reads an issue's input (parses report it) and the values of a custom issue's params. */
type Reader = (i: z.core.$ZodIssue) => [OkrkitIssueCode, Message];

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

const inputOf = (i: z.core.$ZodIssue): unknown => (i as unknown as { input?: unknown }).input;

/** `finalScore` above 1: a percentage written where a fraction belongs, said so with the fraction. */
const finalScoreAboveOne: Reader = (i) => {
  const value = inputOf(i);
  if (typeof value !== 'number') return ['invalid_value', msg('schema.finalScoreAbove', { value: String(value) })];
  if (value <= 100) return ['invalid_value', msg('schema.finalScorePercent', { value, fraction: value / 100 })];
  return ['invalid_value', msg('schema.finalScoreAbove', { value })];
};

/**
 * okrkit's own schema messages, recognised by their English text. They are set on the
 * schemas themselves, which outranks anything a host application configures in zod.
 */
const OWN: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [en['issue.invalidNumber'], () => ['invalid_number', msg('issue.invalidNumber')]],
  [en['issue.negativeWeight'], () => ['invalid_weight', msg('issue.negativeWeight')]],
  [en['issue.invalidDate'], () => ['invalid_date', msg('issue.invalidDate')]],
  [en['issue.invalidTimestamp'], () => ['invalid_date', msg('issue.invalidTimestamp')]],
  [en['issue.kpiMissingTarget'], () => ['missing_kpi_part', msg('issue.kpiMissingTarget')]],
  [en['issue.kpiMissingTimeframe'], () => ['missing_kpi_part', msg('issue.kpiMissingTimeframe')]],
  [en['issue.kpiMissingDataSource'], () => ['missing_kpi_part', msg('issue.kpiMissingDataSource')]],
  [en['issue.kpiMissingFrequency'], () => ['missing_kpi_part', msg('issue.kpiMissingFrequency')]],
  [en['schema.finalScoreAbove'], finalScoreAboveOne],
]);

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && !Number.isFinite(input)) return String(input);
  return typeof input;
}

/**
 * The message of a custom issue raised by okrkit's own checks: its params carry the
 * catalogue key (`okrkit`), the issue code (`code`) and the placeholders' values.
 */
function customOf(params: Record<string, unknown> | undefined): [OkrkitIssueCode, Message] {
  const key = params?.['okrkit'];
  if (typeof key !== 'string' || !Object.hasOwn(en, key)) return ['invalid_value', msg('schema.invalid')];
  const values: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
  }
  const code = params?.['code'];
  return [typeof code === 'string' ? (code as OkrkitIssueCode) : 'invalid_value', msg(key as MessageKey, values)];
}

/**
 * The message of a bound on a length, by what is counted (zod's `origin`: an array's
 * items or a string's characters) and in the singular for one: "at least 1 item",
 * "at most 200 characters".
 */
const lengthKey = (side: 'tooShort' | 'tooLong', origin: string, bound: number | bigint) =>
  `schema.${side}.${origin === 'array' ? 'array' : 'string'}.${Number(bound) === 1 ? 'one' : 'other'}` as const;

/**
 * The code and message of one zod issue, read from its structure (code, input, bounds):
 * never from zod's message text, which the host application's zod locale decides.
 */
function codeAndMessageOf(i: z.core.$ZodIssue): [OkrkitIssueCode, Message] {
  const own = OWN.get(i.message)?.(i);
  if (own?.[0] === 'missing_kpi_part') return own;
  // A value that is not there is missing, whatever its schema says about wrong values.
  if ((i.code === 'invalid_type' || i.code === 'invalid_union') && inputOf(i) === undefined) return ['missing', msg('schema.required')];
  if (own !== undefined) return own;
  switch (i.code) {
    case 'invalid_type':
      return ['invalid_type', msg('schema.invalidType', { expected: i.expected, received: received(inputOf(i)) })];
    case 'invalid_value':
      return ['invalid_value', msg('schema.invalidOption', { options: list(i.values) })];
    case 'invalid_union': {
      const { note, options } = i as unknown as { note?: unknown; options?: unknown };
      if (note === 'No matching discriminator' && Array.isArray(options)) return ['invalid_value', msg('schema.invalidOption', { options: list(options) })];
      return ['invalid_value', msg('schema.invalid')];
    }
    case 'too_small': {
      const minimum = String(i.minimum);
      return ['invalid_value', i.origin === 'array' || i.origin === 'string' ? msg(lengthKey('tooShort', i.origin, i.minimum), { minimum }) : msg('schema.tooSmall', { minimum })];
    }
    case 'too_big': {
      const maximum = String(i.maximum);
      return ['invalid_value', i.origin === 'array' || i.origin === 'string' ? msg(lengthKey('tooLong', i.origin, i.maximum), { maximum }) : msg('schema.tooBig', { maximum })];
    }
    case 'invalid_format':
      return i.format === 'date' ? ['invalid_date', msg('issue.invalidDate')] : ['invalid_value', msg('schema.invalid')];
    case 'custom':
      return customOf(i.params);
    default:
      return ['invalid_value', msg('schema.invalid')];
  }
}

const pathOf = (i: z.core.$ZodIssue) => i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));

/** One issue per unknown key, at the key's path, with the closest known key when one is close. */
function unknownKeys(i: z.core.$ZodIssueUnrecognizedKeys, base: readonly (string | number)[], known: KnownKeys): OkrkitIssue[] {
  const input = inputOf(i);
  const keys = typeof input === 'object' && input !== null ? (known.get(input) ?? []) : [];
  return i.keys.map((key) => {
    const suggestion = closestName(key, keys);
    const message = suggestion === undefined ? msg('schema.unknownKeyNoSuggestion', { key }) : msg('schema.unknownKey', { key, suggestion });
    return makeIssue([...base, ...pathOf(i), key], 'unknown_key', message);
  });
}

/** Turns zod's issues into okrkit issues, prefixed with `base`. */
function fromZodIssues(issues: readonly z.core.$ZodIssue[], base: readonly (string | number)[], known: KnownKeys): OkrkitIssue[] {
  return issues.flatMap((i) => {
    if (i.code === 'unrecognized_keys') return unknownKeys(i, base, known);
    const [code, message] = codeAndMessageOf(i);
    return [makeIssue([...base, ...pathOf(i)], code, message)];
  });
}

/** The result of {@link checkWith}: the parsed value, or okrkit issues. */
export type Checked<T> = { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: OkrkitIssue[] };

/**
 * Parses a value with a schema and reads the problems as okrkit issues. The parse has
 * its own error map, so the host application's zod settings (`z.config`, a locale) are
 * never consulted: codes and messages are okrkit's, whatever the host configured. It
 * also notes the known keys of every object with unknown ones, for the hint.
 */
export function checkWith<T>(schema: z.ZodType<T>, value: unknown, base: readonly (string | number)[] = []): Checked<T> {
  const known: KnownKeys = new WeakMap();
  const result = schema.safeParse(value, {
    reportInput: true,
    error: (iss) => {
      const inst = iss.inst;
      if (iss.code === 'unrecognized_keys' && inst instanceof $ZodObject && typeof iss.input === 'object' && iss.input !== null) {
        known.set(iss.input, Object.keys(inst._zod.def.shape));
      }
      return english(msg('schema.invalid'));
    },
  });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: fromZodIssues(result.error.issues, base, known) };
}

/** Parses a value whose problems are not shown, without consulting the host's zod settings. */
export function safeParseQuiet<T>(schema: z.ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
  return schema.safeParse(value, { error: () => 'invalid' });
}

/** Parses one argument of a public function, throwing `invalid_argument` with the issues. */
export function parseArgument<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = checkWith(schema, value, [name]);
  if (result.success) return result.data;
  throw new OkrkitError('invalid_argument', messages.invalidArgument(msg('arg.invalid', { name })), result.issues);
}
