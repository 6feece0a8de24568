import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLiveEvaluation, evaluate, evaluateShard, mergeShards, parsePlan, safeParsePlan, type Plan, type PlanInput } from '../../src/index.js';
import { shuffledArb } from '../arbitraries.js';
import { Q3, thrown } from '../builders.js';

// Averages are exact to 100 significant digits in okrkit; the reference works to the same.
const Decimal = DecimalJs.clone({ precision: 100 });
type Decimal = DecimalJs;

// Seed 002's SaaS company: the company's revenue is the sum of its three products'.
const product = (id: string, target: number, extra: object = {}) => ({
  id, objectiveId: 'o-products', title: `Revenue ${id}`, kind: 'metric' as const, start: 0, target, unit: 'USD',
  links: [{ to: 'kr-revenue', contributes: true }], ...extra,
});
const saas = (extra: Partial<PlanInput> = {}): PlanInput => ({
  cycles: [Q3],
  objectives: [
    { id: 'o-company', title: 'Grow revenue', cycleId: 'q3' },
    { id: 'o-products', title: 'Sell every product', cycleId: 'q3', parentId: 'o-company' },
  ],
  keyResults: [
    { id: 'kr-revenue', objectiveId: 'o-company', title: 'Revenue 121,000 USD', kind: 'metric', start: 0, target: 121000, unit: 'USD', aggregate: 'sum' },
    product('kr-a', 100000), product('kr-b', 20000), product('kr-c', 1000),
  ],
  checkIns: [
    { keyResultId: 'kr-a', at: '2026-08-01', value: 50000 },
    { keyResultId: 'kr-b', at: '2026-08-02', value: '10000.1' },
    { keyResultId: 'kr-c', at: '2026-08-03', value: 1000 },
  ],
  ...extra,
});

