import { describe, expect, it } from 'vitest';
import { evaluate, OkrkitError, parsePlan, performance, performanceColumns, STATUS_CODES, type Evaluation, type PlanInput } from '../../src/index.js';
import { thrown } from '../builders.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { ABC_PEOPLE, ABC_PEOPLE_INPUT } from './abc-people.js';

const evaluation = evaluate(ABC_PEOPLE, { asOf: '2026-12-31' });

describe('performance: the ABC company (docs/people.md)', () => {
  const p = performance(ABC_PEOPLE, evaluation);

  it('scores each unit from its own objectives and rolls the score up the company → department → person tree', () => {
    expect(p.roots).toEqual(['abc']);
    expect(Object.keys(p.units)).toEqual(['abc', 'sales', 'marketing', 'projects', 'lan', 'minh']);
    const rows = Object.values(p.units).map((u) => [u.unitId, u.level, u.score, u.rolledUp.score, u.rolledUp.objectives, u.worst]);
    expect(rows).toEqual([
      ['abc', 'company', 0.7, 0.7875, 5, 'offTrack'], // (0.7 + 1 + 0.625 + 2·0.9 + 0.6) / (1 + 1 + 1 + 2 + 1)
      ['sales', 'department', 0.625, 0.75625, 3, 'offTrack'], // (0.625 + 2·0.9 + 0.6) / 4
      ['marketing', 'department', 1, 1, 1, 'achieved'],
      ['projects', 'department', null, null, 0, null],
      ['lan', 'individual', 0.9, 0.9, 1, 'atRisk'],
      ['minh', 'individual', 0.6, 0.6, 1, 'offTrack'],
    ]);
    expect(p.units['sales']).toMatchObject({
      parentId: 'abc',
      childIds: ['lan', 'minh'],
      objectives: 1,
      keyResults: 2,
      scored: 1,
      contributors: [{ id: 'o-sales', type: 'objective', weight: 1, share: 1, score: 0.625 }],
      rolledUp: { objectives: 3, keyResults: 4, scored: 3, statuses: { atRisk: 1, offTrack: 2 }, worst: 'offTrack' },
    });
  });

  it('shows each unit’s KPI scorecard beside its OKR score', () => {
    expect(p.units['sales']?.kpis).toMatchObject({ total: 87, rating: 'B' });
    expect(p.units['lan']?.kpis).toMatchObject({ total: 92, rating: 'A' });
    expect(p.units['projects']).toMatchObject({ score: null, kpis: { total: 90, rating: 'A' } });
  });

  it('scores owners from the objectives they own, beside their own KPI sheet', () => {
    expect(p.ownerIds).toEqual(['an', 'lan', 'minh', 'hoa', 'tuan']);
    const lan = p.owners['lan'];
    expect(lan).toMatchObject({ unitId: 'lan', score: 0.8083333333333333, objectives: 2, kpis: { total: 92, rating: 'A' } }); // (0.625 + 2·0.9) / 3, rounded once
    expect(lan?.contributors.map((c) => [c.id, c.weight, c.share])).toEqual([['o-sales', 1, 1 / 3], ['o-lan', 2, 2 / 3]]);
    expect(p.owners['an']).toMatchObject({ unitId: null, score: 0.7, kpis: { total: null, lines: [] } });
    expect(p.owners['hoa']).toMatchObject({ score: null, objectives: 0, worst: null, kpis: { total: 80 } });
  });

  it('scores key results instead with of: keyResults (a key result’s owner, else its objective’s)', () => {
    const k = performance(ABC_PEOPLE, evaluation, { of: 'keyResults' });
    expect(k.owners['minh']?.contributors.map((c) => [c.id, c.score])).toEqual([['kr-sales-deals', 0.75], ['kr-minh-demos', 0.6]]);
    expect(k.owners['minh']?.score).toBe(0.675);
    expect(k.owners['lan']?.score).toBe(0.7); // nps 0.5 (its objective's owner) and visits 0.9
    expect(k.units['sales']).toMatchObject({ score: 0.625, statuses: { atRisk: 1, offTrack: 1 } });
    expect(k.units['abc']?.rolledUp.score).toBeCloseTo(4.45 / 6, 15);
  });

  it('takes one cycle, and the evaluation’s date for the scorecards unless told another', () => {
    expect(performance(ABC_PEOPLE, evaluation, { cycleId: 'q4-2026' }).units['abc']?.rolledUp.score).toBe(0.7875);
    const early = performance(ABC_PEOPLE, evaluate(ABC_PEOPLE, { asOf: '2026-10-10' }));
    expect(early.owners['lan']?.kpis.lines.find((l) => l.kpiId === 'lan-revenue')).toMatchObject({ noData: true });
    const told = performance(ABC_PEOPLE, evaluate(ABC_PEOPLE, { asOf: '2026-10-10' }), { scorecard: { asOf: '2026-12-31', cap: 1.2 } });
    expect(told.owners['lan']?.kpis.total).toBe(93.6);
  });

  it('leaves draft and proposed OKRs out, as evaluate leaves them out of rollups, unless includeDrafts', () => {
    const plan = parsePlan({
      cycles: [{ id: 'q', name: 'Q', start: '2026-01-01', end: '2026-03-31' }],
      units: [{ id: 'u', name: 'U', level: 'team' }],
      objectives: [
        { id: 'draft', title: 'D', cycleId: 'q', unitId: 'u', ownerId: 'a', state: 'draft' },
        { id: 'done', title: 'P', cycleId: 'q', unitId: 'u', ownerId: 'a', finalScore: 0.4 },
      ],
      keyResults: [
        { id: 'k', objectiveId: 'draft', title: 'K', kind: 'metric', start: 0, target: 10 },
        { id: 'proposed', objectiveId: 'done', title: 'P', kind: 'metric', start: 0, target: 10, state: 'proposed' },
      ],
      checkIns: [{ keyResultId: 'k', at: '2026-02-01', value: 5 }, { keyResultId: 'proposed', at: '2026-02-01', value: 8 }],
    });
    const left = performance(plan, evaluate(plan, { asOf: '2026-03-31' }));
    expect(left.owners['a']).toMatchObject({ score: 0.4, objectives: 1, keyResults: 0, statuses: { offTrack: 1 } });
    expect(performance(plan, evaluate(plan, { asOf: '2026-03-31' }), { of: 'keyResults' }).units['u']).toMatchObject({ score: null, keyResults: 0 });
    const all = evaluate(plan, { asOf: '2026-03-31', includeDrafts: true });
    expect(performance(plan, all, { includeDrafts: true }).units['u']).toMatchObject({ score: 0.45, objectives: 2 }); // (0.5 + 0.4) / 2
    expect(performance(plan, all, { includeDrafts: true, of: 'keyResults' }).units['u']?.score).toBe(0.65); // (0.5 + 0.8) / 2
    expect(thrown(() => performance(plan, all, { includeDrafts: 'yes' as never })).message).toMatch(/options\.includeDrafts must be one of true, false/);
  });

  it('is plain JSON and never changes its inputs', () => {
    const plan = deepFreeze(parsePlan(ABC_PEOPLE_INPUT));
    const ev = deepFreeze(evaluate(plan, { asOf: '2026-12-31' }));
    const result = performance(plan, ev);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('gives the same numbers as columns', () => {
    const c = performanceColumns(ABC_PEOPLE, evaluation);
    expect(c.units.id).toEqual(['abc', 'sales', 'marketing', 'projects', 'lan', 'minh']);
    expect([...c.units.parent]).toEqual([-1, 0, 0, 0, 1, 1]);
    expect([...c.units.score]).toEqual([0.7, 0.625, 1, 0, 0.9, 0.6]);
    expect([...c.units.hasScore]).toEqual([1, 1, 1, 0, 1, 1]);
    expect([...c.units.rolledUp.score]).toEqual([0.7875, 0.75625, 1, 0, 0.9, 0.6]);
    expect([...c.units.rolledUp.objectives]).toEqual([5, 3, 1, 0, 1, 1]);
    expect([...c.units.kpiTotal]).toEqual([85.66666666666667, 87, 80, 90, 92, 82]);
    expect(STATUS_CODES[c.units.worst[1] ?? 0]).toBe('offTrack');
    expect(c.owners.id).toEqual(['an', 'lan', 'minh', 'hoa', 'tuan']);
    expect([...c.owners.unit]).toEqual([-1, 4, 5, -1, -1]);
    expect([...c.owners.hasKpiTotal]).toEqual([0, 1, 1, 1, 1]);
    expect(c.owners.score[1]).toBe(performance(ABC_PEOPLE, evaluation).owners['lan']?.score);
  });

  it('gives no unit and no owner for a plan without them', () => {
    const plan = parsePlan({ cycles: [{ id: 'q', name: 'Q', start: '2026-01-01', end: '2026-03-31' }], objectives: [{ id: 'o', title: 'O', cycleId: 'q' }] });
    const result = performance(plan, evaluate(plan));
    expect(result).toMatchObject({ units: {}, roots: [], owners: {}, ownerIds: [] });
  });

  it('keeps ids that look like numbers or like Object’s own keys', () => {
    const plan = parsePlan({
      cycles: [{ id: 'q', name: 'Q', start: '2026-01-01', end: '2026-03-31' }],
      units: [{ id: '__proto__', name: 'P', level: 'company' }, { id: '2', name: 'Two', level: 'team', parentId: '__proto__' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q', unitId: '2', ownerId: 'constructor', finalScore: 0.5 }],
    });
    const result = performance(plan, evaluate(plan));
    expect(result.units['__proto__']?.rolledUp.score).toBe(0.5);
    expect(result.owners['constructor']?.score).toBe(0.5);
  });
});

describe('performance: bad input is an OkrkitError that names it', () => {
  const bad = (call: () => unknown) => thrown(call).message;

  it('checks options', () => {
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { of: 'people' as 'objectives' }))).toMatch(/options\.of must be one of 'objectives', 'keyResults', got people/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { cycleId: 'q9' }))).toMatch(/unknown cycle "q9" in options\.cycleId/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, 'x' as never))).toMatch(/options must be an object/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { scorecard: [] as never }))).toMatch(/options\.scorecard must be an object/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { scorecard: { bands: [] } }))).toMatch(/bands must be a non-empty array/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { scorecard: { asOf: '2026-13-01' } }))).toMatch(/asOf/);
  });

  it('rejects an evaluation of another plan, or a tampered one', () => {
    const other = evaluate(parsePlan(loadPlan('abc-kpis')));
    expect(bad(() => performance(ABC_PEOPLE, other))).toMatch(/evaluation\.objectives has no record of "o-abc": pass what evaluate returned for this plan/);
    expect(bad(() => performance(ABC_PEOPLE, null as never))).toMatch(/evaluation must be an object/);
    expect(bad(() => performance(ABC_PEOPLE, { ...evaluation, keyResults: [] } as never))).toMatch(/evaluation\.keyResults must be an object/);
    const tamper = (id: string, field: string, value: unknown): Evaluation =>
      ({ ...evaluation, objectives: { ...evaluation.objectives, [id]: { ...evaluation.objectives[id], [field]: value } } }) as Evaluation;
    expect(bad(() => performance(ABC_PEOPLE, tamper('o-lan', 'score', NaN)))).toMatch(/evaluation\.objectives\["o-lan"\]\.score must be a finite number or null, got (null|NaN)/);
    expect(bad(() => performance(ABC_PEOPLE, tamper('o-lan', 'score', '0.5')))).toMatch(/got "0\.5"/);
    expect(bad(() => performance(ABC_PEOPLE, tamper('o-lan', 'status', 'great')))).toMatch(/unknown status "great"/);
    expect(bad(() => performance(ABC_PEOPLE, { ...evaluation, asOf: 5 } as never))).toMatch(/evaluation\.asOf/);
    // A typo in an option is an error, not the default silently.
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { off: 'keyResults' } as never))).toMatch(/options has no option "off"; did you mean "of"\?/);
    expect(bad(() => performance(ABC_PEOPLE, evaluation, { scorecard: { mising: 'skip' } } as never))).toMatch(/options\.scorecard has no option "mising"; did you mean "missing"\?/);
  });

  it('rejects what parsePlan would have: a plan that is not one, unknown units and objectives, a loop of units', () => {
    expect(thrown(() => performance([] as never, evaluation)).code).toBe('invalid_argument');
    const raw = (extra: Partial<Record<keyof PlanInput, unknown>>) => ({ ...ABC_PEOPLE, ...extra }) as never;
    expect(thrown(() => performance(raw({ objectives: [{ id: 'o', title: 'O', cycleId: 'q4-2026', unitId: 'nowhere' }] }), evaluation)).message).toMatch(/unit "nowhere"/);
    expect(thrown(() => performance(raw({ keyResults: [{ id: 'k', objectiveId: 'gone', title: 'K', kind: 'binary' }] }), evaluation)).code).toBe('unknown_reference');
    const loop = raw({ units: [{ id: 'a', name: 'A', level: 'team', parentId: 'b' }, { id: 'b', name: 'B', level: 'team', parentId: 'a' }], objectives: [], keyResults: [] });
    expect(bad(() => performance(loop, evaluation))).toMatch(/a → b → a|b → a → b/);
    expect(bad(() => performance(raw({ units: 'x' }), evaluation))).toMatch(/plan\.units must be an array/);
    expect(thrown(() => performance(raw({ objectives: [{ id: 'o', title: 'O', cycleId: 'q4-2026', weight: -1 }] }), evaluation))).toBeInstanceOf(OkrkitError);
  });
});
