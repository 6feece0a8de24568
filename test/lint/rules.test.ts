// The rule table: one file per rule, LINT_RULES derived from the list, and each rule
// caught doing its job on a plan changed just enough to trip it.
import { describe, expect, it } from 'vitest';
import { LINT_RULES, lintPlan, parsePlan, type LintCode, type PlanInput } from '../../src/index.js';
import { planView } from '../../src/lint/plan-view.js';
import type { LintRule } from '../../src/lint/rule.js';
import { RULES } from '../../src/lint/rules/index.js';
import { objectiveIn, Q3 } from '../builders.js';

const AS_OF = '2026-07-10';
const settings = { asOf: AS_OF, checkInEvery: 7, weightsSumTo100: true };

const kr = (id: string, objectiveId: string, extra: object = {}) => ({ id, objectiveId, title: `Revenue ${id}`, kind: 'metric' as const, start: 0, target: 10, unit: 'VND', weight: 50, ...extra });
const kpi = { id: 'leads', name: 'Leads', target: { polarity: 'higher' as const, value: 20 }, timeframe: { cycleId: 'q3' }, dataSource: { name: 'CRM' }, frequency: 'weekly' as const };

/**
 * A plan no rule finds fault with, even with every option on: three objectives for one
 * owner, two weighted key results each, a team objective under a parent, recent check-ins
 * and a KPI measured in its last week.
 */
function clean() {
  const keyResults = ['grow', 'sell', 'keep'].flatMap((o) => [kr(`${o}-a`, o), kr(`${o}-b`, o)]);
  return {
    cycles: [Q3],
    units: [{ id: 'sales', name: 'Sales team', level: 'team' as const }],
    objectives: [
      objectiveIn('grow', { title: 'Win the market', ownerId: 'lan' }),
      objectiveIn('sell', { title: 'Sell to bigger customers', ownerId: 'lan', unitId: 'sales', parentId: 'grow' }),
      objectiveIn('keep', { title: 'Keep every customer we win', ownerId: 'lan' }),
    ],
    keyResults,
    checkIns: keyResults.map((k) => ({ keyResultId: k.id, at: '2026-07-08', value: 1 })),
    kpis: [kpi],
    measurements: [{ kpiId: 'leads', at: '2026-07-02', value: 3 }],
  };
}
type Clean = ReturnType<typeof clean>;

/** For each rule, the clean plan changed just enough to trip it. Typed by code, so a new rule needs one. */
const TRIGGERS: Record<LintCode, (plan: Clean) => PlanInput> = {
  'objectives-per-owner': (p) => ({ ...p, objectives: p.objectives.map((o) => (o.id === 'keep' ? { ...o, ownerId: 'minh' } : o)) }),
  'key-results-per-objective': (p) => ({
    ...p,
    keyResults: p.keyResults.filter((k) => k.id !== 'keep-b').map((k) => (k.id === 'keep-a' ? { ...k, weight: 100 } : k)),
    checkIns: p.checkIns.filter((c) => c.keyResultId !== 'keep-b'),
  }),
  'cycle-too-long': (p) => ({ ...p, cycles: [...p.cycles, { id: 'long', name: 'Two years', start: '2026-01-01', end: '2027-12-31' }] }),
  'child-outside-parent-cycle': (p) => ({
    ...p,
    cycles: [...p.cycles, { id: 'h2', name: 'H2 2026', start: '2026-07-01', end: '2026-12-31' }],
    objectives: p.objectives.map((o) => (o.id === 'sell' ? { ...o, cycleId: 'h2' } : o)),
  }),
  'kpi-incomplete': (p) => ({ ...p, kpis: [{ ...kpi, dataSource: { name: ' ' } }] }),
  'kpi-frequency': (p) => ({ ...p, kpis: [{ ...kpi, frequency: 'yearly' }] }),
  'kpi-stale': (p) => ({ ...p, measurements: [] }),
  'weights-sum': (p) => ({ ...p, keyResults: p.keyResults.map((k) => (k.id === 'grow-a' ? { ...k, weight: 60 } : k)) }),
  'all-weights-zero': (p) => ({ ...p, keyResults: p.keyResults.map((k) => (k.objectiveId === 'keep' ? { ...k, weight: 0 } : k)) }),
  'objective-has-number': (p) => ({ ...p, objectives: p.objectives.map((o) => (o.id === 'grow' ? { ...o, title: 'Win 20% of the market' } : o)) }),
  'key-result-is-task': (p) => ({ ...p, keyResults: p.keyResults.map((k) => (k.id === 'grow-a' ? { ...k, title: 'Implement the new CRM' } : k)) }),
  'metric-without-unit': (p) => ({ ...p, keyResults: p.keyResults.map((k) => (k.id === 'grow-a' ? { ...k, unit: ' ' } : k)) }),
  'unaligned': (p) => ({ ...p, objectives: p.objectives.map((o) => (o.id === 'sell' ? objectiveIn('sell', { title: o.title, ownerId: 'lan', unitId: 'sales' }) : o)) }),
  'empty-objective': (p) => ({ ...p, objectives: [...p.objectives, objectiveIn('idle', { title: 'Be great' })] }),
  'stale-key-result': (p) => ({ ...p, checkIns: p.checkIns.filter((c) => c.keyResultId !== 'keep-b') }),
  'check-in-outside-cycle': (p) => ({ ...p, checkIns: [...p.checkIns, { keyResultId: 'grow-a', at: '2026-06-30', value: 1 }] }),
  'process-next-step': (p) => ({ ...p, objectives: p.objectives.map((o) => (o.id === 'grow' ? { ...o, state: 'draft' as const } : o)) }),
  'aggregate-without-contributors': (p) => ({
    ...p,
    keyResults: p.keyResults.map((k) => (k.id === 'grow-a' ? { ...k, aggregate: 'sum' as const } : k)),
    checkIns: p.checkIns.filter((c) => c.keyResultId !== 'grow-a'),
  }),
};

