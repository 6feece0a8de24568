// What the service checks in a posted check-in before it touches the database: okrkit's
// own schema first, then what PostgreSQL cannot store (a NUL character, half of a
// surrogate pair) and what the plan says (the key result exists; the date lies in its
// cycle — okrkit would store a check-in outside it but never count it — and not after today).
import { CheckIn, formatPath, type Plan } from 'okrkit';

/** One problem with the posted check-in: where it is in the body, and what is wrong. */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly code: string;
}

export type Checked = { readonly ok: true; readonly checkIn: CheckIn } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Checks a body against okrkit's CheckIn schema and what the database can store. */
export function checkBody(body: unknown): Checked {
  const parsed = CheckIn.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
      message: i.message,
      code: i.code,
    }));
    return { ok: false, problems };
  }
  const bad = unstorableText(parsed.data, []);
  if (bad !== null) return { ok: false, problems: [{ path: bad, code: 'invalid_text', message: 'Text may not hold a NUL character or half of a surrogate pair.' }] };
  return { ok: true, checkIn: parsed.data };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (s: string): boolean => s.includes('\u0000') || LONE_SURROGATE.test(s);

/** The path of the first string (or key) PostgreSQL's text and jsonb cannot hold, or null. */
function unstorableText(value: unknown, path: readonly (string | number)[]): (string | number)[] | null {
  if (typeof value === 'string') return unstorable(value) ? [...path] : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableText(item, [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (unstorable(key)) return [...path, key];
    const found = unstorableText(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Each key result's cycle (its objective's), by key-result id. */
export function cyclesOfKeyResults(plan: Plan): Map<string, { readonly start: string; readonly end: string }> {
  const cycles = new Map(plan.cycles.map((c) => [c.id, { start: c.start, end: c.end }]));
  const objectiveCycle = new Map(plan.objectives.map((o) => [o.id, cycles.get(o.cycleId)]));
  const out = new Map<string, { start: string; end: string }>();
  for (const kr of plan.keyResults) {
    const cycle = objectiveCycle.get(kr.objectiveId);
    if (cycle !== undefined) out.set(kr.id, cycle);
  }
  return out;
}

/** A problem with a valid check-in in this plan on the day `today` (the service's asOf), or null. */
export function checkAgainstPlan(checkIn: CheckIn, cycles: ReadonlyMap<string, { readonly start: string; readonly end: string }>, today: string): Problem | null {
  const cycle = cycles.get(checkIn.keyResultId);
  if (cycle === undefined) {
    return { path: ['keyResultId'], code: 'unknown_reference', message: `No key result has the id "${checkIn.keyResultId}".` };
  }
  const day = checkIn.at.slice(0, 10);
  if (day < cycle.start || day > cycle.end) {
    return { path: ['at'], code: 'outside_cycle', message: `${day} is outside the key result's cycle (${cycle.start} to ${cycle.end}): it would never count.` };
  }
  // A value measured tomorrow is a typo or a clock gone wrong: stored, it would count by
  // itself some day later, changing a score nobody checked in on that day.
  if (day > today) {
    return { path: ['at'], code: 'in_future', message: `${day} is after today (${today}): a check-in records what was measured, so it cannot be dated later.` };
  }
  return null;
}

/** One line naming each problem, for logs and the error body's `message`. */
export function describe(problems: readonly Problem[]): string {
  return problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('; ');
}
