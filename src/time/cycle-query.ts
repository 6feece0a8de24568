import * as z from 'zod/v4';
import { daysBetween, dateOf } from '../_lib/calendar.js';
import { parseArgument } from '../_lib/zod-issues.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { CalendarDate, Timestamp } from '../model/primitives.js';
import { Cycle, type CycleState } from '../model/cycle.js';

const Cycles = /*@__PURE__*/ z.array(Cycle);

/**
 * The innermost cycle that contains a date: of all cycles whose start and end enclose
 * it, the shortest (a quarter before its year); ties go to the one nested deepest, then
 * to the smaller id. A date-time counts on the calendar date written in it.
 *
 * @param date - A calendar date or date-time.
 * @param cycles - The cycles to look in.
 * @returns The cycle, or null when none contains the date.
 * @throws {OkrkitError} `invalid_argument` for a bad date or cycle.
 * @example
 * cycleAt('2026-08-15', [yearCycle(2026), ...quarterCycles(2026)])?.name
 * //=> 'Q3 2026'
 * @category Cycles
 */
export function cycleAt(date: string, cycles: readonly DeepReadonly<Cycle>[]): Cycle | null {
  const day = dateOf(parseArgument(Timestamp, date, 'date'));
  const list = parseArgument(Cycles, cycles, 'cycles');
  const byId = new Map(list.map((c) => [c.id, c]));
  const depth = (c: Cycle) => {
    let d = 0;
    const seen = new Set<string>();
    for (let p = c.parentId; p !== undefined && !seen.has(p); p = byId.get(p)?.parentId) {
      seen.add(p);
      d++;
    }
    return d;
  };
  let best: Cycle | null = null;
  let bestLength = Infinity;
  for (const c of list) {
    if (day < c.start || day > c.end) continue;
    const length = daysBetween(c.start, c.end);
    if (
      best === null ||
      length < bestLength ||
      (length === bestLength && (depth(c) > depth(best) || (depth(c) === depth(best) && c.id < best.id)))
    ) {
      best = c;
      bestLength = length;
    }
  }
  return best;
}

/** Share of a cycle elapsed at a calendar date, for checked input. */
export function elapsedShare(start: string, end: string, day: string): number {
  if (day <= start) return 0;
  if (day >= end) return 1;
  // Two whole numbers of days: one correctly rounded division.
  return daysBetween(start, day) / daysBetween(start, end);
}

/**
 * The share of a cycle that has elapsed at a date: 0 on its first day, 1 on its last,
 * linear in calendar days between, and clamped to [0, 1] outside the cycle.
 *
 * @param cycle - The cycle.
 * @param asOf - A calendar date or date-time (its written date counts).
 * @returns A number from 0 to 1.
 * @throws {OkrkitError} `invalid_argument` for a bad cycle or date.
 * @example
 * elapsed({ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }, '2026-08-15')
 * //=> 0.4945… (45 of the 91 days from the first to the last)
 * @category Cycles
 */
export function elapsed(cycle: DeepReadonly<Cycle>, asOf: string): number {
  const c = parseArgument(Cycle, cycle, 'cycle');
  const day = dateOf(parseArgument(Timestamp, asOf, 'asOf'));
  return elapsedShare(c.start, c.end, day);
}

/** The state of a cycle at a date, for checked input. */
function stateAt(cycle: { readonly start: string; readonly end: string; readonly state?: CycleState | undefined }, day: string | null): CycleState {
  if (cycle.state !== undefined) return cycle.state;
  if (day === null) return 'active';
  return day < cycle.start ? 'draft' : day > cycle.end ? 'grading' : 'active';
}

/**
 * Where a cycle is in its life at a date: its `state` when the plan sets one, otherwise
 * `draft` before it starts, `active` while it runs and `grading` after it ends (a cycle
 * is `closed` only when the plan says so).
 *
 * @param cycle - The cycle.
 * @param asOf - A calendar date.
 * @returns The state.
 * @throws {OkrkitError} `invalid_argument` for a bad cycle or date.
 * @example
 * cycleState({ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }, '2026-10-02')
 * //=> 'grading'
 * @category Cycles
 */
export function cycleState(cycle: DeepReadonly<Cycle>, asOf: string): CycleState {
  const c = parseArgument(Cycle, cycle, 'cycle');
  return stateAt(c, parseArgument(CalendarDate, asOf, 'asOf'));
}
