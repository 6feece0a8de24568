// A check-in dated outside its key result's cycle (issue 14): a lint warning naming the
// key result and the date; evaluate keeps leaving it out.
import { describe, expect, it } from 'vitest';
import { evaluate, lintPlan, parsePlan } from '../../src/index.js';

const plan = parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }],
  keyResults: [{ id: 'kr-rev', objectiveId: 'o', title: 'Revenue', kind: 'metric', start: 0, target: 10, unit: 'VND' }],
  checkIns: [
    { keyResultId: 'kr-rev', at: '2026-06-30', value: 9 },
    { keyResultId: 'kr-rev', at: '2026-07-01', value: 2 },
    { keyResultId: 'kr-rev', at: '2026-09-30T23:59:00+07:00', value: 4 },
    { keyResultId: 'kr-rev', at: '2026-10-01', value: 10 },
  ],
});

describe('check-in-outside-cycle', () => {
  it('warns for each check-in before the start or after the end, naming the key result and the date', () => {
    const found = lintPlan(plan).filter((f) => f.code === 'check-in-outside-cycle');
    expect(found.map((f) => [f.severity, f.id, f.path, f.message])).toEqual([
      ['warning', 'kr-rev', ['checkIns', 0, 'at'], 'The check-in of key result "kr-rev" on 2026-06-30 is outside its cycle Q3 2026 (2026-07-01 to 2026-09-30); evaluate leaves it out.'],
      ['warning', 'kr-rev', ['checkIns', 3, 'at'], 'The check-in of key result "kr-rev" on 2026-10-01 is outside its cycle Q3 2026 (2026-07-01 to 2026-09-30); evaluate leaves it out.'],
    ]);
  });

  it('evaluate keeps ignoring them', () => {
    const e = evaluate(plan);
    expect(e.keyResults['kr-rev']).toMatchObject({ value: 4, checkIns: 2, lastCheckIn: '2026-09-30' });
    const inside = evaluate({ ...plan, checkIns: plan.checkIns.slice(1, 3) });
    expect(e).toEqual(inside);
  });

  it('can be switched off like any rule', () => {
    expect(lintPlan(plan, { rules: { 'check-in-outside-cycle': 'off' } }).some((f) => f.code === 'check-in-outside-cycle')).toBe(false);
  });
});
