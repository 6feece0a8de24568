import type * as z from 'zod';
import { messages } from '../error/messages.js';
import { OkrkitError, type OkrkitIssue, type OkrkitIssueCode } from '../error/okrkit-error.js';

const KPI_PARTS = new Set(['target', 'timeframe', 'data source', 'tracking frequency'].map((p) => messages.kpiMissingPart(p)));

function codeOf(issue: z.core.$ZodIssue): OkrkitIssueCode {
  if (KPI_PARTS.has(issue.message)) return 'missing_kpi_part';
  if (issue.message === messages.invalidNumber) return 'invalid_number';
  if (issue.message === messages.negativeWeight) return 'invalid_weight';
  if (issue.message === messages.invalidDate || issue.message === messages.invalidTimestamp) return 'invalid_date';
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined && issue.message.includes('undefined')
        ? 'missing'
        : 'invalid_type';
    case 'invalid_format':
      return (issue as { format?: string }).format === 'date' ? 'invalid_date' : 'invalid_value';
    default:
      return 'invalid_value';
  }
}

function messageOf(issue: z.core.$ZodIssue, code: OkrkitIssueCode): string {
  if (code === 'missing') return 'This field is required.';
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    const options = (issue as unknown as { options?: unknown[] }).options ?? [];
    return `Expected one of ${options.map((o) => JSON.stringify(o)).join(', ')}.`;
  }
  return issue.message;
}

/** Turns zod's issues into okrkit issues, prefixed with `base`. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  base: readonly (string | number)[] = [],
): OkrkitIssue[] {
  return issues.map((issue) => {
    const code = codeOf(issue);
    return {
      path: [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
      code,
      message: messageOf(issue, code),
    };
  });
}

/** Parses one argument of a public function, throwing `invalid_argument` with the issues. */
export function parseArgument<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new OkrkitError('invalid_argument', messages.invalidArgument(name), fromZodIssues(result.error.issues, [name]));
}
