import { describe, expect, it } from 'vitest';
import { lintPlan, parsePlan, translate } from '../../src/index.js';
import { Q3 } from '../builders.js';

// key-results-per-objective says "1 key result" and "6 key results", never "key result(s)" (issue 16).
const plan = (n: number) =>
  parsePlan({
    cycles: [Q3],
    objectives: [{ id: 'o', title: 'Delight customers', cycleId: 'q3' }],
    keyResults: Array.from({ length: n }, (_, i) => ({ id: `k${i}`, objectiveId: 'o', title: `Revenue ${i}`, kind: 'metric' as const, start: 0, target: 10 })),
  });
const finding = (n: number, locale: 'en' | 'vi') => lintPlan(plan(n), { locale }).find((f) => f.code === 'key-results-per-objective');

describe('key-results-per-objective: singular and plural', () => {
  it('one key result in the singular, more than five in the plural, in English', () => {
    expect(finding(1, 'en')!.message).toBe('This objective has 1 key result; 2 to 5 measure it well.');
    for (const n of [6, 7, 11]) expect(finding(n, 'en')!.message).toBe(`This objective has ${n} key results; 2 to 5 measure it well.`);
    for (const n of [2, 5]) expect(finding(n, 'en')).toBeUndefined();
  });

  it('Vietnamese, which has no plural ending: "chỉ có 1" when too few, the count when too many', () => {
    expect(finding(1, 'vi')!.message).toBe('Mục tiêu này chỉ có 1 kết quả then chốt; nên có 2 đến 5 kết quả then chốt để đo lường mục tiêu.');
    expect(finding(6, 'vi')!.message).toBe('Mục tiêu này có 6 kết quả then chốt; nên có 2 đến 5 kết quả then chốt để đo lường mục tiêu.');
  });

  it('the plural form reads right for any count but one, should the limits change', () => {
    for (const count of [0, 2, 10]) {
      expect(translate('lint.keyResultsPerObjective.other', 'en', { count })).toBe(`This objective has ${count} key results; 2 to 5 measure it well.`);
      expect(translate('lint.keyResultsPerObjective.other', 'vi', { count })).toContain(`Mục tiêu này có ${count} kết quả then chốt;`);
    }
  });
});
