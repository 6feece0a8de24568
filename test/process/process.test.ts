import { describe, expect, it } from 'vitest';
import {
  advanceKeyResult,
  carryOver,
  advanceObjective,
  checkKeyResultTransition,
  checkObjectiveTransition,
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

/** Moves every record of the seed plan up to `active`, as seed 004's first three steps do. */
function activated(): Plan {
  let p = seedPlan();
  const steps: [OkrState, string][] = [['proposed', '2026-06-20'], ['approved', '2026-06-25'], ['active', '2026-07-01']];
  for (const [to, at] of steps) {
    for (const o of ['o-company', 'o-sales']) p = advanceObjective(p, o, to, by('u-lan', at));
    for (const k of p.keyResults) p = advanceKeyResult(p, k.id, to, by('u-lan', at));
  }
  return p;
}

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
    const one = parsePlan({
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
    const unaligned = parsePlan({ ...SEED_004, objectives: SEED_004.objectives!.map((o) => (o.id === 'o-sales' ? { ...o, parentId: undefined } : o)) });
    const reasons = checkObjectiveTransition(advanceObjective(unaligned, 'o-sales', 'proposed', by('u-lan', '2026-06-20')), 'o-sales', 'approved', by('u-lan', '2026-06-25')).reasons;
    expect(reasons.map((r) => [r.path, r.messageKey])).toEqual([[['objectives', 1, 'parentId'], 'process.unaligned']]);
    const error = thrown(() => advanceObjective(p, 'o-sales', 'approved', by('u-lan', '2026-06-25')));
    expect(error.code).toBe('not_ready');
    expect(error.message).toContain('objective "o-sales" cannot go from proposed to approved yet (1 reason)');
    expect(error.issues).toEqual(check.reasons);
    expect(localizeError(error, 'vi')).toContain('chưa thể chuyển từ đề xuất sang đã duyệt');
  });

  it('a company objective needs no parent; a link aligns a team objective as a parent does', () => {
    const linked = parsePlan({
      ...SEED_004,
      objectives: SEED_004.objectives!.map((o) => (o.id === 'o-sales' ? { ...o, parentId: undefined, links: [{ to: 'kr-revenue' }] } : o)),
    });
    let p = advanceObjective(linked, 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
    p = advanceObjective(p, 'o-sales', 'approved', by('u-lan', '2026-06-25'));
    expect(stateOf(p.objectives[1]!)).toBe('approved');
  });

  it('closing needs the cycle over at asOf, or the cycle graded or closed', () => {
    const p = activated();
    const early = checkObjectiveTransition(p, 'o-sales', 'closed', by('u-lan', '2026-09-15'));
    expect(early.reasons.map((r) => [r.path, r.message])).toEqual([[['cycles', 0, 'end'], 'The cycle "q3" must be over: it ends on 2026-09-30, and the date is 2026-09-15.']]);
    // score and grade are previewed even when not ready: no check-in yet on 15 September
    expect(early).toMatchObject({ score: 0, grade: 'red' });
    expect(checkObjectiveTransition(p, 'o-sales', 'closed', by('u-lan', '2026-10-01'))).toMatchObject({ ready: true, score: 0.7, grade: 'green' });
    const graded = { ...p, cycles: [{ ...p.cycles[0]!, state: 'grading' as const }] };
    expect(checkObjectiveTransition(graded, 'o-sales', 'closed', by('u-lan', '2026-09-15')).ready).toBe(true);
    // asOf judges the step; at only dates it
    expect(checkObjectiveTransition(p, 'o-sales', 'closed', { by: 'u-lan', at: '2026-09-15', asOf: '2026-10-01' }).ready).toBe(true);
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
    const p = advanceObjective(seedPlan(), 'o-sales', 'proposed', by('u-lan', '2026-06-20'));
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
    expect(checkObjectiveTransition(p, 'o-sales', 'approved', by('u-ceo', '2026-06-25')).ready).toBe(true);
    for (const o of ['o-company', 'o-sales']) p = advanceObjective(p, o, 'approved', { ...by('u-ceo', '2026-06-25'), note: 'Aligned in the planning meeting' });
    for (const k of krs) p = advanceKeyResult(p, k, 'approved', by('u-ceo', '2026-06-25'));
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
