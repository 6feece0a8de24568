import { checkWith, safeParseQuiet } from '../_lib/zod-issues.js';
import { messages } from '../messages/where.js';
import { issue, OkrkitError, type OkrkitIssue } from '../messages/okrkit-error.js';
import { checkIntegrity } from './integrity.js';
import type { KnownIds, PartialPlan } from './integrity-checks.js';
import type * as z from 'zod/v4';
import { isPlainObject, isRecord, notAPlan } from './guard.js';
import { KeyResult } from './key-result.js';
import { PLAIN_CONTEXT, type Context } from './context.js';
import { PLAN_COLLECTIONS, Plan } from './plan.js';
import { checkTimeZone } from './instant.js';
import { checkOptions } from './options.js';
import { planWithDays } from './plan-instants.js';

/**
 * Options of {@link parsePlan} and {@link safeParsePlan}.
 *
 * @category Schemas
 */
export interface ParsePlanOptions {
  /**
   * The IANA time zone (`Asia/Ho_Chi_Minh`) that decides the calendar day of the dates a
   * plan gives as instants — a `Date` or epoch milliseconds, as a product's database
   * returns them — where a date belongs (a check-in's or a measurement's `at`, a history
   * entry's `at`, a cycle's `start` and `end`, a `due`, a `doneAt`, a KPI timeframe's
   * bounds). A calendar date becomes the day the instant shows in that zone; a timestamp
   * becomes that zone's date-time with its offset (`2026-07-01T05:30:00.000+07:00`), so the
   * parsed plan holds strings only. Without it, an instant in a plan is an issue that says
   * to pass it.
   */
  readonly timeZone?: string;
}

/**
 * The result of {@link safeParsePlan}: the plan, or the error that `parsePlan` would throw.
 *
 * @category Schemas
 */
export type SafeParsePlanResult =
  | { readonly success: true; readonly data: Plan; readonly error?: undefined }
  | { readonly success: false; readonly data?: undefined; readonly error: OkrkitError };

/**
 * The elements of one collection that pass their schema; the others become holes. The
 * ids of those that failed but named one go to `ids`, so references to them are not
 * reported as unknown as well.
 */
function salvageCollection<T>(raw: unknown, schema: z.ZodType<T>, ids: Set<string>): (T | undefined)[] {
  const items: unknown[] = Array.isArray(raw) ? raw : [];
  return items.map((item) => {
    const r = safeParseQuiet(schema, item);
    if (r.success) return r.data;
    if (!isRecord(item)) return undefined;
    if (typeof item['id'] === 'string') ids.add(item['id']);
    // Retry without the fields that failed (and the unknown ones): if they were
    // optional, the rest is checked.
    const rest: Record<string, unknown> = { ...item };
    for (const issue of r.error.issues) {
      const key = issue.path[0];
      if (typeof key === 'string') delete rest[key];
      else if (issue.code === 'unrecognized_keys') for (const k of issue.keys) delete rest[k];
    }
    const retry = safeParseQuiet(schema, rest);
    return retry.success ? retry.data : undefined;
  });
}

/**
 * When the schema fails, keep the elements that pass their own schema (others become
 * holes) so the integrity checks still run and every problem is reported at once.
 */
function salvage(input: Record<string, unknown>, keyResult: z.ZodType<KeyResult>): { plan: PartialPlan; known: KnownIds } {
  const known: { -readonly [K in keyof KnownIds]: KnownIds[K] } = {};
  const collection = <T>(name: keyof typeof PLAN_COLLECTIONS, schema: z.ZodType<T>): (T | undefined)[] => {
    const ids = new Set<string>();
    known[name] = ids;
    return salvageCollection(Object.hasOwn(input, name) ? input[name] : undefined, schema, ids);
  };
  const plan: PartialPlan = {
    cycles: collection('cycles', PLAN_COLLECTIONS.cycles),
    units: collection('units', PLAN_COLLECTIONS.units),
    objectives: collection('objectives', PLAN_COLLECTIONS.objectives),
    keyResults: collection('keyResults', keyResult),
    initiatives: collection('initiatives', PLAN_COLLECTIONS.initiatives),
    checkIns: collection('checkIns', PLAN_COLLECTIONS.checkIns),
    kpis: collection('kpis', PLAN_COLLECTIONS.kpis),
    measurements: collection('measurements', PLAN_COLLECTIONS.measurements),
  };
  return { plan, known };
}

