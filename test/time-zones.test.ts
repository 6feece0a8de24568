import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cycleAt,
  elapsed,
  evaluate,
  forecastKeyResult,
  keyResultHistory,
  monthCycles,
  parsePlan,
  quarterCycles,
  yearCycle,
} from '../src/index.js';
import { planArb } from './arbitraries.js';
import { loadPlan } from './fixtures.js';
import { Q3 } from './builders.js';

// No result may depend on the machine's time zone. This file runs the same computations
// under zones far apart (UTC−8 with DST, UTC+14, UTC+7, half-hour DST) by switching TZ
// inside the process, and checks first that the switch took effect.
const ZONES = ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh', 'Europe/London', 'Australia/Lord_Howe'] as const;
const OFFSET_IN_JANUARY: Record<(typeof ZONES)[number], number> = {
  UTC: 0,
  'America/Los_Angeles': 480,
  'Pacific/Kiritimati': -840,
  'Asia/Ho_Chi_Minh': -420,
  'Europe/London': 0,
  'Australia/Lord_Howe': -660,
};

const original = process.env['TZ'];
afterAll(() => {
  if (original === undefined) delete process.env['TZ'];
  else process.env['TZ'] = original;
});

function inZone<T>(zone: string, run: () => T): T {
  process.env['TZ'] = zone;
  return run();
}

const xyz = parsePlan(loadPlan('xyz-corp'));
const saas = parsePlan(loadPlan('saas-cascade'));
const q3 = Q3;
const samplePlans = fc.sample(planArb, { numRuns: 25, seed: 20261122 }).map((p) => parsePlan(p));

function everything() {
  const dates = ['2026-06-30', '2026-07-01', '2026-08-15', '2026-09-30', '2026-10-01'];
  return {
    evaluations: dates.flatMap((asOf) => [evaluate(xyz, { asOf, forecast: true }), evaluate(saas, { asOf, forecast: true })]),
    random: samplePlans.map((p) => evaluate(p, { asOf: '2026-08-20' })),
    cycles: [1, 4, 7, 10].map((m) => [yearCycle(2028, { startMonth: m }), ...quarterCycles(2028, { startMonth: m }), ...monthCycles(2028, { startMonth: m })]),
    elapsed: ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2028-02-29'].map((d) => elapsed({ id: 'y', name: 'y', start: '2026-01-01', end: '2028-12-31' }, d)),
    cycleAt: ['2026-09-30T23:30:00-10:00', '2026-10-01T00:30:00+14:00', '2026-12-31T23:59:59Z'].map((d) => cycleAt(d, quarterCycles(2026))?.id),
    history: keyResultHistory(xyz.keyResults[0]!, xyz.checkIns, q3, { asOf: '2026-09-15' }),
    forecast: forecastKeyResult(xyz.keyResults[2]!, xyz.checkIns, q3),
  };
}

describe('results across time zones', () => {
  const reference = inZone('UTC', everything);

  it.each(ZONES)('are identical under TZ=%s', (zone) => {
    const result = inZone(zone, () => {
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(OFFSET_IN_JANUARY[zone]);
      return everything();
    });
    expect(result).toEqual(reference);
  });
});
