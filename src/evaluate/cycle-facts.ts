import { Exact } from '../_lib/exact.js';
import { Near } from '../_lib/near.js';
import type { Cycle } from '../model/cycle.js';
import { elapsedShare } from '../time/cycle-query.js';
import { elapsedInto } from '../time/expected.js';

/** What evaluation needs to know about one cycle, computed once. */
export interface CycleFacts {
  readonly start: string;
  readonly end: string;
  /** Check-ins counted: from the start to min(asOf, end). */
  readonly since: string;
  readonly until: string;
  /** The date pace is judged on: asOf, or the end. */
  readonly day: string;
  readonly linear: number;
  /** The elapsed share as an exact fraction of days, and as a register. */
  readonly elapsed: Exact;
  readonly elapsedNear: Near;
  readonly started: boolean;
  readonly graded: boolean;
}

/** The facts of a cycle at an evaluation date. */
export function cycleFacts(c: Cycle, asOf: string | null): CycleFacts {
  const day = asOf ?? c.end;
  const elapsed = elapsedInto(new Exact(), c.start, c.end, day);
  return {
    start: c.start,
    end: c.end,
    since: c.start,
    until: asOf !== null && asOf < c.end ? asOf : c.end,
    day,
    linear: elapsedShare(c.start, c.end, day),
    elapsed,
    elapsedNear: elapsed.near(new Near()),
    started: day >= c.start,
    graded: c.state === 'closed' || c.state === 'grading' || (asOf !== null && asOf > c.end),
  };
}
