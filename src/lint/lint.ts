// The plan coach's public face: lintPlan runs the rules listed in rules/index.ts over one
// shared view of the plan and puts their findings into words.
import type { MessageKey } from '../messages/en.js';
import { translate } from '../messages/localize.js';
import type { MessageParam } from '../messages/message.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { withPlan } from '../model/guard.js';
import type { Plan } from '../model/plan.js';
import { lintSettings, type LintOptions } from './options.js';
import { planView } from './plan-view.js';
import type { Severity } from './rule.js';
import { RULES, type LintCode } from './rules/index.js';

export { LINT_RULES, type LintCode } from './rules/index.js';
export type { LintOptions } from './options.js';
export type { Severity } from './rule.js';

/**
 * One thing the coach noticed: the rule's code, its severity, the record it is about
 * (`id`, `path`) and a message in the requested language.
 *
 * @category Lint
 */
export interface LintFinding {
  readonly code: LintCode;
  readonly severity: Severity;
  /** The id of the record the finding is about, or null for a group (an owner's objectives). */
  readonly id: string | null;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly messageKey: MessageKey;
  readonly params: Readonly<Record<string, MessageParam>>;
}

/**
 * Checks a plan against the practice the seeds teach and returns what a coach would
 * point out: 3–5 objectives per owner and cycle (a warning outside 2–7), 2–5 key results
 * per objective, cycles of at most a year, child objectives inside their parent's cycle,
 * KPIs with all four parts filled in and measured on time, key-result weights that add up
 * to 100 when the team asks for that, objectives whose key results all weigh 0,
 * objectives with numbers in their title, key results that read like tasks, metric key
 * results without a unit, team and individual objectives aligned to nothing, objectives
 * with nothing to score them, key results without a recent check-in, and, for plans
 * that use states, the step of the OKR process each objective and key result is in and
 * what its next step needs. Each rule has
 * a stable code and can be switched off or re-levelled. Never throws on a plan that
 * {@link parsePlan} accepts.
 *
 * @param plan - A plan from {@link parsePlan}.
 * @param options - `asOf`, `locale`, `rules`, `weightsSumTo100` and `checkInEvery`.
 * @returns The findings, rule by rule in the order above.
 * @throws {OkrkitError} `invalid_argument` for bad options only.
 * @example
 * // plan: examples/plans/saas-cascade.json
 * lintPlan(plan, { asOf: '2026-08-20', locale: 'vi' }).find((f) => f.id === 'kr-seo')
 * //=> { code: 'metric-without-unit', severity: 'info', id: 'kr-seo', path: ['keyResults', 3], message: 'Kết quả then chốt dạng số này chưa có đơn vị (%, VND, khách hàng…).', … }
 * @category Lint
 */
export function lintPlan(plan: DeepReadonly<Plan>, options: LintOptions = {}): LintFinding[] {
  return withPlan(plan, () => lint(plan, options));
}

/** Runs every rule that is not off, in the list's order, and words what each reports. */
function lint(plan: DeepReadonly<Plan>, options: LintOptions): LintFinding[] {
  const { locale, levels, ...settings } = lintSettings(options);
  const view = planView(plan, settings);
  const findings: LintFinding[] = [];
  for (const { code, severity, check } of RULES) {
    const level = levels.get(code);
    if (level === 'off') continue;
    for (const { path, id, message, severity: own } of check(view)) {
      findings.push({
        code,
        severity: level ?? own ?? severity,
        id,
        path,
        message: translate(message, locale),
        messageKey: message.key,
        params: message.params ?? {},
      });
    }
  }
  return findings;
}
