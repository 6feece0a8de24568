import { at } from '../_lib/at.js';
import { readValue } from '../_lib/read-value.js';
import { where } from '../messages/where.js';
import { daysBetween } from '../_lib/calendar.js';
import type { Value } from '../_lib/numeric.js';
import { Exact } from '../_lib/exact.js';
import { compareFractions, dividedBy, FRACTION_ONE, FRACTION_ZERO, fractionOfIntegers, fractionOfValue, minus, plus, signOf, times, type Fraction } from '../_lib/fraction.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { Cycle } from '../model/cycle.js';
import { KeyResult } from '../model/key-result.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { CalendarDate } from '../model/primitives.js';

/** A key result's own number (checked by its schema); the field is named if it is not one. */
const value = (x: string | number, id = '', field = ''): Value => readValue(x, where.keyResultField, id, field);

/** The elapsed share of a cycle at a day as an exact fraction of days: 0 on the first day, 1 on the last. */
export function elapsedInto(out: Exact, start: string, end: string, day: string): Exact {
  if (day <= start) return out.setIntegers(0, 1);
  if (day >= end) return out.setIntegers(1, 1);
  return out.setIntegers(daysBetween(start, day), daysBetween(start, end));
}

const clampUnit = (f: Fraction): Fraction => (signOf(f) < 0 ? FRACTION_ZERO : compareFractions(f, FRACTION_ONE) > 0 ? FRACTION_ONE : f);

/**
 * A key result's expected progress at a day, exactly, into `out`: the elapsed share of
 * the cycle, or its phased targets, milestones' due dates, or a binary's last day.
 */
export function expectedInto(out: Exact, kr: KeyResult, cycle: { readonly start: string; readonly end: string }, day: string): Exact {
  switch (kr.kind) {
    case 'metric': {
      if (kr.phases === undefined || kr.phases.length === 0) return elapsedInto(out, cycle.start, cycle.end, day);
      if (day <= cycle.start) return out.setIntegers(0, 1);
      if (day >= cycle.end) return out.setIntegers(1, 1);
      const s = fractionOfValue(value(kr.start));
      const span = minus(fractionOfValue(value(kr.target)), s);
      // Knots: (cycle start, 0), each phase inside the cycle, (cycle end, 1); progress is
      // exact at the knots and linear in days between them.
      const knots: [string, Fraction][] = [[cycle.start, FRACTION_ZERO]];
      const phases = [...kr.phases].filter((p) => p.at > cycle.start && p.at < cycle.end).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (const p of phases) knots.push([p.at, clampUnit(dividedBy(minus(fractionOfValue(value(p.target)), s), span))]);
      knots.push([cycle.end, FRACTION_ONE]);
      for (let i = 1; i < knots.length; i++) {
        const [d1, p1] = at(knots, i);
        if (day > d1) continue;
        const [d0, p0] = at(knots, i - 1);
        if (d1 === d0) return out.setFraction(p1);
        return out.setFraction(plus(p0, times(minus(p1, p0), fractionOfIntegers(daysBetween(d0, day), daysBetween(d0, d1)))));
      }
      return out.setIntegers(1, 1);
    }
    case 'milestones': {
      if (!kr.milestones.some((m) => m.due !== undefined)) return elapsedInto(out, cycle.start, cycle.end, day);
      let due = FRACTION_ZERO;
      let all = FRACTION_ZERO;
      for (const m of kr.milestones) {
        const w = m.weight === undefined ? FRACTION_ONE : fractionOfValue(value(m.weight));
        all = plus(all, w);
        if ((m.due ?? cycle.end) <= day) due = plus(due, w);
      }
      return signOf(all) > 0 ? out.setFraction(clampUnit(dividedBy(due, all))) : out.setIntegers(0, 1);
    }
    case 'binary':
      // Done or not: nothing is expected before the cycle's last day.
      return out.setIntegers(day >= cycle.end ? 1 : 0, 1);
    default:
      return elapsedInto(out, cycle.start, cycle.end, day);
  }
}

/** A key result's expected progress at a day, as the nearest double of the exact value. */
export function expectedAt(kr: KeyResult, cycle: { readonly start: string; readonly end: string }, day: string): number {
  return expectedInto(new Exact(), kr, cycle, day).toNumber();
}

/**
 * The progress a key result should have reached by a date: the elapsed share of its
 * cycle (0 on the first day, 1 on the last), or piecewise linear through a metric key
 * result's `phases`, or the weighted share of milestones `due` by then. A binary key
 * result is expected done only on the cycle's last day.
 *
 * @param keyResult - The key result.
 * @param cycle - Its objective's cycle.
 * @param asOf - The date.
 * @returns A number from 0 to 1.
 * @throws {OkrkitError} `invalid_argument` for a bad key result, cycle or date.
 * @example
 * const q3 = { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' };
 * const sales = { id: 's', objectiveId: 'o', title: 'Sales', kind: 'metric', start: 0, target: 100, phases: [{ at: '2026-08-31', target: 40 }] } as const;
 * expectedProgress(sales, q3, '2026-08-31')
 * //=> 0.4
 * @category Pace
 */
export function expectedProgress(keyResult: DeepReadonly<KeyResult>, cycle: DeepReadonly<Cycle>, asOf: string): number {
  const kr = parseArgument(KeyResult, keyResult, 'keyResult');
  const c = parseArgument(Cycle, cycle, 'cycle');
  const day = parseArgument(CalendarDate, asOf, 'asOf');
  return expectedAt(kr, c, day);
}
