import { describe, expect, it } from 'vitest';
import { lintPlan, parsePlan, translate } from '../../src/index.js';
import { Q3 } from '../builders.js';

// objectives-per-owner says "1 objective" and "6 objectives", never "objective(s)" (issue 16, attack).
const objectives = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: 'Delight customers', cycleId: 'q3', ownerId: 'lan' }));
const keyResults = (n: number) =>
  Array.from({ length: n }, (_, i) => ['a', 'b'].map((p) => ({ id: `${p}${i}`, objectiveId: `o${i}`, title: `Revenue ${p}${i}`, kind: 'metric' as const, start: 0, target: 10, unit: 'VND' }))).flat();
const finding = (n: number, locale: 'en' | 'vi') =>
  lintPlan(parsePlan({ cycles: [Q3], objectives: objectives(n), keyResults: keyResults(n) }), { locale }).find((f) => f.code === 'objectives-per-owner');

describe('objectives-per-owner: singular and plural', () => {
  it('one objective in the singular, every other count in the plural, in English', () => {
    expect(finding(1, 'en')!.message).toBe('lan has 1 objective in Q3 2026; 3 to 5 keep focus (never fewer than 2).');
    for (const n of [2, 6, 7, 8, 12]) {
      const message = finding(n, 'en')!.message;
      expect(message).toContain(`lan has ${n} objectives in Q3 2026;`);
    }
    for (const n of [1, 2, 6, 8]) expect(finding(n, 'en')!.message).not.toMatch(/\(s\)|\b1 objectives\b/);
  });

  it('Vietnamese, which has no plural ending, says the count with "mục tiêu"', () => {
    expect(finding(1, 'vi')!.message).toBe('lan chỉ có 1 mục tiêu trong Q3 2026; nên có 3 đến 5 mục tiêu để tập trung (không ít hơn 2).');
    expect(finding(6, 'vi')!.message).toBe('lan có 6 mục tiêu trong Q3 2026; thông thường nên có 3 đến 5 mục tiêu.');
    expect(finding(8, 'vi')!.message).toBe('lan có 8 mục tiêu trong Q3 2026; nên có 3 đến 5 mục tiêu để tập trung (không quá 7).');
  });

  it('the plural form of "too few" reads right for any other count, should the limits change', () => {
    for (const count of [0, 2, 10]) {
      expect(translate('lint.objectivesPerOwner.few.other', 'en', { owner: 'lan', count, cycle: 'Q3' })).toBe(`lan has ${count} objectives in Q3; 3 to 5 keep focus (never fewer than 2).`);
      expect(translate('lint.objectivesPerOwner.few.other', 'vi', { owner: 'lan', count, cycle: 'Q3' })).toContain(`lan chỉ có ${count} mục tiêu trong Q3;`);
    }
  });
});
