import type * as z from 'zod';
import { messages } from '../messages/where.js';
import { issue as makeIssue, OkrkitError, type OkrkitIssue, type OkrkitIssueCode } from '../messages/okrkit-error.js';
import { en, type MessageKey } from '../messages/en.js';
import { msg, type Message } from '../messages/message.js';

/** okrkit's own schema messages, recognised by their English text. */
const OWN: ReadonlyMap<string, [MessageKey, OkrkitIssueCode]> = new Map([
  [en['issue.invalidNumber'], ['issue.invalidNumber', 'invalid_number']],
  [en['issue.negativeWeight'], ['issue.negativeWeight', 'invalid_weight']],
  [en['issue.invalidDate'], ['issue.invalidDate', 'invalid_date']],
  [en['issue.invalidTimestamp'], ['issue.invalidTimestamp', 'invalid_date']],
  [en['issue.kpiMissingTarget'], ['issue.kpiMissingTarget', 'missing_kpi_part']],
  [en['issue.kpiMissingTimeframe'], ['issue.kpiMissingTimeframe', 'missing_kpi_part']],
  [en['issue.kpiMissingDataSource'], ['issue.kpiMissingDataSource', 'missing_kpi_part']],
  [en['issue.kpiMissingFrequency'], ['issue.kpiMissingFrequency', 'missing_kpi_part']],
]);

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'NaN';
  return typeof input;
}

/** The code and message of one zod issue. */
function codeAndMessageOf(i: z.core.$ZodIssue): [OkrkitIssueCode, Message] {
  const own = OWN.get(i.message);
  if (own !== undefined) return [own[1], msg(own[0])];
  const raw = i as unknown as Record<string, unknown>;
  switch (i.code) {
    case 'invalid_type':
      if (raw['input'] === undefined && i.message.endsWith('received undefined')) return ['missing', msg('schema.required')];
      return ['invalid_type', msg('schema.invalidType', { expected: String(raw['expected']), received: 'input' in raw ? received(raw['input']) : (/received (\w+)/.exec(i.message)?.[1] ?? 'another type') })];
    case 'invalid_value':
      return ['invalid_value', msg('schema.invalidOption', { options: list((raw['values'] as unknown[]) ?? []) })];
    case 'invalid_union':
      if (raw['note'] === 'No matching discriminator') return ['invalid_value', msg('schema.invalidOption', { options: list((raw['options'] as unknown[]) ?? []) })];
      return ['invalid_value', msg('schema.invalid')];
    case 'too_small': {
      const origin = raw['origin'];
      const minimum = String(raw['minimum']);
      return ['invalid_value', msg(origin === 'array' || origin === 'string' ? 'schema.tooShort' : 'schema.tooSmall', { minimum })];
    }
    case 'too_big': {
      const origin = raw['origin'];
      const maximum = String(raw['maximum']);
      return ['invalid_value', msg(origin === 'array' || origin === 'string' ? 'schema.tooLong' : 'schema.tooBig', { maximum })];
    }
    case 'invalid_format':
      return raw['format'] === 'date' ? ['invalid_date', msg('issue.invalidDate')] : ['invalid_value', msg('schema.invalid')];
    default:
      return ['invalid_value', msg('schema.invalid')];
  }
}

/** Turns zod's issues into okrkit issues, prefixed with `base`. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], base: readonly (string | number)[] = []): OkrkitIssue[] {
  return issues.map((i) => {
    const [code, message] = codeAndMessageOf(i);
    return makeIssue([...base, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], code, message);
  });
}

/** Parses one argument of a public function, throwing `invalid_argument` with the issues. */
export function parseArgument<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new OkrkitError('invalid_argument', messages.invalidArgument(msg('arg.invalid', { name })), fromZodIssues(result.error.issues, [name]));
}
