import { describe, expect, it } from 'vitest';
import { evaluate, formatScore, parsePlan } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';

describe('XYZ Corp plan (seed 001)', () => {
  const plan = parsePlan(loadPlan('xyz-corp'));

  it('scores every key result at the end of the quarter, decrease key results included', () => {
    const { keyResults } = evaluate(plan, { asOf: '2026-09-30' });
    const progress = Object.fromEntries(Object.values(keyResults).map((k) => [k.keyResultId, k.progress]));
    expect(progress).toEqual({
      'kr-sales-growth': 15 / 20,
      'kr-signups': 12 / 15,
      'kr-churn': (11 - 14) / (10 - 14), // decrease: 14 % → 10 %, now 11 %
      'kr-defects': 0.8, // decrease: 8 % → 5 %, now 5.6 %: 2.4 / 3 exactly
      'kr-adoption': (19 - 10) / (25 - 10),
      'kr-reviews': 1, // threshold ≥ 90 %, now 92 %
      'kr-training': 72 / 90,
      'kr-promotion': (9 - 8) / (12 - 8),
      'kr-satisfaction': 9 / 15,
    });
  });

  it('scores each objective as the plain mean of its three key results', () => {
    const { objectives, roots } = evaluate(plan, { asOf: '2026-09-30' });
    expect(roots).toEqual(['o-sales', 'o-quality', 'o-people']);
    expect(objectives['o-sales']!.score).toBeCloseTo((0.75 + 0.8 + 0.75) / 3, 15);
    expect(objectives['o-quality']!.score).toBeCloseTo((0.8 + 0.6 + 1) / 3, 15);
    expect(objectives['o-people']!.score).toBeCloseTo((0.8 + 0.25 + 0.6) / 3, 15);
    expect(roots.map((id) => formatScore(objectives[id]!.score))).toEqual(['77', '80', '55']);
  });

  it('counts only check-ins on or before asOf', () => {
    const { objectives, keyResults } = evaluate(plan, { asOf: '2026-08-15' });
    expect(keyResults['kr-churn']!.value).toBe(13.5);
    expect(keyResults['kr-churn']!.progress).toBe(0.125);
    // (6/20 + 4/15 + 0.5/4) / 3 = 83/360
    expect(objectives['o-sales']!.score).toBeCloseTo(83 / 360, 15);
    expect(keyResults['kr-sales-growth']!.checkIns).toBe(1);
    expect(keyResults['kr-sales-growth']!.lastCheckIn).toBe('2026-07-31');
  });

  it('gives every key result its start value before the first check-in', () => {
    const { objectives, keyResults } = evaluate(plan, { asOf: '2026-07-01' });
    expect(keyResults['kr-churn']!.value).toBe(14);
    expect(objectives['o-sales']!.score).toBe(0);
    expect(keyResults['kr-reviews']!.value).toBeNull();
  });

  it('lists the contributors of each objective with their normalised weights', () => {
    const { objectives } = evaluate(plan, { asOf: '2026-09-30' });
    expect(objectives['o-quality']!.contributors).toEqual([
      { id: 'kr-defects', type: 'keyResult', weight: 1, share: 1 / 3, score: 0.8 },
      { id: 'kr-adoption', type: 'keyResult', weight: 1, share: 1 / 3, score: 0.6 },
      { id: 'kr-reviews', type: 'keyResult', weight: 1, share: 1 / 3, score: 1 },
    ]);
  });
});

describe('SaaS cascade (seed 002)', () => {
  const plan = parsePlan(loadPlan('saas-cascade'));

  it('rolls the marketing and product team objectives up into the company objective', () => {
    const { objectives, keyResults } = evaluate(plan, { asOf: '2026-09-20' });
    expect(keyResults['kr-customers']!.value).toBe(620); // sum of increments
    expect(keyResults['kr-ads']!.progress).toBeCloseTo(2 / 3, 15);
    expect(keyResults['kr-layout']!.progress).toBe(0.5); // weights 1, 2, 3; first two done
    expect(keyResults['kr-backlog']!.progress).toBe(0.75);
    expect(keyResults['kr-website-2']!.progress).toBe(0);
    expect(objectives['o-reach']!.score).toBeCloseTo(17 / 24, 15);
    expect(objectives['o-website']!.score).toBe(0.625);
    // website 2.0 (w 1): 0; customers (w 2): 0.62; reach (w 1): 17/24; website (w 1): 5/8
    expect(objectives['o-leader']!.score).toBeCloseTo(193 / 375, 15);
    expect(objectives['o-leader']!.childIds).toEqual(['o-reach', 'o-website']);
    expect(objectives['o-reach']!.contributesTo).toEqual(['o-leader']);
  });

  it('counts milestones done by asOf only', () => {
    const { keyResults } = evaluate(plan, { asOf: '2026-08-01' });
    expect(keyResults['kr-ads']!.progress).toBeCloseTo(1 / 3, 15);
    expect(keyResults['kr-layout']!.progress).toBeCloseTo(1 / 6, 15);
  });
});
