import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { lintPlan, OkrkitError, parsePlan, type LintCode, type PlanInput } from '../../src/index.js';
import { planArb, q3Day } from '../arbitraries.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { Q3 } from '../builders.js';

const q3 = Q3;
const kr = (id: string, objectiveId: string, extra: object = {}) => ({ id, objectiveId, title: `Revenue ${id}`, kind: 'metric' as const, start: 0, target: 10, unit: 'VND', ...extra });
const lint = (input: PlanInput, options = {}) => lintPlan(parsePlan({ cycles: [q3], ...input }), options);
const codes = (input: PlanInput, options = {}) => lint(input, options).map((f) => [f.code, f.id]);
const only = (code: LintCode, input: PlanInput, options = {}) => lint(input, options).filter((f) => f.code === code);

describe('lintPlan', () => {
  it('wants 3–5 objectives per owner: a warning outside 2–7, a hint outside 3–5', () => {
    const objectives = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `o${i}`, title: 'Delight customers', cycleId: 'q3', ownerId: 'lan' }));
    const keyResults = (n: number) => Array.from({ length: n }, (_, i) => [kr(`a${i}`, `o${i}`), kr(`b${i}`, `o${i}`)]).flat();
    const at = (n: number) => only('objectives-per-owner', { objectives: objectives(n), keyResults: keyResults(n) }).map((f) => f.severity);
    expect([at(1), at(2), at(3), at(5), at(6), at(7), at(8)]).toEqual([['warning'], ['info'], [], [], ['info'], ['info'], ['warning']]);
    expect(only('objectives-per-owner', { objectives: objectives(8), keyResults: keyResults(8) })[0]!.message).toBe(
      'lan has 8 objectives in Q3 2026; 3 to 5 keep focus (never more than 7).',
    );
  });

  it('wants 2–5 key results per objective', () => {
    expect(codes({ objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }], keyResults: [kr('a', 'o')] })).toContainEqual(['key-results-per-objective', 'o']);
    const six = Array.from({ length: 6 }, (_, i) => kr(`k${i}`, 'o'));
    expect(only('key-results-per-objective', { objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }], keyResults: six })[0]!.message).toBe('This objective has 6 key results; 2 to 5 measure it well.');
  });

  it('flags a cycle longer than a year and a child outside its parent’s cycle', () => {
    const long = { id: 'long', name: 'Two years', start: '2026-01-01', end: '2027-12-31' };
    const found = lintPlan(parsePlan({
      cycles: [q3, long, { id: 'q4', name: 'Q4 2026', start: '2026-10-01', end: '2026-12-31' }],
      objectives: [{ id: 'p', title: 'Grow', cycleId: 'q3' }, { id: 'c', title: 'Sell', cycleId: 'q4', parentId: 'p' }],
      keyResults: [kr('a', 'p'), kr('b', 'p'), kr('x', 'c'), kr('y', 'c')],
    }));
    expect(found.map((f) => [f.code, f.id])).toEqual([['cycle-too-long', 'long'], ['child-outside-parent-cycle', 'c']]);
  });

  it('checks KPIs: blank parts, a frequency longer than the timeframe, a missed period', () => {
    const kpi = { id: 'k', name: 'Leads', target: { polarity: 'higher' as const, value: 20 }, timeframe: { cycleId: 'q3' }, dataSource: { name: '  ' }, frequency: 'yearly' as const };
    const weekly = { ...kpi, id: 'w', dataSource: { name: 'CRM' }, frequency: 'weekly' as const };
    const found = lint({ kpis: [kpi, weekly], measurements: [{ kpiId: 'w', at: '2026-07-01', value: 1 }] }, { asOf: '2026-07-20' });
    expect(found.map((f) => [f.code, f.id, f.severity])).toEqual([
      ['kpi-incomplete', 'k', 'error'],
      ['kpi-frequency', 'k', 'warning'],
      ['kpi-stale', 'w', 'warning'], // the yearly KPI has no completed period yet
    ]);
    expect(found[2]!.message).toBe('No measurement in the last weekly period (2026-07-13 to 2026-07-19).');
  });

  it('checks weights: summed to 100 when asked, and not all zero', () => {
    const input = { objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }], keyResults: [kr('a', 'o', { weight: 60 }), kr('b', 'o', { weight: '30.5' })] };
    expect(only('weights-sum', input)).toEqual([]);
    expect(only('weights-sum', input, { weightsSumTo100: true })[0]!.message).toBe("The key results' weights add up to 90.5, not 100.");
    expect(codes({ objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }], keyResults: [kr('a', 'o', { weight: 0 }), kr('b', 'o', { weight: 0 })] })).toContainEqual(['all-weights-zero', 'o']);
  });

  it('coaches on wording: numbers in objectives, tasks as key results, metrics without a unit', () => {
    const found = lint({
      objectives: [
        { id: 'o1', title: 'Grow revenue by 20% in Q3 2026', cycleId: 'q3' },
        { id: 'o2', title: 'Tăng doanh số bán hàng trong Quý 3', cycleId: 'q3' },
      ],
      keyResults: [
        { id: 'a', objectiveId: 'o1', title: 'Implement the new CRM', kind: 'binary', unit: 'VND' },
        { id: 'b', objectiveId: 'o1', title: 'Triển khai chiến dịch quảng cáo', kind: 'binary', unit: 'VND' },
        kr('c', 'o2', { unit: undefined }),
        kr('d', 'o2', { title: 'Build 40 SEO articles' }),
      ],
    });
    expect(found.map((f) => [f.code, f.id])).toEqual([
      ['objective-has-number', 'o1'],
      ['key-result-is-task', 'a'],
      ['key-result-is-task', 'b'],
      ['metric-without-unit', 'c'],
    ]);
  });

  it('finds team objectives aligned to nothing and objectives with nothing to score', () => {
    const found = lint({
      units: [{ id: 't', name: 'Sales team', level: 'team' }],
      objectives: [{ id: 'team', title: 'Sell more', cycleId: 'q3', unitId: 't' }, { id: 'empty', title: 'Be great', cycleId: 'q3' }],
      keyResults: [kr('a', 'team'), kr('b', 'team')],
    }, { rules: { 'objectives-per-owner': 'off' } });
    expect(found.map((f) => [f.code, f.id, f.message])).toEqual([
      ['unaligned', 'team', 'This team objective is aligned to nothing: give it a parent or a link.'],
      ['empty-objective', 'empty', 'This objective has no key results and no contributing child objectives, so it cannot be scored.'],
    ]);
  });

  it('finds key results without a check-in within the rhythm', () => {
    const input = {
      objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }],
      keyResults: [kr('a', 'o'), kr('b', 'o')],
      checkIns: [{ keyResultId: 'a', at: '2026-08-10', value: 1 }, { keyResultId: 'b', at: '2026-08-01', value: 1 }],
    };
    expect(only('stale-key-result', input, { asOf: '2026-08-12' }).map((f) => [f.id, f.message])).toEqual([['b', 'No check-in for 11 days (the rhythm is every 7 days).']]);
    expect(only('stale-key-result', input, { asOf: '2026-08-12', checkInEvery: 14 })).toEqual([]);
    expect(only('stale-key-result', input)).toEqual([]); // no asOf, no staleness
  });

  it('switches rules off, re-levels them and speaks Vietnamese', () => {
    const input = { objectives: [{ id: 'o', title: 'Grow', cycleId: 'q3' }], keyResults: [kr('a', 'o', { unit: undefined }), kr('b', 'o')] };
    expect(only('metric-without-unit', input, { rules: { 'metric-without-unit': 'off' } })).toEqual([]);
    const [f] = only('metric-without-unit', input, { rules: { 'metric-without-unit': 'error' }, locale: 'vi' });
    expect(f).toMatchObject({ severity: 'error', path: ['keyResults', 0], message: 'Kết quả then chốt dạng số này chưa có đơn vị (%, VND, khách hàng…).' });
  });

  it('rejects unknown rules and bad options', () => {
    const plan = parsePlan({});
    expect(() => lintPlan(plan, { rules: { 'no-such-rule': 'off' } as never })).toThrow(OkrkitError);
    expect(() => lintPlan(plan, { locale: 'fr' as never })).toThrowErrorMatchingInlineSnapshot(`[OkrkitError: okrkit: invalid argument: locale must be one of 'en', 'vi', got fr]`);
    expect(() => lintPlan(plan, { checkInEvery: 0 })).toThrow(/checkInEvery/);
  });

  it('lints the example plans', () => {
    expect(lintPlan(parsePlan(loadPlan('xyz-corp')), { asOf: '2026-09-30' }).every((f) => f.code === 'stale-key-result')).toBe(true);
  });

  test.prop([planArb, fc.option(q3Day, { nil: undefined }), fc.constantFrom('en' as const, 'vi' as const), fc.boolean()])(
    'never throws on a plan parsePlan accepts, and leaves it untouched',
    (input, asOf, locale, weightsSumTo100) => {
      const plan = deepFreeze(parsePlan(input));
      const findings = lintPlan(plan, { ...(asOf === undefined ? {} : { asOf }), locale, weightsSumTo100 });
      for (const f of findings) {
        expect(f.message).not.toMatch(/\{\w+\}/);
        expect(['error', 'warning', 'info']).toContain(f.severity);
      }
    },
  );
});
