// parsePlan's history check and the transitions share one table of steps and one rule
// for ordering times: two date-times by their instants, a bare date by its day.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { advanceKeyResult, advanceObjective, checkKeyResultTransition, checkObjectiveTransition, nextStates, parsePlan, safeParsePlan, type OkrState, type StateChange } from '../../src/index.js';
import { thrown } from '../builders.js';
import { SEED_004 } from './seed-plan.js';

const STATES = ['draft', 'proposed', 'approved', 'active', 'closed'] as const;

/** The seed plan with the company's objective given a history (and the state it ends at). */
const withHistory = (history: readonly object[], state: OkrState | undefined = (history.at(-1) as { to?: OkrState } | undefined)?.to) =>
  safeParsePlan({ ...SEED_004, objectives: SEED_004.objectives!.map((o, i) => (i === 0 ? { ...o, state, history } : o)) });
const issuesOf = (result: ReturnType<typeof withHistory>) => (result.success ? [] : result.error.issues.map((i) => [i.path, i.code, i.message]));

describe('history in parsePlan: only steps the process has', () => {
  it('refuses a step the transitions would refuse, naming where it could go', () => {
    // the attack: straight from draft to closed, with a score
    const jump = withHistory([{ from: 'draft', to: 'closed', by: 'u', at: '2026-06-20', score: 1, grade: 'green' }]);
    expect(issuesOf(jump)).toEqual([
      [['objectives', 0, 'history', 0, 'to'], 'history_chain', 'There is no step from "draft" to "closed" in the OKR process: from "draft" the steps are to proposed.'],
    ]);
    expect(issuesOf(withHistory([{ from: 'draft', to: 'draft', by: 'u', at: '2026-06-20' }])).map((i) => i[0])).toEqual([['objectives', 0, 'history', 0, 'to']]);
    expect(withHistory([{ from: 'closed', to: 'draft', by: 'u', at: '2026-06-20' }]).success).toBe(true);
  });

  it('a step to closed records its score; the grade is not checked against it (it depends on the grade options given when closing)', () => {
    expect(issuesOf(withHistory([{ from: 'active', to: 'closed', by: 'u', at: '2026-10-02', grade: 'green' }]))).toEqual([
      [['objectives', 0, 'history', 0], 'history_chain', 'A step to "closed" records the final score: it needs a score from 0 to 1.'],
    ]);
    expect(withHistory([{ from: 'active', to: 'closed', by: 'u', at: '2026-10-02', score: 0.2, grade: 'green' }]).success).toBe(true);
  });

  it('a carried-over copy may start with its arrival, to any state but closed', () => {
    const copy = (to: OkrState) =>
      safeParsePlan({
        ...SEED_004,
        objectives: [...SEED_004.objectives!, { id: 'o-copy', title: 'Copy', cycleId: 'q3', carriedFrom: 'o-company', state: to, history: [{ from: 'draft', to, by: 'carry-over', at: '2026-09-30' }] }],
      });
    expect(copy('draft').success).toBe(true);
    expect(copy('active').success).toBe(true);
    expect(copy('closed').success).toBe(false);
  });

  test.prop([fc.array(fc.tuple(fc.constantFrom(...STATES), fc.boolean()), { minLength: 1, maxLength: 8 }), fc.constantFrom(...STATES)])(
    'a chained history is accepted exactly when each entry is a step nextStates lists and each closing has a score',
    (path, first) => {
      let from: OkrState = first;
      const history = path.map(([to, scored]): StateChange => {
        const entry: StateChange = { from, to, by: 'u', at: '2026-07-01', ...(scored ? { score: 0.5 } : {}) };
        from = to;
        return entry;
      });
      const legal = history.every((h) => nextStates(h.from).includes(h.to) && (h.to !== 'closed' || h.score !== undefined));
      expect(withHistory(history).success).toBe(legal);
    },
  );
});

