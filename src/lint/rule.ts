// What a lint rule is: a stable code, a default severity and a check that reads the
// plan view and reports what it finds. The runner (lint.ts) adds the code, the level
// the caller chose and the words; a rule only says where and what.
import type { Message } from '../messages/message.js';
import type { PlanView } from './plan-view.js';

/**
 * How serious a finding is.
 *
 * @category Lint
 */
export type Severity = 'error' | 'warning' | 'info';

/** Where in the plan a finding points: a collection, an index, maybe a field. */
type PlanPath = readonly (string | number)[];

/** One thing a rule noticed, before it is put into words. */
export interface RuleFinding {
  readonly path: PlanPath;
  /** The id of the record the finding is about, or null for a group (an owner's objectives). */
  readonly id: string | null;
  readonly message: Message;
  /** Set only when this finding is milder or graver than the rule's default. */
  readonly severity?: Severity;
}

/** A lint rule. Each lives in its own file under rules/, declared `as const` so its code and severity stay literal. */
export interface LintRule {
  readonly code: string;
  readonly severity: Severity;
  /** Reports the rule's findings in plan order. */
  readonly check: (view: PlanView) => Iterable<RuleFinding>;
}

/**
 * Builds the table of codes and default severities from a list of rules, in the list's
 * order. Its type is written out rather than named, so the published type of LINT_RULES
 * reads as the plain table it is.
 */
export function severityTable<const R extends readonly LintRule[]>(rules: R): { readonly [Rule in R[number] as Rule['code']]: Rule['severity'] } {
  const table: Record<string, Severity> = {};
  for (const { code, severity } of rules) table[code] = severity;
  if (!isTableOf(rules, table)) throw new Error(`okrkit: two lint rules share a code (${rules.map((r) => r.code).join(', ')})`);
  return table;
}

/** Every rule's code maps to its own severity: what the table's type promises, so the type may say it. */
function isTableOf<R extends readonly LintRule[]>(
  rules: R,
  table: Readonly<Record<string, Severity>>,
): table is Readonly<Record<string, Severity>> & { readonly [Rule in R[number] as Rule['code']]: Rule['severity'] } {
  return rules.every((r) => table[r.code] === r.severity);
}
