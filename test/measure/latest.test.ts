import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { keyResultProgress, type CheckIn, type KeyResult } from '../../src/index.js';
import { compareCheckIns } from '../../src/measure/key-result.js';

const kr: KeyResult = { id: 'kr', objectiveId: 'o', title: 'Revenue', kind: 'metric', start: 0, target: 100 };
const checkInArb: fc.Arbitrary<CheckIn> = fc.record(
  {
    keyResultId: fc.constant('kr'),
    at: fc.constantFrom('2026-07-01', '2026-07-02', '2026-07-02T09:00:00Z', '2026-07-03', '2026-06-30'),
    id: fc.constantFrom('a', 'b'),
    value: fc.integer({ min: 0, max: 120 }),
    confidence: fc.constantFrom(0.2, 0.5, 0.9),
  },
  { requiredKeys: ['keyResultId', 'at'] },
);

describe('the latest check-in', () => {
  test.prop([fc.array(checkInArb, { maxLength: 12 })])(
    'value, confidence and date come from the latest valued, confident and counted check-ins of the window',
    (checkIns) => {
      const counted = checkIns.filter((c) => c.at.slice(0, 10) >= '2026-07-01' && c.at.slice(0, 10) <= '2026-09-30');
      const latestOf = (list: CheckIn[]) => list.reduce<CheckIn | null>((best, c) => (best === null || compareCheckIns(c, best) > 0 ? c : best), null);
      const valued = latestOf(counted.filter((c) => c.value !== undefined));
      const confident = latestOf(counted.filter((c) => c.confidence !== undefined));
      const latest = latestOf(counted);
      const r = keyResultProgress(kr, checkIns, { since: '2026-07-01', asOf: '2026-09-30' });
      expect(r.value).toBe(valued === null ? 0 : Number(valued.value));
      expect(r.confidence).toBe(confident === null ? null : confident.confidence);
      expect(r.lastCheckIn).toBe(latest === null ? null : latest.at.slice(0, 10));
      expect(r.checkIns).toBe(counted.length);
    },
  );
});
