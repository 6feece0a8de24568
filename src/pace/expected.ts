import { readValue } from '../_lib/read-value.js';
import { where } from '../error/messages.js';
import { daysBetween } from '../_lib/calendar.js';
import { ratioOfDifferences, toNumber, type Value } from '../_lib/numeric.js';
import { ExactSum } from '../_lib/exact-sum.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { elapsedShare } from '../cycle/query.js';
import { Cycle } from '../cycle/schema.js';
import { KeyResult } from '../key-result/schema.js';
import type { DeepReadonly } from '../schema/deep-readonly.js';
import { CalendarDate } from '../schema/primitives.js';

/** A key result's own number (checked by its schema); the field is named if it is not one. */
const value = (x: string | number, id = '', field = ''): Value => readValue(x, where.keyResultField, id, field);

/**
 * Expected progress for checked input. `day` is the date judged at; `linear` the share
 * of the cycle elapsed then (the caller caches it per cycle).
 */
export function expectedAt(kr: KeyResult, cycle: { readonly start: string; readonly end: string }, day: string, linear: number): number {
  switch (kr.kind) {
    case 'metric': {
      if (kr.phases === undefined || kr.phases.length === 0) return linear;
      const s = value(kr.start);
      const t = value(kr.target);
      // Knots: (cycle start, 0), each phase inside the cycle, (cycle end, 1); progress is
      // exact at the knots and linear in days between them.
      const knots: [string, number][] = [[cycle.start, 0]];
      const phases = [...kr.phases].filter((p) => p.at > cycle.start && p.at < cycle.end).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      for (const p of phases) {
        const r = ratioOfDifferences(value(p.target), s, t);
        knots.push([p.at, r < 0 ? 0 : r > 1 ? 1 : r]);
      }
      knots.push([cycle.end, 1]);
      if (day <= cycle.start) return 0;
      if (day >= cycle.end) return 1;
      for (let i = 1; i < knots.length; i++) {
        const [d1, p1] = knots[i] as [string, number];
        if (day > d1) continue;
        const [d0, p0] = knots[i - 1] as [string, number];
        if (d1 === d0) return p1;
        return p0 + ((p1 - p0) * daysBetween(d0, day)) / daysBetween(d0, d1);
      }
      return 1;
    }
    case 'milestones': {
      if (!kr.milestones.some((m) => m.due !== undefined)) return linear;
      const due = new ExactSum();
      const all = new ExactSum();
      for (const m of kr.milestones) {
        const w = m.weight === undefined ? 1 : toNumber(value(m.weight));
        all.add(w);
        if ((m.due ?? cycle.end) <= day) due.add(w);
      }
      const total = all.value();
      return total > 0 ? Math.min(1, due.value() / total) : 0;
    }
    case 'binary':
      // Done or not: nothing is expected before the cycle's last day.
      return day >= cycle.end ? 1 : 0;
    default:
      return linear;
  }
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
  return expectedAt(kr, c, day, elapsedShare(c.start, c.end, day));
}