describe('ordering a history: instants for two date-times, days for a bare date', () => {
  const proposed = { from: 'draft', to: 'proposed', by: 'u' } as const;
  const approved = { from: 'proposed', to: 'approved', by: 'u' } as const;

  it('refuses a later date that is an earlier instant, and accepts a bare date on the same day', () => {
    // 05:00 at +14:00 on 6 July is 15:00 UTC on 5 July: before 23:00 UTC on 5 July
    const earlier = withHistory([{ ...proposed, at: '2026-07-05T23:00:00+00:00' }, { ...approved, at: '2026-07-06T05:00:00+14:00' }]);
    expect(issuesOf(earlier).map((i) => i[0])).toEqual([['objectives', 0, 'history', 1, 'at']]);
    // a day has no time: 5 July is not before 23:00 on 5 July
    expect(withHistory([{ ...proposed, at: '2026-07-05T23:00:00Z' }, { ...approved, at: '2026-07-05' }]).success).toBe(true);
    expect(withHistory([{ ...proposed, at: '2026-07-05' }, { ...approved, at: '2026-07-04T23:00:00Z' }]).success).toBe(false);
  });

  it('the transitions apply the same rule', () => {
    const plan = parsePlan({ ...SEED_004, keyResults: SEED_004.keyResults!.map(({ state: _s, ...k }) => k) });
    const p = advanceObjective(plan, 'o-company', 'proposed', { by: 'u', at: '2026-07-05T23:00:00+00:00' });
    const earlier = checkObjectiveTransition(p, 'o-company', 'approved', { by: 'u', at: '2026-07-06T05:00:00+14:00' });
    expect(earlier.reasons.map((r) => [r.path, r.messageKey])).toEqual([[['objectives', 0, 'history', 0, 'at'], 'process.beforeLastStep']]);
    const sameDay = advanceObjective(p, 'o-company', 'approved', { by: 'u', at: '2026-07-05' });
    expect(() => parsePlan(sameDay)).not.toThrow();
  });

  const instantArb = fc
    .tuple(fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }), fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)))
    .map(([ms, offset]) => {
      const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return { ms: Math.floor(ms / 1000) * 1000, at: `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}` };
    });

  test.prop([instantArb, instantArb])('two date-times with any offsets are in order exactly when their instants are', (a, b) => {
    expect(withHistory([{ ...proposed, at: a.at }, { ...approved, at: b.at }]).success).toBe(b.ms >= a.ms);
  });

  test.prop([instantArb, fc.boolean()])('a bare date is in order with a date-time exactly when its day is not before the date-time\'s written day', (a, bareFirst) => {
    const day = a.at.slice(0, 10);
    const shifted = [day, new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)];
    for (const d of shifted) {
      const [first, second] = bareFirst ? [d, a.at] : [a.at, d];
      expect(withHistory([{ ...proposed, at: first }, { ...approved, at: second }]).success).toBe(second.slice(0, 10) >= first.slice(0, 10));
    }
  });
});

describe('docs/process.md: key results and closings', () => {
  it('moves a key result through its steps, as the page shows', () => {
    let plan = parsePlan(SEED_004);
    plan = advanceObjective(plan, 'o-sales', 'proposed', { by: 'u-lan', at: '2026-06-18' });
    plan = advanceKeyResult(plan, 'kr-leads', 'proposed', { by: 'u-lan', at: '2026-06-18' });
    plan = advanceKeyResult(plan, 'kr-leads', 'approved', { by: 'u-lan', at: '2026-06-22' });
    expect(checkKeyResultTransition(plan, 'kr-leads', 'active', { by: 'u-lan', at: '2026-06-23' }).reasons[0]!.message).toBe(
      'Its objective "o-sales" is proposed: a key result becomes active once its objective is approved.',
    );
    plan = advanceKeyResult(plan, 'kr-deals', 'proposed', { by: 'u-lan', at: '2026-06-18' });
    plan = advanceKeyResult(plan, 'kr-deals', 'approved', { by: 'u-lan', at: '2026-06-22' });
    plan = advanceObjective(plan, 'o-sales', 'approved', { by: 'u-lan', at: '2026-06-25' });
    plan = advanceObjective(plan, 'o-sales', 'active', { by: 'u-lan', at: '2026-07-01' });
    plan = advanceKeyResult(plan, 'kr-leads', 'active', { by: 'u-lan', at: '2026-07-01' });
    const closed = advanceKeyResult(plan, 'kr-leads', 'closed', { by: 'u-lan', at: '2026-10-01' });
    expect(closed.keyResults[2]!.finalScore).toBe(0.8);
    // the closing examples
    const future = thrown(() => advanceObjective(plan, 'o-sales', 'closed', { by: 'u-lan', at: '2026-09-29', asOf: '2026-10-05' }));
    expect(future.message).toBe(
      'okrkit: invalid argument: options.asOf (2026-10-05) is after the day of options.at (2026-09-29): a step cannot be judged, or record a score, at a date after it is taken',
    );
    const lastDay = checkObjectiveTransition(plan, 'o-sales', 'closed', { by: 'u-lan', at: '2026-10-05', asOf: '2026-09-30' });
    expect(lastDay.reasons.map((r) => r.message)).toEqual(['The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-30.']);
  });
});
