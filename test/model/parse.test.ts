import { describe, expect, it } from 'vitest';
import { OkrkitError, parsePlan, safeParsePlan, type PlanInput } from '../../src/index.js';
import { deepFreeze, loadPlan } from '../fixtures.js';
import { Q3, objectiveIn } from '../builders.js';

const q3 = Q3;
const objective = objectiveIn;
const metric = (id: string, objectiveId: string, extra: object = {}) => ({
  id, objectiveId, title: `KR ${id}`, kind: 'metric', start: 0, target: 10, ...extra,
});

/** The issues safeParsePlan reports for a plan. */
function issuesOf(input: unknown) {
  const result = safeParsePlan(input);
  if (result.success) throw new Error('expected the plan to be rejected');
  return result.error.issues.map(({ path, code, message }) => ({ path, code, message }));
}

describe('parsePlan', () => {
  it('accepts both example plans and fills in missing arrays', () => {
    expect(parsePlan(loadPlan('xyz-corp')).objectives).toHaveLength(3);
    expect(parsePlan({})).toEqual({
      cycles: [], units: [], objectives: [], keyResults: [], initiatives: [], checkIns: [], kpis: [], measurements: [],
    });
  });

  it('does not mutate its input', () => {
    const input = deepFreeze(loadPlan('saas-cascade'));
    const copy = structuredClone(input);
    parsePlan(input);
    expect(input).toEqual(copy);
  });

  it('throws an OkrkitError listing every problem, with its path', () => {
    const input = {
      cycles: [q3],
      objectives: [objective('o1', { cycleId: 'q9' }), objective('o1')],
      keyResults: [metric('k1', 'o7')],
    };
    expect(() => parsePlan(input)).toThrowErrorMatchingInlineSnapshot(`
      [OkrkitError: okrkit: the plan is invalid (3 problems)
        - objectives[1].id: Duplicate id "o1" in objectives: it is already used at objectives[0].
        - objectives[0].cycleId: Unknown cycle "q9".
        - keyResults[0].objectiveId: Unknown objective "o7".]
    `);
    const result = safeParsePlan(input);
    expect(result.success).toBe(false);
    expect(result.error).toBeInstanceOf(OkrkitError);
    expect(result.error?.code).toBe('invalid_plan');
  });

  it('reports schema problems and integrity problems together', () => {
    const issues = issuesOf({ cycles: [q3], objectives: [objective('o1', { weight: -2, parentId: 'nope' })] });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['objectives.0.weight', 'invalid_weight'],
      ['objectives.0.parentId', 'unknown_reference'],
    ]);
  });

  it('rejects a value that is not an object', () => {
    expect(issuesOf(42)).toEqual([{ path: [], code: 'invalid_type', message: 'Expected a plan object, got a number.' }]);
    expect(issuesOf(null)[0]?.code).toBe('invalid_type');
  });

  describe('issue codes', () => {
    const cases: [string, PlanInput | Record<string, unknown>, string, string][] = [
      ['missing', { cycles: [{ id: 'q3', start: '2026-07-01', end: '2026-09-30' }] }, 'cycles.0.name', 'This field is required.'],
      ['invalid_type', { objectives: [objective('o1', { title: 7 })] }, 'objectives.0.title', 'Expected string, got number.'],
      ['invalid_value', { cycles: [q3], objectives: [objective('o1', { commitment: 'maybe' })] }, 'objectives.0.commitment', 'Expected one of "committed", "aspirational".'],
      ['invalid_value', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { kind: 'guess' })] }, 'keyResults.0.kind', 'Expected one of "metric", "threshold", "range", "binary", "milestones", "baseline".'],
      ['invalid_number', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { target: '12,5' })] }, 'keyResults.0.target', 'Expected a finite number or a decimal string such as "1234.56" (a dot for decimals, no thousands separators).'],
      ['invalid_number', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { target: '' })] }, 'keyResults.0.target', 'Expected a finite number or a decimal string such as "1234.56" (a dot for decimals, no thousands separators).'],
      ['invalid_date', { cycles: [{ ...q3, end: '2026-02-30' }] }, 'cycles.0.end', 'Expected a calendar date written as YYYY-MM-DD, such as "2026-07-01".'],
      ['invalid_date', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1')], checkIns: [{ keyResultId: 'k', at: '2026-13-01', value: 1 }] }, 'checkIns.0.at', 'Expected a calendar date (YYYY-MM-DD) or a date-time with an offset, such as "2026-07-01T09:30:00+07:00".'],
      ['duplicate_id', { cycles: [q3, q3] }, 'cycles.1.id', 'Duplicate id "q3" in cycles: it is already used at cycles[0].'],
      ['duplicate_id', { cycles: [q3], objectives: [objective('x')], keyResults: [metric('x', 'x')] }, 'keyResults.0.id', 'Id "x" is used by both an objective and a key result (objectives[0]); links could not tell them apart.'],
      ['unknown_reference', { cycles: [q3], objectives: [objective('o1', { links: [{ to: 'ghost' }] })] }, 'objectives.0.links.0.to', 'Unknown objective or key result "ghost".'],
      ['cycle_range', { cycles: [{ ...q3, start: '2026-10-01' }] }, 'cycles.0.end', 'The cycle ends (2026-09-30) before it starts (2026-10-01).'],
      ['cycle_outside_parent', { cycles: [{ id: 'y', name: 'FY', start: '2026-01-01', end: '2026-08-31' }, { ...q3, parentId: 'y' }] }, 'cycles.1.parentId', 'Cycle "q3" does not lie inside its parent cycle "y".'],
      ['target_equals_start', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { start: '10.0', target: 10 })] }, 'keyResults.0.target', 'The target equals the start (10), so progress cannot be measured; use a "threshold" key result to keep a value at a level.'],
      ['range_bounds', { cycles: [q3], objectives: [objective('o1')], keyResults: [{ id: 'k', objectiveId: 'o1', title: 'r', kind: 'range', min: 9, max: 3 }] }, 'keyResults.0.max', 'The range minimum 9 is above its maximum 3.'],
      ['invalid_weight', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { weight: '-1' })] }, 'keyResults.0.weight', 'A weight must be a number of zero or more: 0 excludes an item, larger numbers weigh more.'],
      ['invalid_weight', { cycles: [q3], objectives: [objective('o1', { weight: -0.5 })] }, 'objectives.0.weight', 'A weight must be a number of zero or more: 0 excludes an item, larger numbers weigh more.'],
      ['number_out_of_range', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { target: '1e-400' })] }, 'keyResults.0.target', 'The number 1e-400 is outside the supported range (zero, or a magnitude from 1e-30 to 1e30).'],
      ['number_out_of_range', { cycles: [q3], objectives: [objective('o1')], keyResults: [metric('k', 'o1', { target: 1e308 })] }, 'keyResults.0.target', 'The number 1e+308 is outside the supported range (zero, or a magnitude from 1e-30 to 1e30).'],
      ['cascade_loop', { cycles: [q3], objectives: [objective('a', { parentId: 'c' }), objective('b', { parentId: 'a' }), objective('c', { parentId: 'b' })] }, 'objectives.0', 'The cascade contains a loop: a → c → b → a.'],
      ['cascade_loop', { cycles: [q3], objectives: [objective('a', { links: [{ to: 'k', contributes: true }] })], keyResults: [metric('k', 'a')] }, 'keyResults.0.objectiveId', 'The cascade contains a loop: k → a → k.'],
      ['cascade_loop', { cycles: [{ ...q3, parentId: 'q4' }, { ...q3, id: 'q4', parentId: 'q3' }] }, 'cycles.0.parentId', 'The cycle hierarchy contains a loop: q3 → q4 → q3.'],
      ['cascade_loop', { units: [{ id: 'u', name: 'U', level: 'team', parentId: 'u' }] }, 'units.0.parentId', 'The unit hierarchy contains a loop: u → u.'],
    ];

    it.each(cases)('%s: %j', (code, input, path, message) => {
      const issues = issuesOf(input);
      expect(issues).toContainEqual({ path: path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), code, message });
    });
  });

  it('accepts ids such as __proto__ and constructor as ordinary ids', () => {
    const plan = parsePlan({
      cycles: [{ ...q3, id: '__proto__' }],
      objectives: [objective('constructor', { cycleId: '__proto__' }), objective('toString', { cycleId: '__proto__', parentId: 'constructor' })],
      keyResults: [metric('hasOwnProperty', 'toString')],
    });
    expect(plan.objectives[1]!.parentId).toBe('constructor');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('finds a loop in a cascade 100,000 levels deep without overflowing the stack', () => {
    const n = 100_000;
    const objectives = Array.from({ length: n }, (_, i) => objective(`o${i}`, { parentId: `o${(i + 1) % n}` }));
    const issues = issuesOf({ cycles: [q3], objectives });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.code).toBe('cascade_loop');
  });
});
