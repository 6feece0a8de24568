// Laws of exactness, checked against a bigint-fraction oracle: values generated to land
// exactly on a threshold fall in the band the threshold names; scaling every weight by
// any factor changes no output bit; a key result added at exactly the current score
// changes no bit; every mean is the correctly rounded double of the exact mean.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { evaluate, evaluateKpi, scorecard, type Evaluation, type Plan } from '../../src/index.js';
import * as O from './oracle.js';

const START = Date.UTC(2026, 0, 1);
const day = (offset: number) => new Date(START + offset * 86_400_000).toISOString().slice(0, 10);

/** A short decimal as text: an integer, or with one to three decimals. */
const decimalText = fc.tuple(fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 3 })).map(([n, k]) => {
  const s = String(Math.abs(n)).padStart(k + 1, '0');
  const text = k === 0 ? s : `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}`;
  return n < 0 ? `-${text}` : text;
});
const weightText = fc.oneof(
  fc.integer({ min: 1, max: 9 }).map(String),
  fc.integer({ min: 1, max: 99 }).map((n) => (n / 10).toString()),
  fc.constantFrom('0.1', '0.2', '0.3', '1.3', '0.25', '12.5'),
);

interface KrSpec {
  readonly start: string;
  readonly target: string;
  readonly value: string;
  readonly weight: string;
}
const krArb: fc.Arbitrary<KrSpec> = fc
  .record({ start: decimalText, target: decimalText, value: decimalText, weight: weightText })
  .filter((k) => O.cmp(O.dec(k.start), O.dec(k.target)) !== 0);

function planOf(groups: readonly (readonly KrSpec[])[], objectiveWeights: readonly string[] = []): Plan {
  const cycles = [{ id: 'c', name: 'C', start: day(0), end: day(90) }];
  const objectives = [
    { id: 'top', title: 'Top', cycleId: 'c' },
    ...groups.map((_, g) => ({ id: `o${g}`, title: `O${g}`, cycleId: 'c', parentId: 'top', weight: objectiveWeights[g] ?? '1' })),
  ];
  const keyResults = groups.flatMap((krs, g) =>
    krs.map((k, i) => ({ id: `k${g}-${i}`, objectiveId: `o${g}`, title: 'KR', kind: 'metric', start: k.start, target: k.target, weight: k.weight })),
  );
  const checkIns = groups.flatMap((krs, g) => krs.map((k, i) => ({ keyResultId: `k${g}-${i}`, at: day(10), value: k.value })));
  return { cycles, objectives, keyResults, checkIns } as unknown as Plan;
}

/** The exact score of a metric key result: progress clamped to [0, 1]. */
function exactKr(k: KrSpec): O.Q {
  const s = O.dec(k.start);
  const raw = O.div(O.sub(O.dec(k.value), s), O.sub(O.dec(k.target), s));
  return O.min(O.max(raw, O.q(0n)), O.q(1n));
}

/** Every number an evaluation reports about scores, by id (what scaling weights must not change). */
function numbersOf(e: Evaluation): unknown {
  const out: Record<string, unknown> = {};
  for (const o of Object.values(e.objectives)) {
    out[o.objectiveId] = [o.score, o.computedScore, o.expected, o.status, o.grade, o.confidence, o.contributors.map((c) => [c.id, c.share, c.score])];
  }
  for (const k of Object.values(e.keyResults)) out[k.keyResultId] = [k.score, k.progress, k.raw, k.expected, k.status];
  return out;
}

const scaleText = (w: string, k: string): string => {
  const p = O.mul(O.dec(w), O.dec(k));
  // p's denominator divides a power of ten: write it out as a decimal.
  let places = 0;
  while ((10n ** BigInt(places)) % p.d !== 0n) places++;
  const scaled = p.n * (10n ** BigInt(places) / p.d);
  const s = scaled.toString().padStart(places + 1, '0');
  return places === 0 ? s : `${s.slice(0, s.length - places)}.${s.slice(s.length - places)}`;
};

