// recordOf: a result's record by id, typed as the record (no `!` under
// noUncheckedIndexedAccess), or an OkrkitError naming the id and the closest known one.
import { readFileSync } from 'node:fs';
import { createLiveEvaluation, evaluate, evaluateKpis, localizeError, OkrkitError, parsePlan, recordOf, type Evaluation } from 'okrkit';
import { describe, expect, it } from 'vitest';

const plan = parsePlan({
  cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [
    { id: 'o-sales', title: 'Grow sales', cycleId: 'q3' },
    { id: 'get', title: 'An id that a method would shadow', cycleId: 'q3' },
  ],
  keyResults: [
    { id: 'kr-revenue', objectiveId: 'o-sales', title: 'Revenue', kind: 'metric', start: 0, target: 100 },
    { id: 'kr-get', objectiveId: 'get', title: 'Deals', kind: 'metric', start: 0, target: 10 },
  ],
  checkIns: [
    { keyResultId: 'kr-revenue', at: '2026-08-15', value: 40 },
    { keyResultId: 'kr-get', at: '2026-08-15', value: 5 },
  ],
});
const asOf = '2026-08-15';

function errorOf(run: () => unknown): OkrkitError {
  try {
    run();
  } catch (error) {
    if (error instanceof OkrkitError) return error;
    throw error;
  }
  throw new Error('expected an OkrkitError');
}

describe('recordOf', () => {
  const evaluation = evaluate(plan, { asOf });

  it('returns the very record the evaluation holds, for every objective and key result', () => {
    for (const [id, record] of Object.entries(evaluation.objectives)) expect(recordOf(evaluation.objectives, id)).toBe(record);
    for (const [id, record] of Object.entries(evaluation.keyResults)) expect(recordOf(evaluation.keyResults, id)).toBe(record);
    expect(recordOf(evaluation.objectives, 'get').objectiveId).toBe('get');
  });

  it('works on an evaluation read back from JSON, a live evaluation and KPI results', () => {
    const stored = JSON.parse(JSON.stringify(evaluation)) as Evaluation;
    expect(recordOf(stored.keyResults, 'kr-revenue')).toEqual(evaluation.keyResults['kr-revenue']);
    const live = createLiveEvaluation(plan, { asOf });
    live.applyCheckIn({ keyResultId: 'kr-revenue', at: asOf, value: 80 });
    expect(recordOf(live.evaluation.keyResults, 'kr-revenue').value).toBe(80);
    const kpiPlan = parsePlan(JSON.parse(readFileSync(new URL('../../examples/plans/abc-kpis.json', import.meta.url), 'utf8')));
    const kpis = evaluateKpis(kpiPlan, { asOf: '2026-11-15' });
    for (const [id, record] of Object.entries(kpis)) expect(recordOf(kpis, id)).toBe(record);
  });

  it('an unknown id is an unknown_reference error naming it and the closest known id, in English and Vietnamese', () => {
    const error = errorOf(() => recordOf(evaluation.objectives, 'o-sale'));
    expect(error.code).toBe('unknown_reference');
    expect(error.message).toContain('"o-sale"');
    expect(error.message).toContain('did you mean "o-sales"');
    expect(localizeError(error, 'vi')).toContain('có phải ý bạn là "o-sales"');
    expect(errorOf(() => recordOf(evaluation.keyResults, 'KR-Revenu')).message).toContain('"kr-revenue"');
  });

  it('an id close to none lists the known ids; an empty record says so', () => {
    const far = errorOf(() => recordOf(evaluation.keyResults, 'something-else-entirely'));
    expect(far.code).toBe('unknown_reference');
    expect(far.message).toContain('"something-else-entirely"');
    expect(far.message).toContain('"kr-revenue", "kr-get"');
    const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`record-number-${i}`, i]));
    expect(errorOf(() => recordOf(many, 'zzz')).message).toMatch(/"record-number-4", …$/);
    expect(errorOf(() => recordOf({}, 'o-sales')).message).toContain('no records');
  });

  it('names on the prototype are not records', () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(errorOf(() => recordOf(evaluation.objectives, id)).code).toBe('unknown_reference');
    }
  });

  it('a record that is not an object, or an id that is not a string, is an invalid_argument error', () => {
    const loose = recordOf as (records: unknown, id: unknown) => unknown;
    expect(errorOf(() => loose(null, 'o-sales')).code).toBe('invalid_argument');
    expect(errorOf(() => loose(undefined, 'o-sales')).message).toContain('records');
    expect(errorOf(() => loose(evaluation.objectives, 42)).message).toContain('id must be a string');
  });

  it('neither changes the records nor leaves anything on them: the JSON is what evaluate gave', () => {
    const before = JSON.stringify(evaluation);
    recordOf(evaluation.objectives, 'o-sales');
    errorOf(() => recordOf(evaluation.objectives, 'nope'));
    expect(JSON.stringify(evaluation)).toBe(before);
    expect(Object.keys(evaluation.objectives)).toEqual(['o-sales', 'get']);
  });
});
