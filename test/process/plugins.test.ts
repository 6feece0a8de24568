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
// The process functions are not kit members yet: a kit's plan is passed as a plan.
const plan = okr.parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o', title: 'Customers love us', cycleId: 'q3', state: 'proposed' }],
  keyResults: [
    { id: 'n', objectiveId: 'o', title: 'NPS 10 → 40', kind: 'nps', from: 10, to: 40 },
    { id: 'n2', objectiveId: 'o', title: 'NPS of partners 0 → 20', kind: 'nps', from: 0, to: 20 },
  ],
}) as unknown as Plan;

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
