// Instants as products store them (Date, epoch milliseconds) and the calendar day a time
// zone gives them, checked against an independent reading of the runtime's time-zone
// data: Intl.DateTimeFormat('en-CA', { timeZone }).formatToParts.
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { calendarDay, evaluate, isOkrkitError, parsePlan, safeParsePlan, type OkrkitError } from '../../src/index.js';
import { deepFreeze } from '../fixtures.js';

/** The day an instant shows in a zone, read from Intl's parts (not okrkit's code path). */
function intlDay(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '?';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const FIRST = Date.parse('0001-01-02T00:00:00Z');
const LAST = Date.parse('9999-12-30T00:00:00Z');
const ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const zoneArb = fc.constantFrom(...ZONES);
const instantArb = fc.integer({ min: FIRST, max: LAST });
/** Mostly recent instants, where products live, and any instant of years 0001–9999. */
const anyInstantArb = fc.oneof(fc.integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), instantArb);

const VN = 'Asia/Ho_Chi_Minh';
/** 2026-07-01 00:00 in Vietnam (UTC+7) and 06:59:59.999 there: toISOString() says 2026-06-30 for all of them. */
const VN_NIGHT = { min: Date.parse('2026-06-30T17:00:00Z'), max: Date.parse('2026-06-30T23:59:59.999Z') };

function thrownBy(call: () => unknown): OkrkitError {
  try {
    call();
  } catch (error) {
    if (isOkrkitError(error)) return error;
    throw error;
  }
  throw new Error('expected an OkrkitError');
}

const planWith = (extra: Record<string, unknown>) => ({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q3' }],
  keyResults: [{ id: 'kr1', objectiveId: 'o1', title: 'Revenue', kind: 'metric', start: 0, target: 100 }],
  ...extra,
});

