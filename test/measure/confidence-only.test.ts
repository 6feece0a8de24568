// A check-in without a value or `done` (only a confidence or a note) does not undo the
// check-ins before it (issue 14).
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLiveEvaluation, evaluate, keyResultProgress, parsePlan, type CheckIn, type KeyResult } from '../../src/index.js';

const binary: KeyResult = { id: 'b', objectiveId: 'o', title: 'Launch', kind: 'binary' };
const metric: KeyResult = { id: 'b', objectiveId: 'o', title: 'Revenue', kind: 'metric', start: 0, target: 10 };
const threshold: KeyResult = { id: 'b', objectiveId: 'o', title: 'Churn ≤ 5', kind: 'threshold', comparator: 'atMost', value: 5 };

describe('confidence-only check-ins', () => {
  it('a binary key result stays done after a later check-in with only a confidence', () => {
    const checkIns: CheckIn[] = [
      { keyResultId: 'b', at: '2026-08-01', done: true },
      { keyResultId: 'b', at: '2026-08-15', confidence: 0.4 },
    ];
    expect(keyResultProgress(binary, checkIns)).toMatchObject({ progress: 1, score: 1, confidence: 0.4, lastCheckIn: '2026-08-15', checkIns: 2 });
    // done by a value, then a note only
    expect(keyResultProgress(binary, [{ keyResultId: 'b', at: '2026-08-01', value: 1 }, { keyResultId: 'b', at: '2026-08-02', note: 'shipped' }]).progress).toBe(1);
    // a later explicit undo still counts
    expect(keyResultProgress(binary, [...checkIns, { keyResultId: 'b', at: '2026-08-20', done: false }]).progress).toBe(0);
    // a confidence-only check-in on the same instant, later by id, does not undo either
    expect(keyResultProgress(binary, [{ keyResultId: 'b', at: '2026-08-01', id: 'a', done: true }, { keyResultId: 'b', at: '2026-08-01', id: 'z', confidence: 0.1 }]).progress).toBe(1);
  });

  it('holds in evaluate and in a live evaluation', () => {
    const plan = parsePlan({
      cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }],
      keyResults: [binary],
      checkIns: [{ keyResultId: 'b', at: '2026-08-01', done: true }],
    });
    const live = createLiveEvaluation(plan);
    live.applyCheckIn({ keyResultId: 'b', at: '2026-08-15', confidence: 0.3 });
    expect(live.evaluation.keyResults['b']).toMatchObject({ progress: 1, confidence: 0.3 });
    expect(evaluate({ ...plan, checkIns: [...plan.checkIns, { keyResultId: 'b', at: '2026-08-15', confidence: 0.3 }] }).objectives['o']!.score).toBe(1);
  });

  const marked = fc.record({
    keyResultId: fc.constant('b'),
    at: fc.constantFrom('2026-07-01', '2026-07-02', '2026-07-03'),
    id: fc.constantFrom('a', 'b'),
    done: fc.boolean(),
    value: fc.integer({ min: 0, max: 12 }),
    confidence: fc.constantFrom(0.2, 0.9),
  }, { requiredKeys: ['keyResultId', 'at'] });
  const confidenceOnly = fc.record({ keyResultId: fc.constant('b'), at: fc.constantFrom('2026-07-01', '2026-07-03', '2026-07-09'), id: fc.constantFrom('a', 'z'), confidence: fc.constantFrom(0.1, 0.5) });

  test.prop([fc.array(marked, { maxLength: 8 }), fc.array(confidenceOnly, { maxLength: 4 })])(
    'adding check-ins with only a confidence never changes progress, value or score, for every kind',
    (checkIns, extra) => {
      for (const kr of [binary, metric, threshold]) {
        const before = keyResultProgress(kr, checkIns);
        const after = keyResultProgress(kr, [...checkIns, ...extra]);
        expect([after.progress, after.score, after.value]).toEqual([before.progress, before.score, before.value]);
      }
    },
  );
});
