import { describe, expect, it } from 'vitest';
import {
  advanceKeyResult,
  carryOver,
  advanceObjective,
  checkKeyResultTransition,
  checkObjectiveTransition,
  evaluate,
  localizeError,
  nextStates,
  parsePlan,
  safeParsePlan,
  stateOf,
  type OkrState,
  type Plan,
} from '../../src/index.js';
import { thrown } from '../builders.js';
import { deepFreeze } from '../fixtures.js';
import { SEED_004, seedPlan } from './seed-plan.js';

const by = (who: string, at: string) => ({ by: who, at });

/**
 * Moves every record of the seed plan up to `active`, as seed 004's first three steps do:
 * key results are approved before their objective (approving it counts only approved ones),
 * and become active after it.
 */
function activated(): Plan {
  let p = seedPlan();
  const objectives = (to: OkrState, at: string) => ['o-company', 'o-sales'].forEach((o) => (p = advanceObjective(p, o, to, by('u-lan', at))));
  const keyResults = (to: OkrState, at: string) => p.keyResults.forEach((k) => (p = advanceKeyResult(p, k.id, to, by('u-lan', at))));
  objectives('proposed', '2026-06-20');
  keyResults('proposed', '2026-06-20');
  keyResults('approved', '2026-06-25');
  objectives('approved', '2026-06-25');
  objectives('active', '2026-07-01');
  keyResults('active', '2026-07-01');
  return p;
}

/** The seed plan with its key results active (no state), so approving an objective counts them. */
const withActiveKeyResults = (input = SEED_004): Plan => parsePlan({ ...input, keyResults: input.keyResults!.map(({ state: _s, ...k }) => k) });