describe('means are exact', () => {
  test.prop([fc.array(fc.array(krArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), fc.array(weightText, { minLength: 3, maxLength: 3 })])(
    'every score is the correctly rounded double of the exact weighted mean',
    (groups, objectiveWeights) => {
      const e = evaluate(planOf(groups, objectiveWeights), { asOf: day(30) });
      const exactObjectives = groups.map((krs) => O.mean(krs.map((k) => ({ x: exactKr(k), w: O.dec(k.weight) })))!);
      groups.forEach((krs, g) => {
        krs.forEach((k, i) => expect(e.keyResults[`k${g}-${i}`]!.score).toBe(O.toDouble(exactKr(k))));
        expect(e.objectives[`o${g}`]!.score).toBe(O.toDouble(exactObjectives[g]!));
      });
      const top = O.mean(exactObjectives.map((x, g) => ({ x, w: O.dec(objectiveWeights[g]!) })))!;
      expect(e.objectives['top']!.score).toBe(O.toDouble(top));
    },
  );

  test.prop([fc.array(fc.array(krArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.constantFrom('0.1', '1.3', '3', '7', '0.25', '100')])(
    'multiplying every weight by k changes no output bit',
    (groups, k) => {
      const base = evaluate(planOf(groups, ['1', '2', '0.5']), { asOf: day(30) });
      const scaledGroups = groups.map((krs) => krs.map((kr) => ({ ...kr, weight: scaleText(kr.weight, k) })));
      const scaled = evaluate(planOf(scaledGroups, ['1', '2', '0.5'].map((w) => scaleText(w, k))), { asOf: day(30) });
      expect(numbersOf(scaled)).toEqual(numbersOf(base));
    },
  );

  test.prop([fc.array(krArb, { minLength: 1, maxLength: 5 }), weightText])('a key result added at exactly the current score changes no bit', (krs, w) => {
    const before = evaluate(planOf([krs]), { asOf: day(30) });
    const s = O.mean(krs.map((k) => ({ x: exactKr(k), w: O.dec(k.weight) })))!;
    // A key result 0 → d at n scores exactly n / d.
    const extra = { start: '0', target: s.d.toString(), value: s.n.toString(), weight: w };
    fc.pre(s.d < 10n ** 15n);
    const after = evaluate(planOf([[...krs, extra]]), { asOf: day(30) });
    expect(after.objectives['o0']!.score).toBe(before.objectives['o0']!.score);
    expect(after.objectives['top']!.score).toBe(before.objectives['top']!.score);
  });
});

describe('thresholds are exact', () => {
  const paceCase = fc
    .record({ days: fc.integer({ min: 2, max: 400 }), elapsed: fc.integer({ min: 1, max: 399 }), k: fc.integer({ min: 1, max: 99 }), m: fc.integer({ min: 1, max: 7 }) })
    .filter((c) => c.elapsed < c.days);

  function onePlan(days: number, target: number | string, value: number | string, start: number | string = 0): Plan {
    return {
      cycles: [{ id: 'c', name: 'C', start: day(0), end: day(days) }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'c' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'KR', kind: 'metric', start, target }],
      checkIns: [{ keyResultId: 'k', at: day(0), value }],
    } as unknown as Plan;
  }

  test.prop([paceCase, fc.boolean()])('a progress ÷ expected ratio exactly on a threshold is in the band it names', ({ days, elapsed, k, m }, onTrackSide) => {
    // expected = elapsed / days; progress = (k/100) × expected = k·elapsed·m / (100·days·m).
    const theta = k / 100;
    const status = onTrackSide ? { onTrack: theta, atRisk: theta / 2 } : { onTrack: Math.min(1, theta + 0.01), atRisk: theta };
    const e = evaluate(onePlan(days, 100 * days * m, k * elapsed * m), { asOf: day(elapsed), status });
    expect(e.keyResults['k']!.status).toBe(onTrackSide ? 'onTrack' : 'atRisk');
  });

  test.prop([paceCase, fc.boolean()])('a gap exactly on a threshold is in the band it names', ({ days, elapsed, k, m }, onTrackSide) => {
    // gap = elapsed/days − progress = k/100, so progress = (100·elapsed − k·days) / (100·days).
    const value = (100 * elapsed - k * days) * m;
    fc.pre(value >= 0);
    const theta = k / 100;
    const status = onTrackSide ? { mode: 'difference' as const, onTrack: theta, atRisk: theta + 0.5 } : { mode: 'difference' as const, onTrack: theta / 2, atRisk: theta };
    const e = evaluate(onePlan(days, 100 * days * m, value), { asOf: day(elapsed), status });
    expect(e.keyResults['k']!.status).toBe(onTrackSide ? 'onTrack' : 'atRisk');
  });

  /**
   * Two items u/t1 (weight w1) and v2/t2 (weight w2) whose weighted mean is exactly k/100:
   * (w1·u/t1 + w2·x2) / (w1 + w2) = k/100  ⇒  x2 = (k·(w1+w2)·t1 − 100·w1·u) / (100·w2·t1).
   */
  const meanOnBand = fc
    .record({ k: fc.integer({ min: 1, max: 98 }), w1: fc.integer({ min: 1, max: 9 }), w2: fc.integer({ min: 1, max: 9 }), t1: fc.integer({ min: 2, max: 50 }), u: fc.integer({ min: 0, max: 50 }) })
    .map((c) => ({ ...c, v2: c.k * (c.w1 + c.w2) * c.t1 - 100 * c.w1 * c.u, t2: 100 * c.w2 * c.t1 }))
    .filter((c) => c.u <= c.t1 && c.v2 >= 0 && c.v2 <= c.t2);

  test.prop([meanOnBand])(
    'an objective score exactly on a grade band earns that band',
    ({ k, w1, w2, t1, u, v2, t2 }) => {
      const p = {
        cycles: [{ id: 'c', name: 'C', start: day(0), end: day(90), state: 'closed' }],
        objectives: [{ id: 'o', title: 'O', cycleId: 'c' }],
        keyResults: [
          { id: 'a', objectiveId: 'o', title: 'A', kind: 'metric', start: 0, target: t1, weight: w1 },
          { id: 'b', objectiveId: 'o', title: 'B', kind: 'metric', start: 0, target: t2, weight: w2 },
        ],
        checkIns: [
          { keyResultId: 'a', at: day(5), value: u },
          { keyResultId: 'b', at: day(5), value: v2 },
        ],
      } as unknown as Plan;
      const e = evaluate(p, { grade: { aspirational: { green: 0.99, yellow: k / 100 } } });
      expect(e.objectives['o']!.grade).toBe('yellow');
    },
  );

  const kpiCase = fc.record({ days: fc.integer({ min: 2, max: 200 }), elapsed: fc.integer({ min: 0, max: 198 }), k: fc.integer({ min: 1, max: 150 }) }).filter((c) => c.elapsed < c.days - 1);
  const kpiOf = (days: number) =>
    ({
      id: 'leads',
      name: 'Leads',
      // Paced by days gone by, counting the day itself, over all the timeframe's days.
      target: { polarity: 'higher', value: 100 * (days + 1) },
      timeframe: { start: day(0), end: day(days) },
      dataSource: { name: 'CRM' },
      frequency: 'weekly',
      aggregation: 'sum',
      ownerId: 'lan',
    }) as const;

  test.prop([kpiCase])('a KPI exactly at a threshold of its pro-rated target is in that band', ({ days, elapsed, k }) => {
    // A / (T × (elapsed+1)/(days+1)) = k·(elapsed+1) / (100·(elapsed+1)) = k/100.
    const r = evaluateKpi({ ...kpiOf(days), thresholds: [{ status: 'green', min: 2 }, { status: 'amber', min: k / 100 }, { status: 'red' }] }, [{ kpiId: 'leads', at: day(0), value: k * (elapsed + 1) }], {
      asOf: day(elapsed),
    });
    expect(r.status).toBe('amber');
  });

  test.prop([meanOnBand])(
    'a scorecard total exactly on a rating band earns that band',
    ({ k, w1, w2, t1, u, v2, t2 }) => {
      // Two lines whose weighted mean is exactly k/100.
      const kpi = (id: string, target: number, weight: number) => ({
        id,
        name: id,
        target: { polarity: 'higher', value: target },
        timeframe: { start: day(0), end: day(30) },
        dataSource: { name: 'CRM' },
        frequency: 'weekly',
        ownerId: 'lan',
        weight,
      });
      const p = {
        cycles: [],
        units: [],
        kpis: [kpi('a', t1, w1), kpi('b', t2, w2)],
        measurements: [
          { kpiId: 'a', at: day(1), value: u },
          { kpiId: 'b', at: day(1), value: v2 },
        ],
      } as unknown as Plan;
      const sheet = scorecard(p, { ownerId: 'lan', asOf: day(30), bands: [{ label: 'P', min: k }, { label: 'F', min: -Infinity }] });
      expect(sheet.total).toBe(k);
      expect(sheet.rating).toBe('P');
    },
  );
});
