// The eight hand-worked cases of the exactness issue: values that land exactly on a
// threshold, and means with decimal weights. Each expectation is worked out by hand in
// the comment above it; before the exact core, every one of these failed.
import { describe, expect, it } from 'vitest';
import { createOkrkit, defineScoring, evaluate, evaluateKpi, formatScore, grade, keyResultProgress, OkrkitError, paceStatus, scorecard, type Plan } from '../../src/index.js';

const q2 = { id: 'q2', name: 'Q2 2026', start: '2026-04-01', end: '2026-06-30' };

/** A plan of one objective and metric key results 0 → target with one check-in each. */
function plan(krs: readonly { target: number; value: number; weight?: number | string }[], cycle: object = q2): Plan {
  return {
    cycles: [cycle],
    objectives: [{ id: 'o', title: 'Objective', cycleId: 'q2' }],
    keyResults: krs.map((k, i) => ({ id: `k${i}`, objectiveId: 'o', title: `KR ${i}`, kind: 'metric', start: 0, target: k.target, ...(k.weight === undefined ? {} : { weight: k.weight }) })),
    checkIns: krs.map((k, i) => ({ keyResultId: `k${i}`, at: '2026-04-15', value: k.value })),
  } as unknown as Plan;
}

describe('exact decisions at thresholds', () => {
  // 2026-04-01 → 2026-05-07 is 36 of the cycle's 90 days: expected exactly 0.4. Progress
  // 0.3, so the ratio is exactly 0.75, the at-risk threshold.
  it('a ratio exactly at the at-risk threshold is at risk', () => {
    const e = evaluate(plan([{ target: 100, value: 30 }]), { asOf: '2026-05-07' });
    expect(e.keyResults['k0']!.expected).toBe(0.4);
    expect(e.keyResults['k0']!.status).toBe('atRisk');
  });

  // Difference mode: progress 0.35 against 0.4 is exactly 0.05 behind, the on-track gap.
  it('a gap exactly at the on-track gap is on track', () => {
    const e = evaluate(plan([{ target: 100, value: 35 }]), { asOf: '2026-05-07', status: { mode: 'difference' } });
    expect(e.keyResults['k0']!.status).toBe('onTrack');
  });

  // 1–25 November is 25 of 30 days, so the pro-rated target is 20 × 25/30 = 50/3 leads;
  // 15 of them is exactly 0.9 of it: amber from 0.9.
  it('a KPI at exactly 0.9 of its pro-rated target is amber', () => {
    const kpi = {
      id: 'leads',
      name: 'New leads',
      target: { polarity: 'higher', value: 20 },
      timeframe: { start: '2026-11-01', end: '2026-11-30' },
      dataSource: { name: 'CRM' },
      frequency: 'weekly',
      aggregation: 'sum',
    } as const;
    const r = evaluateKpi(kpi, [{ kpiId: 'leads', at: '2026-11-10', value: 15 }], { asOf: '2026-11-25' });
    expect(r.pacedAttainment).toBe(0.9);
    expect(r.status).toBe('amber');
  });

  // Scores 0 (weight 2) and 2/3 (weight 3): (0 × 2 + 2/3 × 3) / 5 = 2/5, exactly the
  // aspirational yellow threshold 0.4.
  it('an objective scoring exactly 0.4 grades yellow', () => {
    const p = plan([{ target: 3, value: 0, weight: 2 }, { target: 3, value: 2, weight: 3 }]);
    const e = evaluate(p, { asOf: '2026-07-15' });
    expect(e.objectives['o']!.score).toBe(0.4);
    expect(e.objectives['o']!.grade).toBe('yellow');
  });
});

describe('exact means', () => {
  // (1/3 × w + 2/3 × 2w) / 3w = 5/9 for any w.
  it('gives one score for weights 0.1/0.2, 1/2 and 0.3/0.6', () => {
    const scores = [
      [0.1, 0.2],
      [1, 2],
      [0.3, 0.6],
      ['0.3', '0.6'],
    ].map(([a, b]) => evaluate(plan([{ target: 3, value: 1, weight: a! }, { target: 3, value: 2, weight: b! }])).objectives['o']!.score);
    expect(new Set(scores).size).toBe(1);
    expect(scores[0]).toBe(5 / 9);
  });

  // (1.3 × 0 + 0.3 × 2/3) / 1.6 = (13 × 0 + 3 × 2/3) / 16 = 0.125: shown 13 either way.
  it('shows the same 0–100 score for weights 1.3/0.3 and 13/3', () => {
    const shown = [
      [1.3, 0.3],
      [13, 3],
    ].map(([a, b]) => {
      const score = evaluate(plan([{ target: 1, value: 0, weight: a! }, { target: 3, value: 2, weight: b! }])).objectives['o']!.score;
      expect(score).toBe(0.125);
      return formatScore(score, { scale: 'hundred' });
    });
    expect(shown).toEqual(['13', '13']);
  });

  // An objective at s = (1/2 + 1/3) / 2 = 5/12; a third KR at exactly 5/12 (5 of 12).
  it('keeps the score when a key result at exactly that score is added', () => {
    const before = evaluate(plan([{ target: 2, value: 1 }, { target: 3, value: 1 }])).objectives['o']!.score;
    const after = evaluate(plan([{ target: 2, value: 1 }, { target: 3, value: 1 }, { target: 12, value: 5 }])).objectives['o']!.score;
    expect(after).toBe(before);
    expect(before).toBe(5 / 12);
  });

  // Scale scoring: red flag 80 earns 3.3 points, the goal 100 earns 6.6; 120 is two spans
  // above the red flag: 3.3 + 2 × 3.3 = 9.9 points, a score of 0.99, shown 99.
  it('scores scale points exactly', () => {
    const p = {
      cycles: [q2],
      units: [],
      kpis: [
        {
          id: 'nps',
          name: 'NPS',
          target: { polarity: 'higher', value: 100 },
          timeframe: { cycleId: 'q2' },
          dataSource: { name: 'Survey' },
          frequency: 'monthly',
          ownerId: 'lan',
          scoring: { type: 'scale', goal: 100, redFlag: 80, redFlagPoints: 3.3, goalPoints: 6.6 },
        },
      ],
      measurements: [{ kpiId: 'nps', at: '2026-05-01', value: 120 }],
    } as unknown as Plan;
    const sheet = scorecard(p, { ownerId: 'lan', asOf: '2026-06-30' });
    expect(sheet.lines[0]!.score).toBe(0.99);
    expect(sheet.total).toBe(99);
    expect(sheet.lines[0]!.points).toBe(99);
  });
});

