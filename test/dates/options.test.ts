// Every option that takes a calendar day (asOf, since, a step's at) also takes an instant
// (a Date or epoch milliseconds) with a timeZone, and gives exactly what the day it
// falls on there gives; without a timeZone, an instant is an error that says to pass one.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import * as okrkit from '../../src/index.js';
import { q3Day } from '../arbitraries.js';
import { loadPlan } from '../fixtures.js';

type Plan = okrkit.Plan;
type Day = okrkit.DateInput;
const VN = 'Asia/Ho_Chi_Minh';
const xyz = okrkit.parsePlan(loadPlan('xyz-corp'));
const abc = okrkit.parsePlan(loadPlan('abc-kpis'));

/** Every public function with a date option, called at `day` (with `zone` when given). */
function calls(plan: Plan, day: Day, zone?: string): [string, () => unknown][] {
  const tz = zone === undefined ? {} : { timeZone: zone };
  const at = { asOf: day, ...tz };
  const cycle = plan.cycles.find((c) => c.id === plan.objectives[0]?.cycleId) ?? plan.cycles[0];
  const kr = plan.keyResults[0];
  const kpi = plan.kpis[0];
  const objective = plan.objectives[0];
  const out: [string, () => unknown][] = [
    ['evaluate', () => okrkit.evaluate(plan, { ...at, forecast: true })],
    ['evaluateColumns', () => okrkit.evaluateColumns(plan, at)],
    ['createLiveEvaluation', () => okrkit.createLiveEvaluation(plan, at).evaluation],
    ['evaluateShard', () => okrkit.evaluateShard(plan, at)],
    ['mergeShards', () => okrkit.mergeShards(plan, [okrkit.evaluateShard(plan, at)], at)],
    ['lintPlan', () => okrkit.lintPlan(plan, at)],
    ['evaluateKpis', () => okrkit.evaluateKpis(plan, at)],
    ['kpiAlerts', () => okrkit.kpiAlerts(plan, at)],
    ['scorecard', () => okrkit.scorecard(plan, at)],
    ['scorecardByUnit', () => okrkit.scorecardByUnit(plan, at)],
    ['performance', () => okrkit.performance(plan, okrkit.evaluate(plan, { asOf: '2026-12-31' }), { scorecard: at })],
    ['carryOver', () => okrkit.carryOver({ ...plan, cycles: [...plan.cycles, { id: 'next', name: 'next', start: '2027-01-01', end: '2027-03-31' }] }, { from: cycle?.id ?? '', to: 'next', ...at })],
  ];
  if (kr !== undefined && cycle !== undefined) {
    out.push(
      ['keyResultProgress', () => okrkit.keyResultProgress(kr, plan.checkIns, { ...at, since: day })],
      ['keyResultHistory', () => okrkit.keyResultHistory(kr, plan.checkIns, cycle, at)],
      ['forecastKeyResult', () => okrkit.forecastKeyResult(kr, plan.checkIns, cycle, at)],
    );
  }
  if (kpi !== undefined) {
    out.push(
      ['evaluateKpi', () => okrkit.evaluateKpi(kpi, plan.measurements, { ...at, cycles: plan.cycles })],
      ['kpiSeries', () => okrkit.kpiSeries(kpi, plan.measurements, { ...at, cycles: plan.cycles })],
    );
  }
  if (objective !== undefined) {
    out.push(['checkObjectiveTransition', () => okrkit.checkObjectiveTransition(plan, objective.id, 'closed', { by: 'u', at: day, asOf: day, ...tz })]);
  }
  return out;
}

/** An instant on `day` in Vietnam, `minutes` after its midnight (before 07:00 it is the day before in UTC). */
const vietnamese = (day: string, minutes: number): number => Date.parse(`${day}T00:00:00+07:00`) + minutes * 60_000;
const minuteArb = fc.integer({ min: 0, max: 24 * 60 - 1 });

const run = (call: () => unknown): unknown => {
  try {
    return call();
  } catch (error) {
    return okrkit.isOkrkitError(error) ? ['threw', error.code, error.message] : error;
  }
};

describe('an instant with a timeZone gives what its day gives', () => {
  for (const [name, plan] of [['xyz-corp', xyz], ['abc-kpis', abc]] as const) {
    test.prop([q3Day, minuteArb, fc.boolean()], { numRuns: 15 })(`every function with a date option, on ${name}`, (day, minutes, asDate) => {
      const ms = vietnamese(day, minutes);
      const instant = asDate ? new Date(ms) : ms;
      const byDay = calls(plan, day).map(([n, call]) => [n, run(call)]);
      const byInstant = calls(plan, instant, VN).map(([n, call]) => [n, run(call)]);
      expect(byInstant).toEqual(byDay);
    });
  }

  it('the Vietnamese night is the Vietnamese day, not the UTC one: asOf decides what counts', () => {
    const night = new Date(vietnamese('2026-08-15', 6 * 60 + 59)); // 2026-08-14T23:59Z
    expect(okrkit.evaluate(xyz, { asOf: night, timeZone: VN })).toEqual(okrkit.evaluate(xyz, { asOf: '2026-08-15' }));
    expect(okrkit.evaluate(xyz, { asOf: night, timeZone: 'UTC' })).toEqual(okrkit.evaluate(xyz, { asOf: '2026-08-14' }));
  });
});

