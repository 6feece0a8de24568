import { describe, expect, it } from 'vitest';
import { keyResultProgress, OkrkitError, type CheckIn, type KeyResult } from '../../src/index.js';
import { deepFreeze } from '../fixtures.js';
import { metricFrom } from '../builders.js';

const at = (day: string, value?: number | string, extra: Partial<CheckIn> = {}): CheckIn => ({
  keyResultId: 'kr',
  at: day,
  ...(value === undefined ? {} : { value }),
  ...extra,
});
const metric = metricFrom;

describe('keyResultProgress', () => {
  describe('metric key results', () => {
    it('measures a decrease from 100 to 60 bugs with 50 left as raw 1.25, capped at 1', () => {
      const bugs = metric(100, 60);
      const r = keyResultProgress(bugs, [at('2026-09-01', 50)]);
      expect(r).toMatchObject({ value: 50, raw: 1.25, progress: 1, score: 1 });
      expect(keyResultProgress(bugs, [at('2026-09-01', 50)], { cap: Infinity }).progress).toBe(1.25);
      expect(keyResultProgress(bugs, [at('2026-09-01', 50)], { cap: 1.2 }).progress).toBe(1.2);
    });

    it('clamps progress below the start at 0 but keeps the negative raw value', () => {
      const r = keyResultProgress(metric(10, 20), [at('2026-07-02', 5)]);
      expect(r.raw).toBe(-0.5);
      expect(r.progress).toBe(0);
    });

    it('uses the start value before any check-in', () => {
      expect(keyResultProgress(metric(10, 20))).toMatchObject({ value: 10, raw: 0, progress: 0, checkIns: 0, lastCheckIn: null });
    });

    it('computes with exact decimals: 0.1 + 0.2 is 0.3', () => {
      const kr = metric('0', '0.3', { valueFrom: 'sum' });
      const r = keyResultProgress(kr, [at('2026-07-02', '0.1'), at('2026-07-03', 0.2)]);
      expect(r.value).toBe(0.3);
      expect(r.progress).toBe(1);
    });

    it('keeps money exact beyond the double range of cents', () => {
      const kr = metric('0', '90071992547409.93', { valueFrom: 'sum' });
      const r = keyResultProgress(kr, [at('2026-07-02', '45035996273704.96'), at('2026-07-03', '45035996273704.97')]);
      expect(r.raw).toBe(1);
    });

    it.each([
      ['latest', 30],
      ['sum', 10 + 30 + 20 + 30],
      ['average', (30 + 20 + 30) / 3 + 0],
      ['min', 20],
      ['max', 30],
    ] as const)('takes the current value from the check-ins by %s', (valueFrom, expected) => {
      const kr = metric(10, 110, { valueFrom });
      const r = keyResultProgress(kr, [at('2026-07-03', 20), at('2026-07-05', 30), at('2026-07-01', 30)]);
      expect(r.value).toBeCloseTo(expected, 12);
    });

    it('picks the latest check-in by date, then by instant for two date-times on one day', () => {
      const kr = metric(0, 100);
      const checkIns = [
        at('2026-07-05T08:00:00+07:00', 40), // 01:00 UTC
        at('2026-07-05T07:00:00+00:00', 50), // 07:00 UTC: later
        at('2026-07-04T23:59:00-12:00', 90), // counts on 07-04
      ];
      expect(keyResultProgress(kr, checkIns).value).toBe(50);
    });

    it('counts a date-time on the calendar date written in it', () => {
      const kr = metric(0, 100);
      const r = keyResultProgress(kr, [at('2026-07-31T23:30:00-05:00', 40)], { asOf: '2026-07-31' });
      expect(r.value).toBe(40);
      expect(r.lastCheckIn).toBe('2026-07-31');
    });

    it('ignores check-ins after asOf and before since, and those of other key results', () => {
      const kr = metric(0, 100);
      const checkIns = [at('2026-06-30', 5), at('2026-07-10', 10), at('2026-08-10', 80), { ...at('2026-07-20', 99), keyResultId: 'other' }];
      const r = keyResultProgress(kr, checkIns, { since: '2026-07-01', asOf: '2026-07-31' });
      expect(r).toMatchObject({ value: 10, checkIns: 1 });
    });

    it('reports the latest confidence given', () => {
      const r = keyResultProgress(metric(0, 10), [at('2026-07-01', 1, { confidence: 0.4 }), at('2026-07-02', 2, { confidence: 0.9 }), at('2026-07-03', 3)]);
      expect(r.confidence).toBe(0.9);
    });

    it('applies steps scoring to progress', () => {
      const kr = metric(0, 100, {
        scoring: { type: 'steps', steps: [{ min: 0.4, score: 0.3 }, { min: 1, score: 1 }, { min: 0.7, score: 0.7 }] },
      });
      const scoreAt = (v: number) => keyResultProgress(kr, [at('2026-07-01', v)]).score;
      expect([scoreAt(30), scoreAt(40), scoreAt(69), scoreAt(70), scoreAt(100)]).toEqual([0, 0.3, 0.3, 0.7, 1]);
    });

    it('lets finalScore override the score and says so', () => {
      const r = keyResultProgress(metric(0, 10, { finalScore: 0.9 }), [at('2026-07-01', 2)]);
      expect(r).toMatchObject({ progress: 0.2, score: 0.9, overridden: true });
    });
  });

  describe('threshold and range key results', () => {
    const churn = { id: 'kr', objectiveId: 'o', title: 'Churn', kind: 'threshold', comparator: 'atMost', value: 10 } as const;

    it('gives 1 while the condition holds and 0 otherwise', () => {
      expect(keyResultProgress(churn, [at('2026-07-01', 10)]).progress).toBe(1);
      expect(keyResultProgress(churn, [at('2026-07-01', '10.01')]).progress).toBe(0);
      expect(keyResultProgress({ ...churn, inclusive: false }, [at('2026-07-01', 10)]).progress).toBe(0);
      expect(keyResultProgress({ ...churn, comparator: 'atLeast' }, [at('2026-07-01', 12)]).progress).toBe(1);
    });

    it('gives 0 with no value yet', () => {
      expect(keyResultProgress(churn, [])).toMatchObject({ value: null, progress: 0 });
    });

    it('can give the share of check-ins that met the condition', () => {
      const kr = { ...churn, measure: 'shareOfCheckIns' } as const;
      const r = keyResultProgress(kr, [at('2026-07-01', 9), at('2026-07-08', 11), at('2026-07-15', 10), at('2026-07-22', 12)]);
      expect(r.progress).toBe(0.5);
    });

    it('judges a range with its tolerance', () => {
      const kr = { id: 'kr', objectiveId: 'o', title: 'Utilisation', kind: 'range', min: 80, max: 90, tolerance: '0.5' } as const;
      const p = (v: number) => keyResultProgress(kr, [at('2026-07-01', v)]).progress;
      expect([p(79.4), p(79.5), p(85), p(90.5), p(90.6)]).toEqual([0, 1, 1, 1, 0]);
    });
  });

  describe('binary, milestones and baseline key results', () => {
    const binary = { id: 'kr', objectiveId: 'o', title: 'Launch', kind: 'binary' } as const;

    it('reads done from the latest check-in, or a non-zero value', () => {
      expect(keyResultProgress(binary, [at('2026-07-01', undefined, { done: true }), at('2026-07-02', undefined, { done: false })]).progress).toBe(0);
      expect(keyResultProgress(binary, [at('2026-07-01', undefined, { done: false }), at('2026-07-02', undefined, { done: true })]).progress).toBe(1);
      expect(keyResultProgress(binary, [at('2026-07-01', 1)]).progress).toBe(1);
      expect(keyResultProgress(binary, []).progress).toBe(0);
    });

    it('gives milestones the weighted share done', () => {
      const kr = {
        id: 'kr', objectiveId: 'o', title: 'Redesign', kind: 'milestones',
        milestones: [{ title: 'a', weight: 1, done: true }, { title: 'b', weight: 3, doneAt: '2026-08-01' }, { title: 'c' }],
      } as const;
      expect(keyResultProgress(kr, [], { asOf: '2026-07-31' }).progress).toBe(0.2);
      expect(keyResultProgress(kr, [], { asOf: '2026-08-01' }).progress).toBe(0.8);
    });

    it('measures a baseline without scoring it', () => {
      const kr = { id: 'kr', objectiveId: 'o', title: 'eNPS today', kind: 'baseline', start: 20 } as const;
      expect(keyResultProgress(kr, [at('2026-07-01', 31)])).toMatchObject({ value: 31, raw: null, progress: null, score: null });
    });
  });

  it('does not mutate its input', () => {
    const kr = deepFreeze(metric(0, 100, { valueFrom: 'sum' }));
    const checkIns = deepFreeze([at('2026-07-02', 10), at('2026-07-01', 5)]);
    const copy = structuredClone(checkIns);
    expect(keyResultProgress(kr, checkIns).value).toBe(15);
    expect(checkIns).toEqual(copy);
  });

  describe('errors', () => {
    it('rejects a metric key result whose target equals its start', () => {
      expect(() => keyResultProgress(metric(5, '5.0'))).toThrowErrorMatchingInlineSnapshot(
        `[OkrkitError: okrkit: invalid argument: key result "kr": The target equals the start (5.0), so progress cannot be measured; use a "threshold" key result to keep a value at a level.]`,
      );
    });

    it('rejects a bad key result with the path of the problem', () => {
      try {
        keyResultProgress({ ...metric(0, 10), start: '12,5' } as KeyResult);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(OkrkitError);
        expect((error as OkrkitError).code).toBe('invalid_argument');
        expect((error as OkrkitError).issues).toEqual([
          { path: ['keyResult', 'start'], code: 'invalid_number', message: expect.stringContaining('decimal string'), messageKey: 'issue.invalidNumber', params: {} },
        ]);
      }
    });

    it.each([[0.5], [Number.NaN], [-1]])('rejects cap %s', (cap) => {
      expect(() => keyResultProgress(metric(0, 10), [], { cap })).toThrow(/cap must be a number of at least 1/);
    });

    it('rejects an impossible asOf date', () => {
      expect(() => keyResultProgress(metric(0, 10), [], { asOf: '2026-02-30' })).toThrow(OkrkitError);
    });
  });
});
