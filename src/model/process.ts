import * as z from 'zod/v4';
import { Id, Text, Timestamp } from './primitives.js';

/**
 * An end-of-cycle grade, in the colours of "Measure What Matters".
 *
 * @example
 * Grade.parse('green')
 * //=> 'green'
 * @category Pace
 */
export const Grade = /*@__PURE__*/ z.enum(['green', 'yellow', 'red']);
/** @category Pace */
export type Grade = z.infer<typeof Grade>;

/**
 * Where an objective or a key result is in the OKR process (seed 004: draft, align,
 * initiatives, measure, check in, review): written (`draft`), put forward for alignment
 * (`proposed`), agreed (`approved`), being worked on and checked in (`active`), and
 * reviewed with a final score (`closed`). A record without a state is `active`, so
 * plans written before states existed behave as before.
 *
 * @example
 * OkrState.parse('proposed')
 * //=> 'proposed'
 * @category Process
 */
export const OkrState = /*@__PURE__*/ z.enum(['draft', 'proposed', 'approved', 'active', 'closed']);
/** @category Process */
export type OkrState = z.infer<typeof OkrState>;

/**
 * The steps forward from each state; every state but `draft` may also be sent back to
 * `draft` (with a note). `closed → active` is reopening. The transitions take these
 * steps and `parsePlan` accepts a history made of them.
 */
const FORWARD: Readonly<Record<OkrState, readonly OkrState[]>> = {
  draft: ['proposed'],
  proposed: ['approved'],
  approved: ['active'],
  active: ['closed'],
  closed: ['active'],
};

/** The states that may follow `from`: the step forward, then `draft` for every state but `draft`. */
export function forwardOf(from: OkrState): OkrState[] {
  return from === 'draft' ? [...FORWARD[from]] : [...FORWARD[from], 'draft'];
}

/** Whether `to` may follow `from` in the OKR process. */
export function isStep(from: OkrState, to: OkrState): boolean {
  return FORWARD[from].includes(to) || (to === 'draft' && from !== 'draft');
}

/**
 * One step of an objective's or a key result's history: who moved it (`by`), when
 * (`at`, given by the caller: okrkit never reads the clock), from which state to which,
 * with an optional note. Closing records the final `score` (0–1) and its `grade`.
 *
 * @example
 * StateChange.parse({ from: 'active', to: 'closed', by: 'u-lan', at: '2026-10-02', score: 0.72, grade: 'green' })
 * //=> the same object
 * @category Process
 */
export const StateChange = /*@__PURE__*/ z.strictObject({
  from: OkrState,
  to: OkrState,
  by: Id,
  at: Timestamp,
  note: Text.optional(),
  score: z.number().min(0).max(1).optional(),
  grade: Grade.optional(),
});
/** @category Process */
export type StateChange = z.infer<typeof StateChange>;
