import { Decimal } from 'decimal.js';
// The rules of people's performance as properties over random plans: random unit trees,
// objectives and key results given to random units and owners, random weights.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate, parsePlan, performance, performanceColumns, scoreWeightedMean, type Evaluation, type Performance, type PerformanceOf, type Plan, type PlanInput } from '../../src/index.js';
import { planArb } from '../arbitraries.js';

const OWNERS = ['lan', 'minh', 'u0', 'u1'];
const LEVELS = ['company', 'department', 'team', 'individual'] as const;

/** A random plan whose objectives and key results belong to random units (a random tree) and owners. */
const peoplePlanArb = fc
  .record({
    plan: planArb,
    units: fc.array(fc.record({ parent: fc.option(fc.nat(), { nil: undefined }), level: fc.constantFrom(...LEVELS) }), { maxLength: 6 }),
    unitOf: fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 12 }),
    ownerOf: fc.array(fc.option(fc.constantFrom(...OWNERS), { nil: undefined }), { maxLength: 40 }),
  })
  .map(({ plan, units, unitOf, ownerOf }): PlanInput => ({
    ...plan,
    units: units.map((u, i) => ({ id: `u${i}`, name: `Unit ${i}`, level: u.level, ...(u.parent !== undefined && i > 0 ? { parentId: `u${u.parent % i}` } : {}) })),
    objectives: (plan.objectives ?? []).map((o, i) => {
      const unit = unitOf[i];
      const owner = ownerOf[i];
      return { ...o, ...(unit !== undefined && units.length > 0 ? { unitId: `u${unit % units.length}` } : {}), ...(owner !== undefined ? { ownerId: owner } : {}) };
    }),
    keyResults: (plan.keyResults ?? []).map((k, j) => {
      const owner = ownerOf[ownerOf.length - 1 - j];
      return owner === undefined ? k : { ...k, ownerId: owner };
    }),
  }));

const parsed = peoplePlanArb.map((input) => {
  const plan = parsePlan(input);
  return { plan, evaluation: evaluate(plan, { asOf: '2026-08-15' }) };
});

type Obj = Plan['objectives'][number];
type Kr = Plan['keyResults'][number];

/** What each item weighs and scores, straight from the plan and the evaluation. */
function itemsOf(plan: Plan, evaluation: Evaluation, of: PerformanceOf) {
  const objectives = new Map(plan.objectives.map((o) => [o.id, o]));
  if (of === 'objectives') {
    return plan.objectives.map((o: Obj) => ({ unitId: o.unitId, ownerId: o.ownerId, weight: Number(o.weight ?? 1), score: evaluation.objectives[o.id]?.score ?? null }));
  }
  return plan.keyResults
    .filter((k: Kr) => k.kind !== 'baseline')
    .map((k: Kr) => {
      const o = objectives.get(k.objectiveId);
      return { unitId: o?.unitId, ownerId: k.ownerId ?? o?.ownerId, weight: Number(k.weight ?? 1), score: evaluation.keyResults[k.id]?.score ?? null };
    });
}

