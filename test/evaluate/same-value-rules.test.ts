// Every entry point checks values by the same rules as parsePlan (issue 14): out of range
// (1e400, 1e-31) and decimal underflow ("1e-99999999999999999") are rejected everywhere.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createLiveEvaluation, evaluateKpi, forecastKeyResult, keyResultProgress, kpiSeries, OkrkitError, parsePlan, safeParsePlan, type Kpi } from '../../src/index.js';

const cycle = { id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' };
const kr = { id: 'k', objectiveId: 'o', title: 'K', kind: 'metric', start: 0, target: 10 } as const;
const plan = parsePlan({ cycles: [cycle], objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }], keyResults: [kr], checkIns: [{ keyResultId: 'k', at: '2026-08-01', value: 5 }] });
const leads: Kpi = { id: 'leads', name: 'Leads', target: { polarity: 'higher', value: 20 }, timeframe: { start: '2026-07-01', end: '2026-09-30' }, dataSource: { name: 'CRM' }, frequency: 'weekly', aggregation: 'last' };

const BAD = ['1e400', '-1e400', '1e-31', '1e-99999999999999999', '-1e-99999999999999999', '0.0000000000000000000000000000000000001', '1e99999999999999999'];

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof OkrkitError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('one rule for values at every entry point', () => {
  it.each(BAD)('%s is rejected by parsePlan, applyCheckIn, keyResultProgress, forecastKeyResult, evaluateKpi and kpiSeries', (value) => {
    const parsed = safeParsePlan({ ...plan, checkIns: [{ keyResultId: 'k', at: '2026-08-01', value }] });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.code)).toEqual(['number_out_of_range']);
    const live = createLiveEvaluation(plan, { asOf: '2026-09-30' });
    const before = JSON.stringify(live.evaluation);
    // dated before the latest check-in, so measuring would not even read it
    expect(codeOf(() => live.applyCheckIn({ keyResultId: 'k', at: '2026-07-02', value }))).toBe('invalid_argument');
    expect(JSON.stringify(live.evaluation)).toBe(before);
    const older = [{ keyResultId: 'k', at: '2026-07-02', value }, { keyResultId: 'k', at: '2026-08-01', value: 5 }];
    expect(codeOf(() => keyResultProgress(kr, older))).toBe('invalid_argument');
    expect(codeOf(() => forecastKeyResult(kr, older, cycle, { asOf: '2026-08-15' }))).toBe('invalid_argument');
    const measurements = [{ kpiId: 'leads', at: '2026-06-01', value }, { kpiId: 'leads', at: '2026-08-01', value: 5 }];
    expect(codeOf(() => evaluateKpi(leads, measurements))).toBe('invalid_argument');
    expect(codeOf(() => kpiSeries(leads, measurements))).toBe('invalid_argument');
    // the same calls with a good value at that place are accepted: the value is what is rejected
    const good = [{ kpiId: 'leads', at: '2026-06-01', value: 1 }, { kpiId: 'leads', at: '2026-08-01', value: 5 }];
    expect(codeOf(() => evaluateKpi(leads, good))).toBe('accepted');
    expect(codeOf(() => kpiSeries(leads, good))).toBe('accepted');
    expect(codeOf(() => keyResultProgress(kr, [{ keyResultId: 'k', at: '2026-07-02', value: 1 }, older[1]!]))).toBe('accepted');
  });

  it('names the place and the value', () => {
    const live = createLiveEvaluation(plan);
    expect(() => live.applyCheckIn({ keyResultId: 'k', at: '2026-08-02', value: '1e-99999999999999999' })).toThrow(
      'check-in value of "k": The number 1e-99999999999999999 is outside the supported range',
    );
  });

  it('a live check-in for an unknown key result says so, and does not blame the plan', () => {
    const live = createLiveEvaluation(plan);
    let error: unknown;
    try {
      live.applyCheckIn({ keyResultId: 'nope', at: '2026-08-02', value: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OkrkitError);
    expect(error).toMatchObject({ code: 'unknown_reference' });
    expect(String((error as Error).message)).toBe('okrkit: the check-in refers to an unknown key result "nope"; the plan has no key result with that id');
    expect(String((error as Error).message)).not.toContain('parsePlan');
  });

  test.prop([fc.integer({ min: 31, max: 1e9 }), fc.integer({ min: 1, max: 9 }), fc.boolean()])(
    'a magnitude below 1e-30 is rejected, however far below, and so is one above 1e30',
    (exponent, digit, above) => {
      const value = `${digit}e${above ? '+' : '-'}${exponent === 31 && above ? 31 : exponent}`;
      const parsed = safeParsePlan({ ...plan, checkIns: [{ keyResultId: 'k', at: '2026-08-01', value }] });
      expect(parsed.success).toBe(false);
      expect(codeOf(() => createLiveEvaluation(plan).applyCheckIn({ keyResultId: 'k', at: '2026-08-02', value }))).toBe('invalid_argument');
    },
  );

  it('zero written any way is still zero', () => {
    for (const value of ['0', '0e-99999999999999999', '-0.000', '0.0e5']) {
      expect(keyResultProgress(kr, [{ keyResultId: 'k', at: '2026-08-01', value }]).value).toBe(0);
    }
  });
});