describe('forecasts', () => {
  it('are the measured value once the cycle has ended', () => {
    const p = {
      cycles: [q2],
      objectives: [{ id: 'o', title: 'Objective', cycleId: 'q2' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'KR', kind: 'metric', start: 0, target: 100 }],
      checkIns: [
        { keyResultId: 'k', at: '2026-04-10', value: 10 },
        { keyResultId: 'k', at: '2026-05-10', value: 60 },
        { keyResultId: 'k', at: '2026-06-10', value: 75 },
      ],
    } as unknown as Plan;
    const ended = evaluate(p, { asOf: '2026-07-15', forecast: true });
    expect(ended.keyResults['k']!.forecast!.score).toBe(ended.keyResults['k']!.score);
    expect(ended.objectives['o']!.forecastScore).toBe(ended.objectives['o']!.score);
    // Before the end the trend is projected, as before.
    const running = evaluate(p, { asOf: '2026-06-15', forecast: true });
    expect(running.keyResults['k']!.forecast!.score).not.toBe(running.keyResults['k']!.score);
  });

  it('use a kit’s plug-in scoring', () => {
    const halves = defineScoring({ id: 'halves', score: (progress) => (progress >= 0.5 ? 1 : 0) });
    const kit = createOkrkit({ scorings: [halves] });
    const p = {
      cycles: [q2],
      objectives: [{ id: 'o', title: 'Objective', cycleId: 'q2' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'KR', kind: 'metric', start: 0, target: 100, scoring: { type: 'plugin', id: 'halves' } }],
      checkIns: [
        { keyResultId: 'k', at: '2026-04-10', value: 10 },
        { keyResultId: 'k', at: '2026-05-10', value: 40 },
      ],
    } as unknown as Plan;
    const e = kit.evaluate(p as never, { asOf: '2026-05-15', forecast: true });
    expect(e.keyResults['k']!.score).toBe(0);
    expect(e.keyResults['k']!.forecast!.score).toBe(1);
  });
});

describe('a kit’s forecastKeyResult', () => {
  it('scores with the kit’s plug-in scorings', () => {
    const halves = defineScoring({ id: 'halves', score: (progress) => (progress >= 0.5 ? 1 : 0) });
    const kit = createOkrkit({ scorings: [halves] });
    const kr = { id: 'k', objectiveId: 'o', title: 'KR', kind: 'metric', start: 0, target: 100, scoring: { type: 'plugin', id: 'halves' } } as const;
    const checkIns = [
      { keyResultId: 'k', at: '2026-04-10', value: 10 },
      { keyResultId: 'k', at: '2026-05-10', value: 40 },
    ];
    expect(kit.forecastKeyResult(kr as never, checkIns, q2, { asOf: '2026-05-15' })!.score).toBe(1);
    expect(kit.forecastKeyResult(kr as never, checkIns, q2)!.score).toBe(0);
  });
});

describe('numbers the exact core must not compute with', () => {
  const kr = { id: 'k', objectiveId: 'o', title: 'KR', kind: 'metric', start: 0, target: 100 } as const;
  it('are rejected in single records as in plans, with the place and the reason', () => {
    for (const value of ['1e999999999', '1e400', '1e31', '-1e-400']) {
      expect(() => keyResultProgress(kr, [{ keyResultId: 'k', at: '2026-04-02', value }])).toThrow(OkrkitError);
    }
    expect(() => keyResultProgress({ ...kr, target: '1e-400' }, [{ keyResultId: 'k', at: '2026-04-02', value: 5 }])).toThrow(/outside|range/);
  });

  it('are rejected as scores and progress', () => {
    expect(() => grade(Infinity)).toThrow(OkrkitError);
    expect(() => paceStatus(Infinity, 0.5)).toThrow(OkrkitError);
  });
});