describe('calendarDay: the day an instant shows in a time zone', () => {
  test.prop([anyInstantArb, zoneArb], { numRuns: 1000 })('equals Intl’s reading, for every zone the runtime knows, a Date or epoch milliseconds', (ms, zone) => {
    const expected = intlDay(ms, zone);
    expect(calendarDay(ms, zone)).toBe(expected);
    expect(calendarDay(new Date(ms), zone)).toBe(expected);
  });

  test.prop([fc.integer(VN_NIGHT)])('a check-in made 00:00–06:59 in Vietnam lands on the Vietnamese day, not toISOString()’s', (ms) => {
    expect(new Date(ms).toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(calendarDay(new Date(ms), VN)).toBe('2026-07-01');
  });

  it('refuses an unknown zone, naming it, and whatever is no valid instant', () => {
    for (const zone of ['Mars/Olympus_Mons', '', 'Asia/Ho Chi Minh', '+07:00']) {
      const error = thrownBy(() => calendarDay(0, zone));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain(JSON.stringify(zone));
    }
    for (const bad of [new Date(Number.NaN), Number.NaN, Infinity, -Infinity, 1.5, 8.64e15 + 1, Date.parse('+010000-01-01T00:00:00Z'), Date.parse('-000001-06-01T00:00:00Z')]) {
      const error = thrownBy(() => calendarDay(bad, VN));
      expect(error.code).toBe('invalid_argument');
      expect(error.message).toContain('instant');
    }
  });
});

describe('parsePlan({ timeZone }): instants in a plan become strings', () => {
  test.prop([anyInstantArb, zoneArb, fc.boolean()], { numRuns: 500 })('a check-in’s at keeps its instant and counts on the zone’s day; a cycle start is the zone’s day', (ms, zone, asNumber) => {
    const at = asNumber ? ms : new Date(ms);
    const plan = parsePlan(planWith({ checkIns: [{ keyResultId: 'kr1', at, value: 5 }], initiatives: [{ id: 'i1', title: 'Do', keyResultId: 'kr1', status: 'planned', due: at }] }), { timeZone: zone });
    const stamp = plan.checkIns[0]?.at ?? '';
    expect(stamp.slice(0, 10)).toBe(intlDay(ms, zone));
    expect(plan.initiatives[0]?.due).toBe(intlDay(ms, zone));
    // The written offset is whole minutes: the instant is kept to the minute, and exactly
    // since offsets with seconds ended (Liberia's -00:44:30, the last, in January 1972).
    expect(Math.abs(Date.parse(stamp) - ms)).toBeLessThan(60_000);
    if (ms >= Date.parse('1973-01-01T00:00:00Z')) expect(Date.parse(stamp)).toBe(ms);
  });

  test.prop([fc.integer(VN_NIGHT)])('Vietnamese night check-ins count on the Vietnamese day in the evaluation', (ms) => {
    const input = planWith({ cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }], checkIns: [{ keyResultId: 'kr1', at: new Date(ms), value: 40 }] });
    const plan = parsePlan(input, { timeZone: VN });
    // Evaluated at 2026-07-01 (given as an instant of that Vietnamese night too), the check-in counts.
    const evaluation = evaluate(plan, { asOf: new Date(ms), timeZone: VN });
    expect(evaluation.asOf).toBe('2026-07-01');
    expect(evaluation.keyResults['kr1']?.progress).toBe(0.4);
    // In UTC the same instants are 2026-06-30: before the cycle, so nothing counts.
    const utc = evaluate(parsePlan(input, { timeZone: 'UTC' }), { asOf: '2026-07-01' });
    expect(utc.keyResults['kr1']?.progress).toBe(0);
  });

  it('without timeZone an instant is an issue at its path that says to pass one; every other problem is still reported', () => {
    const input = planWith({
      cycles: [{ id: 'q3', name: 'Q3 2026', start: new Date('2026-06-30T17:00:00Z'), end: '2026-09-30' }],
      checkIns: [{ keyResultId: 'kr1', at: 1_782_838_800_000, value: 5 }, { keyResultId: 'ghost', at: '2026-07-02', value: 1 }],
    });
    const error = thrownBy(() => parsePlan(input));
    expect(error.code).toBe('invalid_plan');
    const byPath = new Map(error.issues.map((i) => [JSON.stringify(i.path), i]));
    expect(byPath.get('["cycles",0,"start"]')?.code).toBe('invalid_date');
    expect(byPath.get('["cycles",0,"start"]')?.messageKey).toBe('issue.instantNeedsTimeZone');
    expect(byPath.get('["checkIns",0,"at"]')?.message).toContain('timeZone');
    expect(byPath.get('["checkIns",1,"keyResultId"]')?.code).toBe('unknown_reference');
    // One issue per instant: the schema's own complaint at the same place is not repeated.
    expect(error.issues.filter((i) => JSON.stringify(i.path) === '["checkIns",0,"at"]')).toHaveLength(1);
  });

  it('an invalid instant is an issue at its path, with or without a zone', () => {
    const bad = [new Date(Number.NaN), Number.NaN, Infinity, -Infinity, 1.5, Date.parse('+010000-01-01T00:00:00Z')];
    const input = planWith({ checkIns: bad.map((at) => ({ keyResultId: 'kr1', at, value: 1 })), measurements: [] });
    for (const options of [{}, { timeZone: VN }]) {
      const result = safeParsePlan(input, options);
      expect(result.success).toBe(false);
      const paths = result.error?.issues.map((i) => [JSON.stringify(i.path), i.messageKey]);
      expect(paths).toEqual(bad.map((_, i) => [`["checkIns",${i},"at"]`, 'issue.invalidInstant']));
    }
  });

  it('refuses an unknown time zone as an argument, naming it', () => {
    const error = thrownBy(() => parsePlan(planWith({}), { timeZone: 'Europe/Atlantis' }));
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toContain('"Europe/Atlantis"');
    expect(error.message).toContain('options.timeZone');
  });

  it('leaves a plan of strings as it was (same result with or without a zone) and never modifies its input', () => {
    const strings = planWith({ checkIns: [{ keyResultId: 'kr1', at: '2026-07-01T05:30:00+07:00', value: 5 }] });
    expect(parsePlan(strings, { timeZone: 'Pacific/Kiritimati' })).toEqual(parsePlan(strings));
    const frozen = deepFreeze(planWith({ checkIns: [{ keyResultId: 'kr1', at: new Date('2026-07-01T00:00:00Z'), value: 5 }], kpis: [] }));
    const before = structuredClone(frozen);
    parsePlan(frozen, { timeZone: VN });
    expect(frozen).toEqual(before);
  });

  it('converts every date of a plan: history, milestones, KPI timeframes and measurements', () => {
    const t = new Date('2026-07-14T20:00:00Z'); // 2026-07-15 03:00 in Vietnam
    const plan = parsePlan(
      planWith({
        objectives: [{ id: 'o1', title: 'Grow', cycleId: 'q3', state: 'active', history: [{ from: 'approved', to: 'active', by: 'lan', at: t }] }],
        keyResults: [{ id: 'kr1', objectiveId: 'o1', title: 'Ship', kind: 'milestones', milestones: [{ title: 'A', doneAt: t, due: t.getTime() }] }],
        kpis: [{ id: 'k1', name: 'Leads', unit: 'leads', target: { polarity: 'higher', value: 10 }, timeframe: { start: t, end: '2026-09-30' }, frequency: 'weekly', dataSource: { name: 'CRM' } }],
        measurements: [{ kpiId: 'k1', at: t, value: 3 }],
      }),
      { timeZone: VN },
    );
    expect(plan.objectives[0]?.history?.[0]?.at).toBe('2026-07-15T03:00:00.000+07:00');
    const kr = plan.keyResults[0];
    expect(kr?.kind === 'milestones' ? kr.milestones.map((m) => [m.doneAt, m.due]) : null).toEqual([['2026-07-15', '2026-07-15']]);
    expect(plan.kpis[0]?.timeframe).toEqual({ start: '2026-07-15', end: '2026-09-30' });
    expect(plan.measurements[0]?.at).toBe('2026-07-15T03:00:00.000+07:00');
  });
});

// Near the end of Date's range a zone's offset can carry the local clock past it: that is no
// day, never the text "0NaN-NaN-NaN".
describe('an instant whose local day falls outside Date\'s range', () => {
  it.each([
    [8.64e15, 'Asia/Ho_Chi_Minh'],
    [8639999999999999, 'Asia/Ho_Chi_Minh'],
    [-8.64e15, 'America/Los_Angeles'],
  ])('calendarDay(%d, %s) is an OkrkitError', (instant, zone) => {
    let caught: unknown;
    try {
      calendarDay(instant, zone);
    } catch (error) {
      caught = error;
    }
    expect(isOkrkitError(caught)).toBe(true);
  });
});