describe('the OKR process, seed 004: draft → align → initiatives → measure → check in → review', () => {
  it('takes an objective from draft to closed, one history entry per step, and never changes its input', () => {
    // its key results are active already: evaluate leaves drafts out of the score
    const input = deepFreeze({ ...seedPlan(), keyResults: seedPlan().keyResults.map(({ state: _s, ...k }) => k) });
    const proposed = advanceObjective(input, 'o-company', 'proposed', by('u-ceo', '2026-06-20'));
    expect(input.objectives[0]).not.toHaveProperty('history');
    const approved = advanceObjective(proposed, 'o-company', 'approved', { by: 'u-board', at: '2026-06-25T09:30:00+07:00', note: 'Aligned with the board' });
    const active = advanceObjective(approved, 'o-company', 'active', by('u-ceo', '2026-07-01'));
    const closed = advanceObjective(active, 'o-company', 'closed', by('u-ceo', '2026-10-02'));
    const o = closed.objectives[0]!;
    expect(o.state).toBe('closed');
    expect(o.history).toEqual([
      { from: 'draft', to: 'proposed', by: 'u-ceo', at: '2026-06-20' },
      { from: 'proposed', to: 'approved', by: 'u-board', at: '2026-06-25T09:30:00+07:00', note: 'Aligned with the board' },
      { from: 'approved', to: 'active', by: 'u-ceo', at: '2026-07-01' },
      // revenue 96,800 of 121,000 is 0.8; NPS 42 ≥ 40 is 1: the mean is 0.9, green
      { from: 'active', to: 'closed', by: 'u-ceo', at: '2026-10-02', score: 0.9, grade: 'green' },
    ]);
    expect(o.finalScore).toBe(0.9);
    expect(() => parsePlan(closed)).not.toThrow();
  });

  it('approving a team objective needs 2–5 key results with targets (baselines do not count) and an aligned parent', () => {
    const one = withActiveKeyResults({
      ...SEED_004,
      keyResults: SEED_004.keyResults!.filter((k) => k.id !== 'kr-deals'),
      checkIns: SEED_004.checkIns!.filter((c) => c.keyResultId !== 'kr-deals'),
    });
    const p = advanceObjective(one, 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    const check = checkObjectiveTransition(p, 'o-sales', 'approved', by('u-lan', '2026-06-25'));
    expect(check).toMatchObject({ ready: false, from: 'proposed', to: 'approved' });
    expect(check.reasons.map((r) => [r.path, r.code, r.message])).toEqual([
      [['objectives', 1], 'not_ready', 'It needs 2 to 5 key results with a target (baseline key results do not count): it has 1.'],
    ]);
    const unaligned = withActiveKeyResults({ ...SEED_004, objectives: SEED_004.objectives!.map((o) => (o.id === 'o-sales' ? { ...o, parentId: undefined } : o)) });
    const reasons = checkObjectiveTransition(advanceObjective(unaligned, 'o-sales', 'proposed', by('u-lan', '2026-06-20')), 'o-sales', 'approved', by('u-lan', '2026-06-25')).reasons;
    expect(reasons.map((r) => [r.path, r.messageKey])).toEqual([[['objectives', 1, 'parentId'], 'process.unaligned']]);
    const error = thrown(() => advanceObjective(p, 'o-sales', 'approved', by('u-lan', '2026-06-25')));
    expect(error.code).toBe('not_ready');
    expect(error.message).toContain('objective "o-sales" cannot go from proposed to approved yet (1 reason)');
    expect(error.issues).toEqual(check.reasons);
    expect(localizeError(error, 'vi')).toContain('chưa thể chuyển từ đề xuất sang đã duyệt');
  });

  it('approving counts only the key results its score counts: not drafts or proposed ones, not baselines, not weight 0', () => {
    const extra = (id: string, more: object) => ({ id, objectiveId: 'o-sales', title: id, kind: 'metric' as const, start: 0, target: 10, ...more });
    // the attack: six key results, of which the score counts one
    const plan = parsePlan({
      ...SEED_004,
      keyResults: [
        ...SEED_004.keyResults!.map(({ state: _s, ...k }) => (k.id === 'kr-deals' ? { ...k, weight: 0 } : k)),
        extra('kr-draft', { state: 'draft' }),
        extra('kr-proposed', { state: 'proposed' }),
        extra('kr-zero', { weight: '0.000' }),
      ],
    });
    const p = advanceObjective(plan, 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    expect(checkObjectiveTransition(p, 'o-sales', 'approved', by('u-lan', '2026-06-25')).reasons.map((r) => r.params)).toEqual([{ count: 1 }]);
    // the score agrees: only kr-leads feeds it
    const scored = evaluate(p);
    expect(scored.objectives['o-sales']!.contributors.map((c) => c.id)).toEqual(['kr-leads']);
    // weight 'target' counts (its target is not 0), as does a key result approved or later
    const counted = parsePlan({ ...plan, keyResults: plan.keyResults.map((k) => (k.id === 'kr-deals' ? { ...k, weight: 'target' as const } : k.id === 'kr-proposed' ? { ...k, state: 'approved' as const } : k)) });
    const q = advanceObjective(counted, 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    expect(checkObjectiveTransition(q, 'o-sales', 'approved', by('u-lan', '2026-06-25')).ready).toBe(true);
  });

  it('a company objective needs no parent; a link aligns a team objective as a parent does', () => {
    const linked = withActiveKeyResults({
      ...SEED_004,
      objectives: SEED_004.objectives!.map((o) => (o.id === 'o-sales' ? { ...o, parentId: undefined, links: [{ to: 'kr-revenue' }] } : o)),
    });
    let p = advanceObjective(linked, 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    p = advanceObjective(p, 'o-sales', 'approved', by('u-lan', '2026-06-25'));
    expect(stateOf(p.objectives[1]!)).toBe('approved');
  });

  it('closing needs the day of at after the cycle, and the cycle over at asOf (or graded); a closed cycle needs neither', () => {
    const p = activated();
    const early = checkObjectiveTransition(p, 'o-sales', 'closed', by('u-lan', '2026-09-15'));
    expect(early.reasons.map((r) => [r.path, r.message])).toEqual([[['cycles', 0, 'end'], 'The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-15.']]);
    // score and grade are previewed even when not ready: no check-in yet on 15 September
    expect(early).toMatchObject({ score: 0, grade: 'red' });
    expect(checkObjectiveTransition(p, 'o-sales', 'closed', by('u-lan', '2026-10-01'))).toMatchObject({ ready: true, score: 0.7, grade: 'green' });
    const graded = { ...p, cycles: [{ ...p.cycles[0]!, state: 'grading' as const }] };
    // a cycle being graded is over at any asOf, but a closing is still dated after its end
    expect(checkObjectiveTransition(graded, 'o-sales', 'closed', by('u-lan', '2026-09-15')).ready).toBe(false);
    expect(checkObjectiveTransition(graded, 'o-sales', 'closed', { by: 'u-lan', at: '2026-10-01', asOf: '2026-09-15' }).ready).toBe(true);
    const closedCycle = { ...p, cycles: [{ ...p.cycles[0]!, state: 'closed' as const }] };
    expect(checkObjectiveTransition(closedCycle, 'o-sales', 'closed', by('u-lan', '2026-09-15')).ready).toBe(true);
    // asOf judges the score: on 5 October with a score as of 15 September, the cycle was not over then
    const judged = checkObjectiveTransition(p, 'o-sales', 'closed', { by: 'u-lan', at: '2026-10-05', asOf: '2026-09-15' });
    expect(judged.reasons.map((r) => r.message)).toEqual(['The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-15.']);
  });

  it('a closing dated before the cycle ends is not ready, whatever asOf says; asOf after at is a score from the future', () => {
    const p = activated();
    // the attack: at 29 September with asOf 5 October recorded a score from the future
    const attack = { by: 'x', at: '2026-09-29', asOf: '2026-10-05' };
    const error = thrown(() => advanceObjective(p, 'o-sales', 'closed', attack));
    expect([error.code, error.message]).toEqual([
      'invalid_argument',
      'okrkit: invalid argument: options.asOf (2026-10-05) is after the day of options.at (2026-09-29): a step cannot be judged, or record a score, at a date after it is taken',
    ]);
    expect(thrown(() => checkKeyResultTransition(p, 'kr-leads', 'closed', attack)).code).toBe('invalid_argument');
    expect(localizeError(error, 'vi')).toContain('muộn hơn ngày của options.at');
    // the same day is fine: asOf is a date, at a date-time on it
    expect(checkObjectiveTransition(p, 'o-sales', 'closed', { by: 'x', at: '2026-10-05T09:00:00+07:00', asOf: '2026-10-05' }).ready).toBe(true);
    // dated on the cycle's last day: not over yet (the day of at must be after the end)
    const onLastDay = checkObjectiveTransition(p, 'o-sales', 'closed', { by: 'x', at: '2026-09-30T23:59:00+07:00', asOf: '2026-09-30' });
    expect(onLastDay.reasons.map((r) => [r.path, r.message])).toEqual([[['cycles', 0, 'end'], 'The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-30.']]);
    expect(thrown(() => advanceKeyResult(p, 'kr-leads', 'closed', { by: 'x', at: '2026-09-29' })).code).toBe('not_ready');
  });

  it('closing records a given score and its grade by commitment; with nothing to score it needs one', () => {
    const p = activated();
    const committed = { ...p, objectives: p.objectives.map((o) => ({ ...o, commitment: 'committed' as const })) };
    const closed = advanceObjective(committed, 'o-sales', 'closed', { by: 'u-lan', at: '2026-10-02', score: 0.75 });
    expect(closed.objectives[1]).toMatchObject({ finalScore: 0.75, state: 'closed' });
    expect(closed.objectives[1]!.history!.at(-1)).toEqual({ from: 'active', to: 'closed', by: 'u-lan', at: '2026-10-02', score: 0.75, grade: 'yellow' });
    const empty = { ...p, keyResults: p.keyResults.filter((k) => k.objectiveId !== 'o-sales'), checkIns: p.checkIns.filter((c) => c.keyResultId === 'kr-revenue') };
    const reasons = checkObjectiveTransition(empty, 'o-sales', 'closed', by('u-lan', '2026-10-02')).reasons;
    expect(reasons.map((r) => r.messageKey)).toEqual(['process.noScore']);
    expect(advanceObjective(empty, 'o-sales', 'closed', { by: 'u-lan', at: '2026-10-02', score: 0.5 }).objectives[1]!.finalScore).toBe(0.5);
  });

  it('reopening keeps the history and moves finalScore into the new entry (keepFinalScore keeps it)', () => {
    const closed = advanceObjective(activated(), 'o-sales', 'closed', by('u-lan', '2026-10-02'));
    const reopened = advanceObjective(closed, 'o-sales', 'active', { by: 'u-ceo', at: '2026-10-03', note: 'Two deals were missed' });
    const o = reopened.objectives[1]!;
    expect(o).not.toHaveProperty('finalScore');
    expect(o.history!.slice(-2)).toEqual([
      { from: 'active', to: 'closed', by: 'u-lan', at: '2026-10-02', score: 0.7, grade: 'green' },
      { from: 'closed', to: 'active', by: 'u-ceo', at: '2026-10-03', note: 'Two deals were missed', score: 0.7 },
    ]);
    expect(advanceObjective(closed, 'o-sales', 'active', { ...by('u-ceo', '2026-10-03'), keepFinalScore: true }).objectives[1]!.finalScore).toBe(0.7);
  });

  it('sending back to draft needs a note; a step must exist and must not be dated before the last one', () => {
    const p = advanceObjective(withActiveKeyResults(), 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    expect(checkObjectiveTransition(p, 'o-sales', 'draft', by('u-ceo', '2026-06-21')).reasons.map((r) => r.messageKey)).toEqual(['process.noteRequired']);
    expect(checkObjectiveTransition(p, 'o-sales', 'draft', { ...by('u-ceo', '2026-06-21'), note: '  ' }).ready).toBe(false);
    const back = advanceObjective(p, 'o-sales', 'draft', { ...by('u-ceo', '2026-06-21'), note: 'Measure outcomes, not calls' });
    expect(back.objectives[1]!.history!.map((h) => h.to)).toEqual(['proposed', 'draft']);
    const jump = checkObjectiveTransition(seedPlan(), 'o-sales', 'active', by('u-lan', '2026-06-20'));
    expect(jump.reasons.map((r) => [r.path, r.message])).toEqual([[['objectives', 1, 'state'], 'There is no step from draft to active; from draft the steps are to proposed.']]);
    const past = checkObjectiveTransition(p, 'o-sales', 'approved', by('u-lan', '2026-06-19'));
    expect(past.reasons.map((r) => [r.path, r.messageKey])).toEqual([[['objectives', 1, 'history', 0, 'at'], 'process.beforeLastStep']]);
  });

  it('old plans: a record without a state is active and can be closed or sent back', () => {
    const old = parsePlan({ ...SEED_004, objectives: SEED_004.objectives!.map(({ state: _s, ...o }) => o), keyResults: SEED_004.keyResults!.map(({ state: _s, ...k }) => k) });
    expect(stateOf(old.objectives[0]!)).toBe('active');
    const closed = advanceObjective(old, 'o-company', 'closed', by('u-ceo', '2026-10-02'));
    // the sales team's objective counts now (it is active): (0.8 + 1 + 0.7) / 3
    expect(closed.objectives[0]!.history).toEqual([{ from: 'active', to: 'closed', by: 'u-ceo', at: '2026-10-02', score: 0.8333333333333334, grade: 'green' }]);
  });

  it('key results follow their own rules: approved once their objective is proposed, active once it is approved', () => {
    let p = seedPlan();
    p = advanceKeyResult(p, 'kr-leads', 'proposed', by('u-lan', '2026-06-20'));
    expect(checkKeyResultTransition(p, 'kr-leads', 'approved', by('u-lan', '2026-06-21')).reasons.map((r) => [r.path, r.message])).toEqual([
      [['keyResults', 2, 'objectiveId'], 'Its objective "o-sales" is still a draft: propose the objective first.'],
    ]);
    p = advanceObjective(p, 'o-sales', 'proposed', by('u-lan', '2026-06-21'));
    p = advanceKeyResult(p, 'kr-leads', 'approved', by('u-lan', '2026-06-22'));
    // approving the objective counts approved key results only: kr-deals is still a draft
    expect(checkObjectiveTransition(p, 'o-sales', 'approved', by('u-lan', '2026-06-23')).reasons.map((r) => r.message)).toEqual([
      'It needs 2 to 5 key results with a target (baseline key results do not count): it has 1.',
    ]);
    p = advanceKeyResult(p, 'kr-deals', 'proposed', by('u-lan', '2026-06-22'));
    p = advanceKeyResult(p, 'kr-deals', 'approved', by('u-lan', '2026-06-22'));
    expect(checkKeyResultTransition(p, 'kr-leads', 'active', by('u-lan', '2026-06-23')).reasons.map((r) => r.messageKey)).toEqual(['process.objectiveNotApproved']);
    p = advanceObjective(p, 'o-sales', 'approved', by('u-lan', '2026-06-23'));
    p = advanceKeyResult(p, 'kr-leads', 'active', by('u-lan', '2026-07-01'));
    const closed = advanceKeyResult(p, 'kr-leads', 'closed', by('u-lan', '2026-10-01'));
    expect(closed.keyResults[2]).toMatchObject({ state: 'closed', finalScore: 0.8 });
    expect(closed.keyResults[2]!.history!.at(-1)).toMatchObject({ score: 0.8, grade: 'green' });
  });

  it('a key result of a closed objective is reopened only after its objective', () => {
    let p = activated();
    p = advanceKeyResult(p, 'kr-leads', 'closed', by('u-lan', '2026-10-01'));
    p = advanceObjective(p, 'o-sales', 'closed', by('u-lan', '2026-10-02'));
    expect(checkKeyResultTransition(p, 'kr-leads', 'active', by('u-lan', '2026-10-03')).reasons.map((r) => r.messageKey)).toEqual(['process.objectiveClosed']);
  });

  it('rejects unknown ids, states and options with a clear error, never a TypeError', () => {
    const p = seedPlan();
    expect(thrown(() => advanceObjective(p, 'o-nope', 'proposed', by('u', '2026-06-20'))).code).toBe('unknown_reference');
    expect(thrown(() => checkKeyResultTransition(p, 'o-sales', 'proposed', by('u', '2026-06-20'))).message).toContain('key result "o-sales"');
    expect(thrown(() => advanceObjective(p, 'o-sales', 'done' as OkrState, by('u', '2026-06-20'))).code).toBe('invalid_argument');
    expect(thrown(() => advanceObjective(p, 'o-sales', 'proposed', { by: '', at: '2026-06-20' })).issues[0]?.path).toEqual(['options.by']);
    expect(thrown(() => advanceObjective(p, 'o-sales', 'proposed', { by: 'u', at: 'yesterday' })).code).toBe('invalid_argument');
    expect(thrown(() => advanceObjective(p, 'o-sales', 'proposed', { by: 'u', at: '2026-06-20', score: 1.5 })).code).toBe('invalid_argument');
    expect(thrown(() => advanceObjective(p, 'o-sales', 'proposed', undefined as never)).code).toBe('invalid_argument');
    expect(thrown(() => advanceObjective('plan' as never, 'o-sales', 'proposed', by('u', '2026-06-20'))).code).toBe('invalid_argument');
    expect(thrown(() => stateOf(null as never)).code).toBe('invalid_argument');
    expect(thrown(() => nextStates('open' as OkrState)).code).toBe('invalid_argument');
  });

  it('refuses unknown options (with the closest known one), asOf inside options.evaluate, and a by of only spaces', () => {
    const p = activated();
    const closing = { by: 'x', at: '2026-10-02' };
    // the attack: a misspelt score was ignored and the computed score recorded
    const typo = thrown(() => advanceObjective(p, 'o-sales', 'closed', { ...closing, sore: 0.3 } as never));
    expect([typo.code, typo.message]).toEqual(['invalid_argument', 'okrkit: invalid argument: options has no option "sore"; did you mean "score"?']);
    expect(thrown(() => checkKeyResultTransition(p, 'kr-leads', 'closed', { ...closing, colour: 'red' } as never)).message).toContain('options has no option "colour"');
    const asOf = thrown(() => advanceObjective(p, 'o-sales', 'closed', { ...closing, evaluate: { asOf: '2026-09-01' } } as never));
    expect(asOf.message).toContain('options.evaluate has no option "asOf": the step\'s own options.asOf');
    expect(thrown(() => advanceObjective(p, 'o-sales', 'closed', { ...closing, evaluate: { cpa: 1.2 } } as never)).message).toContain('options.evaluate has no option "cpa"; did you mean "cap"?');
    // every known evaluate option is accepted
    const evaluate = { cap: 1.2, floor: 0, status: {}, grade: {}, forecast: false, includeDrafts: false };
    expect(advanceObjective(p, 'o-sales', 'closed', { ...closing, evaluate }).objectives[1]!.finalScore).toBe(0.7);
    for (const by of ['   ', '\t', ' \n ']) {
      const blank = thrown(() => advanceObjective(p, 'o-sales', 'closed', { by, at: '2026-10-02' }));
      expect([blank.code, blank.message]).toEqual(['invalid_argument', 'okrkit: invalid argument: options.by must not be empty or only spaces']);
    }
    expect(localizeError(thrown(() => advanceObjective(p, 'o-sales', 'closed', { by: ' ', at: '2026-10-02' })), 'vi')).toContain('không được để trống');
  });

  it('nextStates lists the forward step, then draft', () => {
    expect((['draft', 'proposed', 'approved', 'active', 'closed'] as const).map(nextStates)).toEqual([
      ['proposed'], ['approved', 'draft'], ['active', 'draft'], ['closed', 'draft'], ['active', 'draft'],
    ]);
  });
});

describe('history in parsePlan', () => {
  const withHistory = (history: unknown, state?: string) =>
    safeParsePlan({ ...SEED_004, objectives: SEED_004.objectives!.map((o, i) => (i === 0 ? { ...o, state, history } : o)) });

  it('accepts a chained history that ends at the state', () => {
    const result = withHistory([{ from: 'draft', to: 'proposed', by: 'u', at: '2026-06-20' }, { from: 'proposed', to: 'approved', by: 'u', at: '2026-06-20T10:00:00+07:00' }], 'approved');
    expect(result.success).toBe(true);
  });

  it('names each broken link, step back in time and a state the history does not end at', () => {
    const result = withHistory(
      [
        { from: 'draft', to: 'proposed', by: 'u', at: '2026-06-20' },
        { from: 'approved', to: 'active', by: 'u', at: '2026-06-19' },
      ],
      'closed',
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((i) => [i.path, i.code, i.message])).toEqual([
      [['objectives', 0, 'history', 1, 'from'], 'history_chain', 'This step starts from "approved", but the step before it ended at "proposed": each step starts where the last one ended.'],
      [['objectives', 0, 'history', 1, 'at'], 'history_chain', 'This step is dated 2026-06-19, before the step before it (2026-06-20): a history runs forward in time.'],
      [['objectives', 0, 'state'], 'history_chain', 'The history ends at "active", but the state is "closed" (no state means "active"): the state is where the history ends.'],
    ]);
  });

  it('a history without a state must end at active; an unknown state or grade is a schema error', () => {
    const ends = withHistory([{ from: 'draft', to: 'proposed', by: 'u', at: '2026-06-20' }]);
    expect(ends.success ? [] : ends.error.issues.map((i) => i.path)).toEqual([['objectives', 0, 'history', 0, 'to']]);
    expect(withHistory([{ from: 'draft', to: 'done', by: 'u', at: '2026-06-20' }]).success).toBe(false);
    expect(withHistory([{ from: 'active', to: 'closed', by: 'u', at: '2026-06-20', grade: 'blue' }], 'closed').success).toBe(false);
    expect(withHistory([{ from: 'active', to: 'closed', by: 'u', at: '2026-06-20', score: 75 }], 'closed').success).toBe(false);
  });
});

describe('docs/process.md: the worked example of seed 004', () => {
  it('walks the six steps and ends with the histories the page shows', () => {
    let p = seedPlan();
    const krs = ['kr-revenue', 'kr-nps', 'kr-leads', 'kr-deals'];
    p = advanceObjective(p, 'o-company', 'proposed', by('u-ceo', '2026-06-15'));
    p = advanceObjective(p, 'o-sales', 'proposed', by('u-lan', '2026-06-18'));
    for (const k of krs) p = advanceKeyResult(p, k, 'proposed', by('u-lan', '2026-06-18'));
    // approving an objective counts the key results its score counts: proposed ones do not
    expect(checkObjectiveTransition(p, 'o-sales', 'approved', by('u-ceo', '2026-06-25')).reasons.map((r) => r.message)).toEqual([
      'It needs 2 to 5 key results with a target (baseline key results do not count): it has 0.',
    ]);
    for (const k of krs) p = advanceKeyResult(p, k, 'approved', by('u-ceo', '2026-06-25'));
    expect(checkObjectiveTransition(p, 'o-sales', 'approved', by('u-ceo', '2026-06-25')).ready).toBe(true);
    for (const o of ['o-company', 'o-sales']) p = advanceObjective(p, o, 'approved', { ...by('u-ceo', '2026-06-25'), note: 'Aligned in the planning meeting' });
    for (const o of ['o-company', 'o-sales']) p = advanceObjective(p, o, 'active', by('u-ceo', '2026-07-01'));
    for (const k of krs) p = advanceKeyResult(p, k, 'active', by('u-ceo', '2026-07-01'));
    expect(thrown(() => advanceObjective(p, 'o-sales', 'closed', by('u-lan', '2026-09-20'))).message).toBe(
      'okrkit: objective "o-sales" cannot go from active to closed yet (1 reason)\n  - cycles[0].end: The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-20.',
    );
    p = advanceObjective(p, 'o-sales', 'closed', by('u-lan', '2026-10-02'));
    p = advanceObjective(p, 'o-company', 'closed', by('u-ceo', '2026-10-02'));
    expect(p.objectives[0]!.finalScore).toBe(0.8333333333333334);
    expect(p.objectives[1]).toMatchObject({
      id: 'o-sales',
      state: 'closed',
      finalScore: 0.7,
      history: [
        { from: 'draft', to: 'proposed', by: 'u-lan', at: '2026-06-18' },
        { from: 'proposed', to: 'approved', by: 'u-ceo', at: '2026-06-25', note: 'Aligned in the planning meeting' },
        { from: 'approved', to: 'active', by: 'u-ceo', at: '2026-07-01' },
        { from: 'active', to: 'closed', by: 'u-lan', at: '2026-10-02', score: 0.7, grade: 'green' },
      ],
    });
    const reopened = advanceObjective(p, 'o-sales', 'active', { ...by('u-ceo', '2026-10-05'), note: 'Two deals signed late' });
    expect(reopened.objectives[1]!.history!.at(-1)).toEqual({ from: 'closed', to: 'active', by: 'u-ceo', at: '2026-10-05', note: 'Two deals signed late', score: 0.7 });
    const q4 = { ...p, cycles: [...p.cycles, { id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }] };
    const carried = carryOver(q4, { from: 'q3', to: 'q4', by: 'u-lan', at: '2026-10-03' }).objectives.find((o) => o.id === 'o-sales@q4');
    expect(carried).toMatchObject({ state: 'draft', carriedFrom: 'o-sales', history: [{ from: 'closed', to: 'draft', by: 'u-lan', at: '2026-10-03', note: 'Carried over from "o-sales" in cycle "q3".' }] });
  });
});