describe('value rollups', () => {
  it('sums the contributors’ values exactly and says which values were summed', () => {
    const e = evaluate(parsePlan(saas()), { asOf: '2026-08-15' });
    const revenue = e.keyResults['kr-revenue'];
    expect(revenue?.value).toBe(61000.1);
    expect(revenue?.progress).toBe(new Decimal('61000.1').div(121000).toNumber());
    expect(revenue?.checkIns).toBe(3);
    expect(revenue?.lastCheckIn).toBe('2026-08-03');
    expect(revenue?.aggregatedFrom).toEqual([
      { id: 'kr-a', value: 50000, checkIns: 1, lastCheckIn: '2026-08-01' },
      { id: 'kr-b', value: 10000.1, checkIns: 1, lastCheckIn: '2026-08-02' },
      { id: 'kr-c', value: 1000, checkIns: 1, lastCheckIn: '2026-08-03' },
    ]);
    expect(e.keyResults['kr-a']?.aggregatedFrom).toBeNull();
  });

  it.each([
    ['average', (5000000 + 1000010 + 100000) / 300 / 121000],
    ['min', 1000 / 121000],
    ['max', 50000 / 121000],
    ['latest', 1000 / 121000],
  ] as const)('aggregates by %s', (aggregate, progress) => {
    const plan = saas();
    const keyResults = plan.keyResults?.map((kr) => (kr.id === 'kr-revenue' ? { ...kr, aggregate } : kr));
    const e = evaluate(parsePlan({ ...plan, keyResults }), { asOf: '2026-08-15' });
    expect(e.keyResults['kr-revenue']?.progress).toBeCloseTo(progress, 12);
  });

  it('takes, for latest, the value checked in last, whatever the plan order; a contributor without check-ins gives its start', () => {
    const plan = saas({ checkIns: [{ keyResultId: 'kr-b', at: '2026-08-09', value: 7 }, { keyResultId: 'kr-a', at: '2026-08-01', value: 9 }] });
    const keyResults = plan.keyResults?.map((kr) => (kr.id === 'kr-revenue' ? { ...kr, aggregate: 'latest' as const } : kr));
    expect(evaluate(parsePlan({ ...plan, keyResults })).keyResults['kr-revenue']?.value).toBe(7);
    const sum = evaluate(parsePlan(plan)).keyResults['kr-revenue'];
    expect(sum?.aggregatedFrom?.map((c) => c.value)).toEqual([9, 7, 0]);
    expect(sum?.value).toBe(16);
  });

  it('cascades over several levels: team → department → company', () => {
    const plan = parsePlan({
      cycles: [Q3],
      objectives: [{ id: 'o', title: 'Revenue', cycleId: 'q3' }],
      keyResults: [
        { id: 'company', objectiveId: 'o', title: 'Company', kind: 'metric', start: 0, target: 300, aggregate: 'sum' },
        { id: 'dept-1', objectiveId: 'o', title: 'Dept 1', kind: 'metric', start: 0, target: 200, aggregate: 'sum', links: [{ to: 'company', contributes: true }] },
        { id: 'team-1', objectiveId: 'o', title: 'Team 1', kind: 'metric', start: 0, target: 100, links: [{ to: 'dept-1', contributes: true }] },
        { id: 'team-2', objectiveId: 'o', title: 'Team 2', kind: 'metric', start: 0, target: 100, links: [{ to: 'dept-1', contributes: true }] },
        { id: 'dept-2', objectiveId: 'o', title: 'Dept 2', kind: 'metric', start: 0, target: 100, links: [{ to: 'company', contributes: true }] },
      ],
      checkIns: [
        { keyResultId: 'team-1', at: '2026-08-01', value: 40 },
        { keyResultId: 'team-2', at: '2026-08-01', value: 35 },
        { keyResultId: 'dept-2', at: '2026-08-01', value: 60 },
      ],
    });
    const e = evaluate(plan);
    expect(e.keyResults['dept-1']?.value).toBe(75);
    expect(e.keyResults['company']?.value).toBe(135);
    expect(e.keyResults['company']?.aggregatedFrom?.map((c) => [c.id, c.value, c.checkIns])).toEqual([['dept-1', 75, 2], ['dept-2', 60, 1]]);
  });

  it('keeps a live evaluation and shards equal to evaluate', () => {
    const plan = parsePlan(saas());
    const live = createLiveEvaluation(plan, { asOf: '2026-08-31' });
    const more = [
      { keyResultId: 'kr-a', at: '2026-08-20', value: 80000 },
      { keyResultId: 'kr-c', at: '2026-08-21', value: '1200.5' },
    ];
    const changes = more.map((c) => live.applyCheckIn(c));
    expect(Object.keys(changes[0]?.keyResults ?? {})).toEqual(['kr-a', 'kr-revenue']);
    expect(Object.keys(changes[0]?.objectives ?? {}).sort()).toEqual(['o-company', 'o-products']);
    const full = evaluate({ ...plan, checkIns: [...plan.checkIns, ...more] }, { asOf: '2026-08-31' });
    expect(live.evaluation).toEqual(full);
    const part = (keyResults: typeof plan.keyResults) => ({ ...plan, keyResults, checkIns: plan.checkIns.filter((c) => keyResults.some((kr) => kr.id === c.keyResultId)) });
    const shards = [evaluateShard(part(plan.keyResults.slice(0, 2))), evaluateShard(part(plan.keyResults.slice(2)))];
    expect(mergeShards(plan, shards)).toEqual(evaluate(plan));
    expect(thrown(() => live.applyCheckIn({ keyResultId: 'kr-revenue', at: '2026-08-22', value: 1 })).message).toMatch(/takes its value from the key results that contribute to it/);
  });

  it('rejects every plan that cannot be aggregated, at its place', () => {
    const issuesOf = (plan: PlanInput) => {
      const r = safeParsePlan(plan);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    const base = saas();
    const withKr = (id: string, change: object) => ({ ...base, keyResults: base.keyResults?.map((kr) => (kr.id === id ? { ...kr, ...change } : kr)) });
    expect(issuesOf({ ...base, checkIns: [{ keyResultId: 'kr-revenue', at: '2026-08-01', value: 1 }] })).toEqual([
      'checkIns.0.keyResultId: Key result "kr-revenue" takes its value from the key results that contribute to it; check in on those instead.',
    ]);
    expect(issuesOf(withKr('kr-a', { links: [{ to: 'kr-nope', contributes: true }] }))[0]).toMatch(/^keyResults\.1\.links\.0\.to: Unknown/);
    expect(issuesOf(withKr('kr-a', { unit: 'VND' }))[0]).toMatch(/counted in "VND" and "kr-revenue" in "USD"/);
    expect(issuesOf(withKr('kr-revenue', { aggregate: undefined }))[0]).toMatch(/which does not aggregate values/);
    expect(issuesOf(withKr('kr-revenue', { valueFrom: 'sum' }))[0]).toMatch(/^keyResults\.0\.valueFrom: .*cannot also have valueFrom/);
    expect(issuesOf(withKr('kr-a', { links: [{ to: 'kr-a', contributes: true }] }))[0]).toMatch(/links to itself/);
    const loop = { ...base, keyResults: [...(base.keyResults ?? []), { id: 'kr-d', objectiveId: 'o-products', title: 'D', kind: 'metric', start: 0, target: 1, aggregate: 'sum', links: [{ to: 'kr-revenue', contributes: true }] }] };
    const looped = { ...loop, keyResults: loop.keyResults.map((kr) => (kr.id === 'kr-revenue' ? { ...kr, links: [{ to: 'kr-d', contributes: true }] } : kr)) } as PlanInput;
    expect(issuesOf(looped).join('\n')).toMatch(/Value contributions form a loop: kr-\w+ → kr-\w+ → kr-\w+/);
    const binary = { ...base, keyResults: [...(base.keyResults ?? []), { id: 'kr-x', objectiveId: 'o-products', title: 'Done', kind: 'binary', links: [{ to: 'kr-revenue', contributes: true }] }] } as PlanInput;
    expect(issuesOf(binary)[0]).toMatch(/is a binary key result and has no number to add/);
    const scoreToValue = { ...base, objectives: base.objectives?.map((o) => (o.id === 'o-products' ? { ...o, links: [{ to: 'kr-revenue', contributes: true }] } : o)) };
    expect(issuesOf(scoreToValue)[0]).toMatch(/^objectives\.1\.links\.0\.to: .*a score cannot be added to a value/);
    // The engine, given the same plans unparsed, refuses them the same way.
    // (JavaScript callers may pass a plan that never went through parsePlan.)
    const unparsed = (plan: PlanInput) => plan as unknown as Plan;
    expect(thrown(() => evaluate(unparsed(scoreToValue))).issues[0]?.message).toMatch(/a score cannot be added to a value/);
    expect(thrown(() => evaluate(unparsed(looped))).code).toBe('invalid_plan');
    expect(thrown(() => evaluate(unparsed({ ...base, checkIns: [{ keyResultId: 'kr-revenue', at: '2026-08-01', value: 1 }] }))).code).toBe('invalid_plan');
  });

  it('never modifies the plan', () => {
    const plan = parsePlan(saas());
    const before = structuredClone(plan);
    evaluate(Object.freeze(plan));
    createLiveEvaluation(plan).applyCheckIn({ keyResultId: 'kr-b', at: '2026-08-05', value: 3 });
    expect(plan).toEqual(before);
  });
});

describe('weight "target"', () => {
  it('weighs 100,000 / 20,000 / 1,000 USD goals 82.6 % / 16.5 % / 0.8 %', () => {
    const plan = saas();
    const keyResults = plan.keyResults?.map((kr) => (kr.id === 'kr-revenue' ? kr : { ...kr, weight: 'target' as const }));
    const e = evaluate(parsePlan({ ...plan, keyResults }), { asOf: '2026-08-15' });
    const shares = e.objectives['o-products']?.contributors.map((c) => Math.round(c.share * 1000) / 10);
    expect(shares).toEqual([82.6, 16.5, 0.8]);
    // With every start at 0, a target-weighted mean of progress is the summed value's progress.
    expect(e.objectives['o-products']?.score).toBe(e.keyResults['kr-revenue']?.progress);
  });

  it('weighs an objective by its metric key results’ targets', () => {
    const plan = parsePlan({
      cycles: [Q3],
      objectives: [
        { id: 'top', title: 'Top', cycleId: 'q3' },
        { id: 'big', title: 'Big', cycleId: 'q3', parentId: 'top', weight: 'target' },
        { id: 'small', title: 'Small', cycleId: 'q3', parentId: 'top', weight: 'target' },
      ],
      keyResults: [
        { id: 'b1', objectiveId: 'big', title: 'B1', kind: 'metric', start: 0, target: 60 },
        { id: 'b2', objectiveId: 'big', title: 'B2', kind: 'metric', start: 10, target: -30 },
        { id: 's1', objectiveId: 'small', title: 'S1', kind: 'metric', start: 0, target: 10 },
      ],
    });
    expect(evaluate(plan).objectives['top']?.contributors.map((c) => c.weight)).toEqual([90, 10]);
  });

  it('is refused where there is no target to weigh by', () => {
    const r = safeParsePlan({
      cycles: [Q3],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q3', weight: 'target', parentId: 'p' }, { id: 'p', title: 'P', cycleId: 'q3' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'Ship', kind: 'binary', weight: 'target' }],
    });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} ${i.code}`)).toEqual(['keyResults.0.weight invalid_weight', 'objectives.0.weight invalid_weight']);
  });
});

describe('draft and proposed OKRs', () => {
  const plan = parsePlan({
    cycles: [Q3],
    objectives: [
      { id: 'top', title: 'Top', cycleId: 'q3' },
      { id: 'done', title: 'Approved', cycleId: 'q3', parentId: 'top' },
      { id: 'idea', title: 'Draft', cycleId: 'q3', parentId: 'top', state: 'draft' },
    ],
    keyResults: [
      { id: 'k1', objectiveId: 'done', title: 'K1', kind: 'metric', start: 0, target: 10 },
      { id: 'k2', objectiveId: 'done', title: 'K2', kind: 'metric', start: 0, target: 10, state: 'proposed' },
      { id: 'k3', objectiveId: 'idea', title: 'K3', kind: 'metric', start: 0, target: 10 },
    ],
    checkIns: [
      { keyResultId: 'k1', at: '2026-08-01', value: 10 },
      { keyResultId: 'k2', at: '2026-08-01', value: 0 },
      { keyResultId: 'k3', at: '2026-08-01', value: 0 },
    ],
  });

  it('are evaluated on their own but left out of rollups by default', () => {
    const e = evaluate(plan);
    expect(e.objectives['idea']?.score).toBe(0);
    expect(e.keyResults['k2']?.score).toBe(0);
    expect(e.objectives['done']?.contributors.map((c) => c.id)).toEqual(['k1']);
    expect(e.objectives['top']?.contributors.map((c) => c.id)).toEqual(['done']);
    expect(e.objectives['top']?.score).toBe(1);
    expect(e.objectives['idea']?.contributesTo).toEqual([]);
  });

  it('feed their parents with includeDrafts', () => {
    const e = evaluate(plan, { includeDrafts: true });
    expect(e.objectives['done']?.score).toBe(0.5);
    expect(e.objectives['top']?.score).toBe(0.25);
    expect(thrown(() => evaluate(plan, { includeDrafts: 'yes' as never })).code).toBe('invalid_argument');
  });
});

describe('value rollup properties', () => {
  // A random two-level tree: leaves feed departments, which feed the company.
  const treeArb = fc.record({
    aggregate: fc.constantFrom('sum', 'average', 'min', 'max', 'latest'),
    departments: fc.array(
      fc.array(fc.record({ value: fc.option(fc.integer({ min: -5000, max: 50000 }).map((n) => (n / 100).toFixed(2)), { nil: undefined }), day: fc.integer({ min: 1, max: 28 }) }), { minLength: 1, maxLength: 4 }),
      { minLength: 1, maxLength: 4 },
    ),
  });

  type Agg = 'sum' | 'average' | 'min' | 'max' | 'latest';
  /** The aggregate of dated values, straight from the definition. */
  const reference = (how: Agg, items: readonly { value: Decimal; day: number }[]): Decimal => {
    const values = items.map((i) => i.value);
    if (how === 'sum') return values.reduce((a, b) => a.plus(b), new Decimal(0));
    if (how === 'average') return values.reduce((a, b) => a.plus(b), new Decimal(0)).div(values.length);
    if (how === 'min') return Decimal.min(...values);
    if (how === 'max') return Decimal.max(...values);
    const lastDay = Math.max(...items.map((i) => i.day));
    return Decimal.max(...items.filter((i) => i.day === lastDay).map((i) => i.value));
  };

  function build(aggregate: Agg, departments: readonly (readonly { value: string | undefined; day: number }[])[]): PlanInput {
    const keyResults: object[] = [{ id: 'company', objectiveId: 'o', title: 'Company', kind: 'metric', start: 0, target: 1000, aggregate }];
    const checkIns: object[] = [];
    departments.forEach((leaves, d) => {
      keyResults.push({ id: `d${d}`, objectiveId: 'o', title: `D${d}`, kind: 'metric', start: 0, target: 100, aggregate, links: [{ to: 'company', contributes: true }] });
      leaves.forEach((leaf, l) => {
        keyResults.push({ id: `d${d}-${l}`, objectiveId: 'o', title: 'Leaf', kind: 'metric', start: 1, target: 100, links: [{ to: `d${d}`, contributes: true }] });
        if (leaf.value !== undefined) checkIns.push({ keyResultId: `d${d}-${l}`, at: `2026-08-${String(leaf.day).padStart(2, '0')}`, value: leaf.value });
      });
    });
    return { cycles: [Q3], objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }], keyResults, checkIns } as PlanInput;
  }

  it('an aggregated value is the aggregate of its contributors’ values at every level', () => {
    fc.assert(
      fc.property(treeArb, ({ aggregate, departments }) => {
        const e = evaluate(parsePlan(build(aggregate, departments)));
        const deptItems = departments.map((leaves, d) => {
          const items = leaves.map((leaf) => ({ value: new Decimal(leaf.value ?? 1), day: leaf.value === undefined ? 0 : leaf.day }));
          const value = reference(aggregate, items);
          expect(e.keyResults[`d${d}`]?.value).toBe(value.toNumber());
          return { value, day: Math.max(...items.map((i) => i.day)) };
        });
        expect(e.keyResults['company']?.value).toBe(reference(aggregate, deptItems).toNumber());
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of the key results or of the check-ins', () => {
    fc.assert(
      fc.property(
        treeArb.chain((tree) => {
          const plan = build(tree.aggregate, tree.departments);
          return fc.tuple(fc.constant(plan), shuffledArb(plan.keyResults ?? []), shuffledArb(plan.checkIns ?? []));
        }),
        ([plan, keyResults, checkIns]) => {
          const a = evaluate(parsePlan(plan)).keyResults;
          const b = evaluate(parsePlan({ ...plan, keyResults, checkIns })).keyResults;
          for (const id of Object.keys(a)) expect([id, b[id]?.value, b[id]?.score]).toEqual([id, a[id]?.value, a[id]?.score]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