/** What one rule finds on its own, run straight from its file's export. */
const found = (rule: LintRule, input: PlanInput) => [...rule.check(planView(parsePlan(input), settings))];

describe('the rule table', () => {
  it('gives every rule its own code', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('derives LINT_RULES from the list: the same codes, severities and order', () => {
    expect(Object.entries(LINT_RULES)).toEqual(RULES.map((r) => [r.code, r.severity]));
    expect(LINT_RULES).toEqual({
      'objectives-per-owner': 'warning',
      'key-results-per-objective': 'warning',
      'cycle-too-long': 'warning',
      'child-outside-parent-cycle': 'warning',
      'kpi-incomplete': 'error',
      'kpi-frequency': 'warning',
      'kpi-stale': 'warning',
      'weights-sum': 'warning',
      'all-weights-zero': 'warning',
      'objective-has-number': 'info',
      'key-result-is-task': 'warning',
      'metric-without-unit': 'info',
      'unaligned': 'warning',
      'empty-objective': 'warning',
      'stale-key-result': 'warning',
      'check-in-outside-cycle': 'warning',
      'process-next-step': 'info',
      'aggregate-without-contributors': 'warning',
    });
  });

  it('has a clean plan that no rule finds fault with', () => {
    expect(lintPlan(parsePlan(clean()), { asOf: AS_OF, weightsSumTo100: true })).toEqual([]);
  });

  it.each(RULES.map((rule) => [rule.code, rule] as const))('%s fires on a plan made to trip it, not on the clean plan', (code, rule) => {
    expect(found(rule, clean())).toEqual([]);
    const tripped = TRIGGERS[code](clean());
    expect(found(rule, tripped)).not.toEqual([]);
    expect(lintPlan(parsePlan(tripped), { asOf: AS_OF, weightsSumTo100: true }).map((f) => f.code)).toContain(code);
  });
});

describe('aggregated key results', () => {
  it('are not stale (their contributors are checked) and are quiet once something contributes', () => {
    const plan = clean();
    const keyResults = plan.keyResults.map((k) =>
      k.id === 'grow-a' ? { ...k, aggregate: 'sum' as const } : k.id === 'grow-b' ? { ...k, links: [{ to: 'grow-a', contributes: true }] } : k,
    );
    const findings = lintPlan(parsePlan({ ...plan, keyResults, checkIns: plan.checkIns.filter((c) => c.keyResultId !== 'grow-a') }), settings);
    expect(findings.filter((f) => f.id === 'grow-a')).toEqual([]);
    const stale = lintPlan(parsePlan({ ...plan, keyResults, checkIns: plan.checkIns.filter((c) => !c.keyResultId.startsWith('grow')) }), settings);
    expect(stale.filter((f) => f.code === 'stale-key-result').map((f) => f.id)).toEqual(['grow-b']);
  });
});

describe('draft and proposed key results', () => {
  it('are not stale: they are not tracked until approved', () => {
    const plan = clean();
    const checkIns = plan.checkIns.filter((c) => c.keyResultId !== 'grow-a' && c.keyResultId !== 'sell-a');
    const keyResults = plan.keyResults.map((k) => (k.id === 'grow-a' ? { ...k, state: 'draft' as const } : k));
    const objectives = plan.objectives.map((o) => (o.id === 'sell' ? { ...o, state: 'proposed' as const } : o));
    const stale = lintPlan(parsePlan({ ...plan, keyResults, objectives, checkIns }), settings).filter((f) => f.code === 'stale-key-result');
    expect(stale).toEqual([]);
    expect(lintPlan(parsePlan({ ...plan, checkIns }), settings).filter((f) => f.code === 'stale-key-result').map((f) => f.id)).toEqual(['grow-a', 'sell-a']);
  });
});
