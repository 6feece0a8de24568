import {
  expectedProgress,
  KeyResult,
  type CheckIn,
  type Cycle,
  type DeepReadonly,
  type Plan,
} from '../index.js';
import { dateOf } from '../_lib/calendar.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { ReportKit, ReportPlan, ReportPoint } from './model.js';

/** `options.kit`: absent, or an object with the three functions. */
export function checkKit(kit: unknown): ReportKit | null {
  if (kit === undefined) return null;
  if (!isReportKit(kit)) invalidArgument('arg.object', { name: 'options.kit (a kit from createOkrkit)' });
  return kit;
}

function isReportKit(value: unknown): value is ReportKit {
  if (typeof value !== 'object' || value === null) return false;
  return ['evaluate', 'lintPlan', 'keyResultProgress'].every((name) => typeof Reflect.get(value, name) === 'function');
}

/** The kinds okrkit measures itself. */
const BUILT_IN: ReadonlySet<string> = /*@__PURE__*/ new Set(KeyResult.options.map((o) => o.shape.kind.value));

/** Whether okrkit's own functions read this key result (a built-in kind), rather than the kit's plug-ins. */
export const isBuiltIn = (kr: { readonly kind: string }): boolean => BUILT_IN.has(kr.kind);

/** A key result of a kind okrkit does not define (a plug-in's); anything else — built in, or not a key result at all — is for `evaluate` to judge. */
function pluginKind(kr: unknown): { id: string; kind: string } | null {
  if (typeof kr !== 'object' || kr === null) return null;
  const kind: unknown = Reflect.get(kr, 'kind');
  const id: unknown = Reflect.get(kr, 'id');
  return typeof kind === 'string' && !BUILT_IN.has(kind) ? { id: typeof id === 'string' ? id : '', kind } : null;
}

/** The plan's first key result of a plug-in kind, or null; a value that is not a plan has none (evaluate says what is wrong with it). */
function firstPluginKind(plan: unknown): { id: string; kind: string } | null {
  const keyResults: unknown = typeof plan === 'object' && plan !== null ? Reflect.get(plan, 'keyResults') : undefined;
  if (!Array.isArray(keyResults)) return null;
  for (const kr of keyResults) {
    const found = pluginKind(kr);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Whether the report can read `plan` as a plan: always with a kit (the report reads only
 * the common fields of a plug-in key result and hands it to the kit's functions), else
 * when no key result is of a plug-in kind.
 */
function readable(plan: ReportPlan, kit: ReportKit | null): plan is DeepReadonly<Plan> {
  return kit !== null || firstPluginKind(plan) === null;
}

/** The plan as the report reads it; a plug-in key result without the kit that defines it is an `invalid_argument` error naming it. */
export function readablePlan(plan: ReportPlan, kit: ReportKit | null): DeepReadonly<Plan> {
  if (readable(plan, kit)) return plan;
  const stranger = firstPluginKind(plan);
  return invalidArgument('arg.reportKit', { id: stranger?.id ?? '', kind: stranger?.kind ?? '' });
}

/**
 * A plug-in key result's progress over its cycle, as `keyResultHistory` gives a built-in
 * one's: at the cycle's start, each day with a check-in and the report's date (or the
 * cycle's end), the kit's progress of the check-ins since the start; the expected line is
 * the elapsed share of the cycle.
 */
export function pluginHistory(
  kit: ReportKit,
  kr: DeepReadonly<KeyResult>,
  checkIns: readonly DeepReadonly<CheckIn>[],
  cycle: DeepReadonly<Cycle>,
  at: { readonly asOf?: string },
): ReportPoint[] {
  const last = at.asOf !== undefined && at.asOf < cycle.end ? at.asOf : cycle.end;
  const days = new Set<string>();
  for (const c of checkIns) {
    const day = dateOf(c.at);
    if (day >= cycle.start && day <= last) days.add(day);
  }
  // A key result with no phases or milestones is expected to move evenly over its cycle.
  const even: KeyResult = { id: kr.id, objectiveId: kr.objectiveId, title: kr.title, kind: 'metric', start: 0, target: 1 };
  const dates = [...new Set([cycle.start, ...days, last])].filter((d) => d <= last).sort();
  return dates.map((date) => {
    const p = kit.keyResultProgress(kr, checkIns, { since: cycle.start, asOf: date });
    return { date, progress: p.checkIns === 0 ? null : p.progress, expected: expectedProgress(even, cycle, date), checkIn: days.has(date) };
  });
}