describe('an instant without a timeZone, or a bad one', () => {
  it('is an invalid_argument error that names the option and says to pass timeZone, in every function', () => {
    const instant = new Date(vietnamese('2026-08-15', 30));
    for (const plan of [xyz, abc]) {
      for (const [name, call] of calls(plan, instant)) {
        const result = run(call);
        expect([name, result]).toEqual([name, ['threw', 'invalid_argument', expect.stringContaining('pass the timeZone option')]]);
      }
    }
  });

  it('refuses an unknown timeZone even with a string date, naming it', () => {
    for (const [name, call] of calls(xyz, '2026-08-15', 'Asia/Saigon_Typo')) {
      expect([name, run(call)]).toEqual([name, ['threw', 'invalid_argument', expect.stringContaining('"Asia/Saigon_Typo"')]]);
    }
  });

  it('refuses invalid instants, naming the option', () => {
    for (const bad of [new Date(Number.NaN), Number.NaN, Infinity, -Infinity, 0.5, Date.parse('+012026-01-01T00:00:00Z')]) {
      expect(run(() => okrkit.evaluate(xyz, { asOf: bad, timeZone: VN }))).toEqual(['threw', 'invalid_argument', expect.stringMatching(/^okrkit: invalid argument: asOf must be a calendar date/)]);
    }
  });
});

describe('check-ins, measurements and steps given with instants', () => {
  it('a live check-in at a Vietnamese night instant counts on the Vietnamese day', () => {
    const kr = xyz.keyResults.find((k) => k.kind === 'metric');
    if (kr === undefined) throw new Error('xyz-corp has a metric key result');
    const night = vietnamese('2026-08-15', 60);
    const byInstant = okrkit.createLiveEvaluation(xyz, { asOf: '2026-08-15', timeZone: VN });
    byInstant.applyCheckIn({ keyResultId: kr.id, at: new Date(night), value: 1 });
    const byText = okrkit.createLiveEvaluation(xyz, { asOf: '2026-08-15' });
    byText.applyCheckIn({ keyResultId: kr.id, at: '2026-08-15T01:00:00.000+07:00', value: 1 });
    expect(byInstant.evaluation).toEqual(byText.evaluation);
    const noZone = okrkit.createLiveEvaluation(xyz, { asOf: '2026-08-15' });
    expect(run(() => noZone.applyCheckIn({ keyResultId: kr.id, at: night, value: 1 }))).toEqual(['threw', 'invalid_argument', expect.stringContaining('checkIn')]);
  });

  it('keyResultProgress and evaluateKpi read instants in their lists with the timeZone', () => {
    const kr = xyz.keyResults[0];
    if (kr === undefined) throw new Error('xyz-corp has key results');
    const shifted = xyz.checkIns.map((c) => ({ ...c, at: Date.parse(c.at.length === 10 ? `${c.at}T05:00:00+07:00` : c.at) }));
    const asText = xyz.checkIns.map((c) => ({ ...c, at: c.at.length === 10 ? `${c.at}T05:00:00.000+07:00` : c.at }));
    expect(okrkit.keyResultProgress(kr, shifted, { asOf: '2026-08-15', timeZone: VN })).toEqual(okrkit.keyResultProgress(kr, asText, { asOf: '2026-08-15' }));
    const kpi = abc.kpis[0];
    if (kpi === undefined) throw new Error('abc-kpis has KPIs');
    const measurements = abc.measurements.map((m) => ({ ...m, at: new Date(Date.parse(m.at.length === 10 ? `${m.at}T00:00:00+07:00` : m.at)) }));
    const options = { asOf: '2026-11-15', cycles: abc.cycles };
    expect(okrkit.evaluateKpi(kpi, measurements, { ...options, timeZone: VN })).toEqual(
      okrkit.evaluateKpi(kpi, abc.measurements.map((m) => ({ ...m, at: m.at.length === 10 ? `${m.at}T00:00:00.000+07:00` : m.at })), options),
    );
  });

  it('a step taken at an instant records the zone’s date-time in the history', () => {
    const objective = xyz.objectives[0];
    if (objective === undefined) throw new Error('xyz-corp has objectives');
    const at = new Date('2026-10-01T18:30:00Z'); // 2026-10-02 01:30 in Vietnam
    const next = okrkit.advanceObjective(xyz, objective.id, 'closed', { by: 'lan', at, timeZone: VN, score: 0.7 });
    const entry = next.objectives.find((o) => o.id === objective.id)?.history?.at(-1);
    expect(entry?.at).toBe('2026-10-02T01:30:00.000+07:00');
  });
});
