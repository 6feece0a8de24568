import { describe, expect, it } from 'vitest';
import { checkAgainstPlan } from '../../examples/hr-service/check-in-input.js';

// The service's own checks of a valid check-in against the plan and the day it runs on.
describe('hr-service: a check-in against the plan and today', () => {
  const cycles = new Map([['kr', { start: '2026-07-01', end: '2026-09-30' }]]);
  const at = (day: string) => ({ keyResultId: 'kr', at: day, value: 1 });

  it('takes a check-in dated today or earlier in the cycle', () => {
    expect(checkAgainstPlan(at('2026-08-20'), cycles, '2026-08-20')).toBeNull();
    expect(checkAgainstPlan(at('2026-08-20T23:59:00+07:00'), cycles, '2026-08-20')).toBeNull();
    expect(checkAgainstPlan(at('2026-07-01'), cycles, '2026-08-20')).toBeNull();
  });

  it('refuses one dated after today, naming both days', () => {
    const problem = checkAgainstPlan(at('2026-08-21'), cycles, '2026-08-20');
    expect(problem).toMatchObject({ path: ['at'], code: 'in_future' });
    expect(problem?.message).toContain('2026-08-21');
    expect(problem?.message).toContain('2026-08-20');
  });

  it('names the cycle first when the day is outside it', () => {
    expect(checkAgainstPlan(at('2026-10-01'), cycles, '2026-08-20')).toMatchObject({ code: 'outside_cycle' });
  });
});
