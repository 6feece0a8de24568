import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { advanceKeyResult, advanceObjective, checkObjectiveTransition, createOkrkit, defineKeyResultKind, type Plan } from '../../src/index.js';
import { thrown } from '../builders.js';

const nps = defineKeyResultKind({
  kind: 'nps',
  schema: z.object({ from: z.number(), to: z.number() }),
  progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from),
});
const okr = createOkrkit({ kinds: [nps] });
const kitPlan = okr.parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o', title: 'Customers love us', cycleId: 'q3', state: 'proposed' }],
  keyResults: [
    { id: 'n', objectiveId: 'o', title: 'NPS 10 → 40', kind: 'nps', from: 10, to: 40 },
    { id: 'n2', objectiveId: 'o', title: 'NPS of partners 0 → 20', kind: 'nps', from: 0, to: 20 },
  ],
  checkIns: [{ keyResultId: 'n', at: '2026-09-01', value: 25 }, { keyResultId: 'n2', at: '2026-09-01', value: 20 }],
});
// The plain functions take a kit's plan as a plan (they know only the built-in kinds).
const plan = kitPlan as unknown as Plan;

describe('the process with plug-in key-result kinds', () => {
  it('counts plug-in key results as key results with a target, and takes every step but a scored closing', () => {
    expect(checkObjectiveTransition(plan, 'o', 'approved', { by: 'u', at: '2026-06-25' }).ready).toBe(true);
    let p = advanceObjective(plan, 'o', 'approved', { by: 'u', at: '2026-06-25' });
    p = advanceObjective(p, 'o', 'active', { by: 'u', at: '2026-07-01' });
    expect(advanceKeyResult(p, 'n', 'closed', { by: 'u', at: '2026-10-01', score: 0.6 }).keyResults[0]).toMatchObject({ state: 'closed', finalScore: 0.6 });
    expect(advanceObjective(p, 'o', 'closed', { by: 'u', at: '2026-10-01', score: 0.6 }).objectives[0]).toMatchObject({ state: 'closed', finalScore: 0.6 });
    // without a score, closing evaluates with the built-in kinds only: a clear error, not a crash
    const error = thrown(() => advanceObjective(p, 'o', 'closed', { by: 'u', at: '2026-10-01' }));
    expect(error.code).not.toBe('not_ready');
    expect(error.message).toContain('nps');
  });
});

describe('the process as kit members', () => {
  it('closes with the plug-in kinds’ own scores, and keeps the plug-in key results in the new plan', () => {
    let p = okr.advanceObjective(kitPlan, 'o', 'approved', { by: 'u', at: '2026-06-25' });
    p = okr.advanceObjective(p, 'o', 'active', { by: 'u', at: '2026-07-01' });
    expect(okr.checkObjectiveTransition(p, 'o', 'closed', { by: 'u', at: '2026-10-01' })).toMatchObject({ ready: true, score: 0.75 });
    const closed = okr.advanceObjective(p, 'o', 'closed', { by: 'u', at: '2026-10-01' });
    expect(closed.objectives[0]).toMatchObject({ state: 'closed', finalScore: 0.75 });
    expect(closed.keyResults[0]).toMatchObject({ kind: 'nps', from: 10, to: 40 });
    expect(okr.checkKeyResultTransition(p, 'n', 'closed', { by: 'u', at: '2026-10-01' }).score).toBe(0.5);
    expect(okr.advanceKeyResult(p, 'n2', 'closed', { by: 'u', at: '2026-10-01' }).keyResults[1]).toMatchObject({ state: 'closed', finalScore: 1 });
    expect(okr.evaluate(closed).objectives['o']?.score).toBe(0.75);
  });
});