/** Each unit and the units below it. */
function subtreeOf(plan: Plan, root: string): Set<string> {
  const out = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of plan.units) {
      if (u.parentId !== undefined && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

const scoresOf = (p: Performance) => ({
  units: Object.fromEntries(Object.values(p.units).map((u) => [u.unitId, [u.score, u.rolledUp.score, u.worst, u.rolledUp.worst, u.scored]])),
  owners: Object.fromEntries(Object.values(p.owners).map((o) => [o.ownerId, [o.score, o.worst, o.scored]])),
});

const ofArb = fc.constantFrom<PerformanceOf>('objectives', 'keyResults');

describe('performance properties', () => {
  test.prop([parsed, ofArb])('a person’s (and a unit’s) score is the weighted mean of what they own', ({ plan, evaluation }, of) => {
    const p = performance(plan, evaluation, { of });
    const items = itemsOf(plan, evaluation, of);
    for (const [id, owner] of Object.entries(p.owners)) {
      expect(owner.score).toBe(scoreWeightedMean(items.filter((i) => i.ownerId === id)));
    }
    for (const [id, unit] of Object.entries(p.units)) {
      expect(unit.score).toBe(scoreWeightedMean(items.filter((i) => i.unitId === id)));
    }
  });

  test.prop([parsed, ofArb])('a unit’s rolled-up score is the weighted mean over every item of its subtree', ({ plan, evaluation }, of) => {
    const p = performance(plan, evaluation, { of });
    const items = itemsOf(plan, evaluation, of);
    for (const [id, unit] of Object.entries(p.units)) {
      const below = subtreeOf(plan, id);
      const mine = items.filter((i) => i.unitId !== undefined && below.has(i.unitId));
      expect(unit.rolledUp.score).toBe(scoreWeightedMean(mine));
      expect(unit.rolledUp.scored).toBe(mine.filter((i) => i.weight > 0 && i.score !== null).length);
    }
    // The roots' counts add up to every objective that has a unit.
    const counted = p.roots.reduce((n, r) => n + (p.units[r]?.rolledUp.objectives ?? 0), 0);
    expect(counted).toBe(plan.objectives.filter((o) => o.unitId !== undefined).length);
  });

  test.prop([parsed, ofArb])('scores lie between the lowest and highest contributor; shares add up to 1', ({ plan, evaluation }, of) => {
    const p = performance(plan, evaluation, { of });
    for (const entry of [...Object.values(p.units), ...Object.values(p.owners)]) {
      const scored = entry.contributors.filter((c) => c.score !== null);
      expect(entry.scored).toBe(scored.length);
      if (entry.score === null) {
        expect(scored).toEqual([]);
        continue;
      }
      const scores = scored.map((c) => c.score ?? 0);
      expect(entry.score).toBeGreaterThanOrEqual(Math.min(...scores));
      expect(entry.score).toBeLessThanOrEqual(Math.max(...scores));
      expect(scored.reduce((s, c) => s + c.share, 0)).toBeCloseTo(1, 12);
      for (const c of entry.contributors) expect(c.share >= 0 && c.share <= 1).toBe(true);
    }
  });

  test.prop([peoplePlanArb, fc.infiniteStream(fc.nat())])('the order of units, objectives and key results changes nothing', (input, rand) => {
    const plan = parsePlan(input);
    const shuffle = <T>(xs: readonly T[] | undefined): T[] => {
      const out = [...(xs ?? [])];
      const it = rand[Symbol.iterator]();
      for (let i = out.length - 1; i > 0; i--) {
        const j = (it.next().value as number) % (i + 1);
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    };
    const shuffled = parsePlan({ ...input, units: shuffle(input.units), objectives: shuffle(input.objectives), keyResults: shuffle(input.keyResults) });
    for (const of of ['objectives', 'keyResults'] as const) {
      const a = performance(plan, evaluate(plan, { asOf: '2026-08-15' }), { of });
      const b = performance(shuffled, evaluate(shuffled, { asOf: '2026-08-15' }), { of });
      expect(scoresOf(b)).toEqual(scoresOf(a));
    }
  });

  test.prop([parsed, fc.constantFrom(2, 3, 10, 0.5, '0.1', '7')])('scaling every weight by the same factor changes no score', ({ plan, evaluation }, factor) => {
    // Scaled exactly (0.1 × 3 in doubles is 0.30000000000000004, which is no longer the same ratio).
    const scale = (w: string | number | undefined) => new Decimal(String(w ?? 1)).times(String(factor)).toString();
    const scaled = parsePlan({
      ...plan,
      objectives: plan.objectives.map((o) => ({ ...o, weight: scale(o.weight) })),
      keyResults: plan.keyResults.map((k) => ({ ...k, weight: scale(k.weight) })),
    });
    for (const of of ['objectives', 'keyResults'] as const) {
      // The same scores, read from the same evaluation: only the weights differ.
      const a = scoresOf(performance(plan, evaluation, { of }));
      const b = scoresOf(performance(scaled, evaluation, { of }));
      // Exact weighted means of exactly scaled weights: the same doubles, to the last bit.
      expect(b).toEqual(a);
    }
  });

  test.prop([parsed])('with equal weights the score is the plain mean', ({ plan }) => {
    const equal = parsePlan({ ...plan, objectives: plan.objectives.map(({ weight: _w, ...o }) => o) });
    const evaluation = evaluate(equal, { asOf: '2026-08-15' });
    const p = performance(equal, evaluation);
    for (const owner of Object.values(p.owners)) {
      const scores = equal.objectives.filter((o) => o.ownerId === owner.ownerId).map((o) => evaluation.objectives[o.id]?.score ?? null).filter((s) => s !== null);
      if (scores.length === 0) expect(owner.score).toBeNull();
      else expect(owner.score).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 14);
      expect(owner.contributors.every((c) => c.weight === 1)).toBe(true);
    }
  });

  test.prop([parsed, ofArb])('the columns hold the same numbers', ({ plan, evaluation }, of) => {
    const p = performance(plan, evaluation, { of });
    const c = performanceColumns(plan, evaluation, { of });
    expect(c.units.id).toEqual(Object.keys(p.units));
    c.units.id.forEach((id, i) => {
      const u = p.units[id];
      expect(c.units.hasScore[i] === 1 ? c.units.score[i] : null).toBe(u?.score);
      expect(c.units.rolledUp.hasScore[i] === 1 ? c.units.rolledUp.score[i] : null).toBe(u?.rolledUp.score);
      expect(c.units.parent[i]).toBe(u?.parentId === null ? -1 : c.units.id.indexOf(u?.parentId ?? ''));
    });
    expect(c.owners.id).toEqual(p.ownerIds);
    c.owners.id.forEach((id, i) => expect(c.owners.hasScore[i] === 1 ? c.owners.score[i] : null).toBe(p.owners[id]?.score));
  });
});