/**
 * Validates a plan — its schema and its referential integrity — without throwing for
 * anything in the plan. Bad options are the program's mistake, not the data's, and throw
 * an {@link OkrkitError} `invalid_argument` as everywhere in okrkit (a `timeZone` that is
 * no IANA zone).
 *
 * @param input - Any value, typically parsed JSON.
 * @param options - `timeZone`, which decides the calendar day of dates given as instants.
 * @returns `{ success: true, data }` with the typed plan, or `{ success: false, error }`
 *   with an {@link OkrkitError} whose `issues` list every problem.
 * @example
 * const result = safeParsePlan({ objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q9' }] });
 * result.success
 * //=> false
 * result.error.issues[0]
 * //=> { path: ['objectives', 0, 'cycleId'], code: 'unknown_reference', message: 'Unknown cycle "q9".' }
 * @category Schemas
 */
export function safeParsePlan(input: unknown, options: ParsePlanOptions = {}): SafeParsePlanResult {
  return safeParsePlanIn(PLAIN_CONTEXT, input, options);
}

/**
 * {@link safeParsePlan} in a kit's context: its schemas and plug-ins. The schemas are
 * typed as the built-in ones: plug-in key results travel through the engine as key
 * results of a kind the context knows.
 */
export function safeParsePlanIn(cx: Context, input: unknown, options: ParsePlanOptions = {}): SafeParsePlanResult {
  const zone = checkTimeZone(checkOptions(options, 'options').timeZone, 'options.timeZone');
  if (!isPlainObject(input)) {
    return { success: false, error: new OkrkitError('invalid_plan', messages.invalidPlan(1), [issue([], 'invalid_type', notAPlan(input))]) };
  }
  const days = planWithDays(input, zone);
  const raw = isPlainObject(days.value) ? days.value : input;
  let issues: OkrkitIssue[] = [...days.issues];
  let data: Plan | undefined;
  const parsed = checkWith(cx.schemas?.plan ?? Plan, raw);
  if (parsed.success) {
    data = parsed.data;
    issues.push(...checkIntegrity(data, {}, cx));
  } else {
    issues = issues.length === 0 ? parsed.issues : [...issues, ...parsed.issues.filter((i) => !days.reported(i.path))];
    const { plan, known } = salvage(raw, cx.schemas?.keyResult ?? KeyResult);
    issues.push(...checkIntegrity(plan, known, cx));
  }
  if (issues.length === 0 && data !== undefined) return { success: true, data };
  return { success: false, error: new OkrkitError('invalid_plan', messages.invalidPlan(issues.length), issues) };
}

/**
 * Validates a plan — its schema and its referential integrity — and returns it typed.
 * Checks: the shape of every record; unique ids; references that resolve; child cycles
 * inside their parents; metric key results whose target differs from the start; weights
 * of zero or more; numbers in range; and a cascade without loops.
 *
 * @param input - Any value, typically parsed JSON.
 * @param options - `timeZone`, which decides the calendar day of dates given as instants.
 * @returns The plan, with every array present.
 * @throws {OkrkitError} `invalid_plan`, with one issue (path, code, message) per problem;
 *   `invalid_argument` for an unknown `timeZone`.
 * @example
 * const plan = parsePlan({
 *   cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
 *   objectives: [{ id: 'o1', title: 'Grow sales', cycleId: 'q3' }],
 *   keyResults: [{ id: 'kr1', objectiveId: 'o1', title: 'Revenue +20 %', kind: 'metric', start: 100, target: 120 }],
 * });
 * plan.checkIns
 * //=> []
 * @category Schemas
 */
export function parsePlan(input: unknown, options: ParsePlanOptions = {}): Plan {
  const result = safeParsePlan(input, options);
  if (!result.success) throw result.error;
  return result.data;
}
