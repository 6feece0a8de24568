// Issue 14, "silent acceptance": what is not a plan, unknown keys, the host's zod settings,
// finalScore as a fraction, Unicode normalisation and meta's depth.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createOkrkit, defineKeyResultKind, evaluate, keyResultProgress, lintPlan, OkrkitError, parsePlan, planJsonSchema, safeParsePlan } from '../../src/index.js';
import { loadPlan } from '../fixtures.js';
import { Q3, objectiveIn } from '../builders.js';

type Path = (string | number)[];

/** The issues safeParsePlan reports for a plan. */
function issuesOf(input: unknown) {
  const result = safeParsePlan(input);
  if (result.success) throw new Error('expected the plan to be rejected');
  expect(result.error).toBeInstanceOf(OkrkitError);
  return result.error.issues.map(({ path, code, message }) => ({ path, code, message }));
}

const metric = (id: string, objectiveId: string, extra: object = {}) => ({ id, objectiveId, title: `KR ${id}`, kind: 'metric', start: 0, target: 10, ...extra });
const base = (extra: object = {}) => ({ cycles: [Q3], objectives: [objectiveIn('o1')], keyResults: [metric('k1', 'o1')], ...extra });

describe('anything but a plain object is not a plan', () => {
  class Settings {
    cycles = [];
  }
  const cases: [string, unknown, string][] = [
    ['a Buffer', Buffer.from('{"cycles":[]}'), 'Expected a plan object, got a Buffer: did you forget JSON.parse?'],
    ['a string', '{"cycles":[]}', 'Expected a plan object, got a string: did you forget JSON.parse?'],
    ['a Uint8Array', new Uint8Array([123, 125]), 'Expected a plan object, got a Uint8Array: did you forget JSON.parse?'],
    ['a Promise', Promise.resolve({}), 'Expected a plan object, got a Promise: did you forget await?'],
    ['a Date', new Date(0), 'Expected a plan object, got a Date.'],
    ['a Map', new Map([['cycles', []]]), 'Expected a plan object, got a Map.'],
    ['a Set', new Set(), 'Expected a plan object, got a Set.'],
    ['an array', [], 'Expected a plan object, got an array.'],
    ['a class instance', new Settings(), 'Expected a plan object, got a Settings.'],
    ['null', null, 'Expected a plan object, got null.'],
    ['undefined', undefined, 'Expected a plan object, got undefined.'],
    ['a number', 42, 'Expected a plan object, got a number.'],
  ];

  it.each(cases)('%s', (_, input, message) => {
    expect(issuesOf(input)).toEqual([{ path: [], code: 'invalid_type', message }]);
    expect(() => parsePlan(input)).toThrow(OkrkitError);
    const kit = createOkrkit();
    expect(kit.safeParsePlan(input).success).toBe(false);
    expect(() => kit.parsePlan(input)).toThrow(message);
  });

  it.each(cases)('%s given to evaluate, lintPlan or the kit is an invalid argument that names it', (_, input, message) => {
    for (const run of [() => evaluate(input as never), () => lintPlan(input as never), () => createOkrkit().evaluate(input as never)]) {
      expect(run).toThrow(OkrkitError);
      expect(run).toThrow(`okrkit: invalid argument: ${message}`);
    }
  });

  it('accepts a plain object of any realm and one without a prototype', () => {
    expect(safeParsePlan(Object.create(null)).success).toBe(true);
    expect(safeParsePlan(JSON.parse('{"cycles":[]}')).success).toBe(true);
  });
});

describe('unknown keys are errors, with the closest known key', () => {
  const cases: [string, unknown, Path, string][] = [
    ['checkins on the plan', { ...base(), checkins: [] }, ['checkins'], 'Unknown key "checkins"; did you mean "checkIns"? Keep your own data in "meta".'],
    ['weigth on a key result', base({ keyResults: [metric('k1', 'o1', { weigth: 2 })] }), ['keyResults', 0, 'weigth'], 'Unknown key "weigth"; did you mean "weight"? Keep your own data in "meta".'],
    ['parentID on an objective', base({ objectives: [objectiveIn('o1', { parentID: 'o0' })] }), ['objectives', 0, 'parentID'], 'Unknown key "parentID"; did you mean "parentId"? Keep your own data in "meta".'],
    ['a key nothing is close to', base({ objectives: [objectiveIn('o1', { crmAccount: 'A-17' })] }), ['objectives', 0, 'crmAccount'], 'Unknown key "crmAccount": okrkit does not read it. Keep your own data in "meta".'],
    ['a cycle', base({ cycles: [{ ...Q3, stat: 'active' }] }), ['cycles', 0, 'stat'], 'Unknown key "stat"; did you mean "start"? Keep your own data in "meta".'],
    ['a unit', base({ units: [{ id: 'u', name: 'U', level: 'team', levels: 1 }] }), ['units', 0, 'levels'], 'Unknown key "levels"; did you mean "level"? Keep your own data in "meta".'],
    ['a link', base({ objectives: [objectiveIn('o1'), objectiveIn('o2', { links: [{ to: 'o1', contribute: true }] })] }), ['objectives', 1, 'links', 0, 'contribute'], 'Unknown key "contribute"; did you mean "contributes"? Keep your own data in "meta".'],
    ['a check-in', base({ checkIns: [{ keyResultId: 'k1', at: '2026-08-01', vaule: 3 }] }), ['checkIns', 0, 'vaule'], 'Unknown key "vaule"; did you mean "value"? Keep your own data in "meta".'],
    ['a milestone', base({ keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'M', kind: 'milestones', milestones: [{ title: 'a', dueAt: '2026-08-01' }] }] }), ['keyResults', 0, 'milestones', 0, 'dueAt'], 'Unknown key "dueAt"; did you mean "doneAt"? Keep your own data in "meta".'],
    ['a scoring step', base({ keyResults: [metric('k1', 'o1', { scoring: { type: 'steps', steps: [{ mins: 1, score: 1 }] } })] }), ['keyResults', 0, 'scoring', 'steps', 0, 'mins'], 'Unknown key "mins"; did you mean "min"? Keep your own data in "meta".'],
    ['a threshold key result', base({ keyResults: [{ id: 'k1', objectiveId: 'o1', title: 'T', kind: 'threshold', comparator: 'atMost', value: 1, inclusve: false }] }), ['keyResults', 0, 'inclusve'], 'Unknown key "inclusve"; did you mean "inclusive"? Keep your own data in "meta".'],
    ['an initiative', base({ initiatives: [{ id: 'i', title: 'I', keyResultId: 'k1', status: 'done', owner: 'x' }] }), ['initiatives', 0, 'owner'], 'Unknown key "owner"; did you mean "ownerId"? Keep your own data in "meta".'],
  ];

  it.each(cases)('%s', (_, input, path, message) => {
    expect(issuesOf(input)).toContainEqual({ path, code: 'unknown_key', message });
  });

  const kpi = { id: 'kp', name: 'Leads', target: { polarity: 'higher', value: 20 }, timeframe: { cycleId: 'q3' }, dataSource: { name: 'CRM' }, frequency: 'weekly' };
  it.each([
    ['target', { ...kpi, target: { polarity: 'higher', value: 20, baseLine: 3 } }, ['kpis', 0, 'target', 'baseLine']],
    ['timeframe (cycle)', { ...kpi, timeframe: { cycleId: 'q3', cycle: 'q3' } }, ['kpis', 0, 'timeframe', 'cycle']],
    ['timeframe (dates)', { ...kpi, timeframe: { start: '2026-07-01', end: '2026-09-30', ends: 1 } }, ['kpis', 0, 'timeframe', 'ends']],
    ['dataSource', { ...kpi, dataSource: { name: 'CRM', url: 'x' } }, ['kpis', 0, 'dataSource', 'url']],
    ['thresholds', { ...kpi, thresholds: [{ status: 'red', maxi: 1 }] }, ['kpis', 0, 'thresholds', 0, 'maxi']],
    ['the KPI itself', { ...kpi, frequence: 'weekly' }, ['kpis', 0, 'frequence']],
  ] as const)('in a KPI: %s', (_, k, path) => {
    expect(issuesOf({ cycles: [Q3], kpis: [k] }).map((i) => [i.path, i.code])).toContainEqual([path, 'unknown_key']);
  });

  it('reports an unknown key of a measurement', () => {
    const k = { ...kpi };
    expect(issuesOf({ cycles: [Q3], kpis: [k], measurements: [{ kpiId: 'kp', at: '2026-08-01', value: 1, notes: 'x' }] })).toContainEqual({
      path: ['measurements', 0, 'notes'], code: 'unknown_key', message: 'Unknown key "notes"; did you mean "note"? Keep your own data in "meta".',
    });
  });

  it('keeps meta free-form, and reports the other problems of a record with an unknown key', () => {
    expect(parsePlan(base({ meta: { anything: { deep: [1, { x: 2 }] } }, objectives: [objectiveIn('o1', { meta: { crmAccount: 'A-17' } })] })).objectives[0]?.meta).toEqual({ crmAccount: 'A-17' });
    const issues = issuesOf(base({ keyResults: [metric('k1', 'o9', { weigth: 2 })] }));
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([['keyResults.0.weigth', 'unknown_key'], ['keyResults.0.objectiveId', 'unknown_reference']]);
  });

  it('says additionalProperties: false in the JSON Schema, for every object but meta', () => {
    const objects: unknown[] = [];
    const walk = (node: unknown, key: string): void => {
      if (Array.isArray(node)) node.forEach((n) => walk(n, key));
      else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if (record['type'] === 'object' && key !== 'meta') objects.push(record);
        for (const [k, v] of Object.entries(record)) walk(v, k === 'properties' ? key : k);
      }
    };
    walk(planJsonSchema(), '');
    expect(objects.length).toBeGreaterThan(30);
    for (const o of objects) expect(o).toMatchObject({ additionalProperties: false });
  });

  it('keeps plug-in kinds strict', () => {
    const nps = defineKeyResultKind({ kind: 'nps', schema: z.object({ from: z.number(), to: z.number() }), progress: () => 0 });
    const kit = createOkrkit({ kinds: [nps] });
    const kr = { id: 'k1', objectiveId: 'o1', title: 'NPS', kind: 'nps', from: 0, to: 40 };
    expect(kit.safeParsePlan(base({ keyResults: [kr] })).success).toBe(true);
    const result = kit.safeParsePlan(base({ keyResults: [{ ...kr, too: 50 }] }));
    if (result.success) throw new Error('expected the plan to be rejected');
    expect(result.error.issues).toContainEqual(expect.objectContaining({ path: ['keyResults', 0, 'too'], code: 'unknown_key', message: 'Unknown key "too"; did you mean "to"? Keep your own data in "meta".' }));
  });

  it('rejects unknown keys in single records given to a function', () => {
    expect(() => keyResultProgress(metric('k1', 'o1', { tagret: 5 }) as never)).toThrow(/keyResult\.tagret: Unknown key "tagret"; did you mean "target"\?/);
  });

  /** The paths of every object of a plan, meta's contents left out. */
  function objectPaths(node: unknown, path: Path = []): Path[] {
    if (Array.isArray(node)) return node.flatMap((n, i) => objectPaths(n, [...path, i]));
    if (typeof node !== 'object' || node === null) return [];
    return [path, ...Object.entries(node).flatMap(([k, v]) => (k === 'meta' ? [] : objectPaths(v, [...path, k])))];
  }

  const plans = (['xyz-corp', 'saas-cascade', 'abc-kpis'] as const).map((name) => loadPlan(name));
  test.prop([fc.nat(), fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })], { numRuns: 300 })(
    'any unknown key at any level is rejected with its path',
    (p, o, suffix, value) => {
      const plan = structuredClone(plans[p % plans.length]);
      const paths = objectPaths(plan);
      const path = paths[o % paths.length] ?? [];
      let target: unknown = plan;
      for (const segment of path) target = (target as Record<string | number, unknown>)[segment];
      const key = `zz${suffix}`;
      (target as Record<string, unknown>)[key] = value;
      const issues = issuesOf(plan);
      expect(issues).toContainEqual(expect.objectContaining({ path: [...path, key], code: 'unknown_key' }));
    },
  );
});

describe("codes and messages do not depend on the host's zod settings", () => {
  const withHostConfig = (config: Parameters<typeof z.config>[0], run: () => void) => {
    const saved = { ...z.config() };
    z.config(config);
    try {
      run();
    } finally {
      z.config({ localeError: saved.localeError, customError: saved.customError });
    }
  };
  const cases = (): unknown[] => [
    issuesOf({ cycles: [{ id: 'q3', start: '2026-07-01', end: '2026-09-30' }] }),
    issuesOf({ cycles: [{ ...Q3, id: 7 }] }),
    issuesOf(base({ objectives: [objectiveIn('o1', { commitment: 'maybe' })] })),
    issuesOf(base({ keyResults: [metric('k1', 'o1', { kind: 'guess' })] })),
    issuesOf(base({ keyResults: [metric('k1', 'o1', { weigth: 1, finalScore: 80 })] })),
    issuesOf(base({ checkIns: [{ keyResultId: 'k1', at: '2026-08-01', confidence: 2 }] })),
    issuesOf({ cycles: [Q3], kpis: [{ id: 'kp', name: 'x', timeframe: { cycleId: 'q3' }, dataSource: { name: 'CRM' }, frequency: 'weekly' }] }),
  ];

  it('gives the same issues after z.config(z.locales.vi()), another locale, or a custom error map', () => {
    const english = cases();
    expect(english[0]).toEqual([{ path: ['cycles', 0, 'name'], code: 'missing', message: 'This field is required.' }]);
    expect(english[1]).toEqual([{ path: ['cycles', 0, 'id'], code: 'invalid_type', message: 'Expected string, got number.' }]);
    withHostConfig(z.locales.vi(), () => expect(cases()).toEqual(english));
    withHostConfig(z.locales.de(), () => expect(cases()).toEqual(english));
    withHostConfig({ customError: () => 'host message' }, () => expect(cases()).toEqual(english));
    withHostConfig({ customError: () => { throw new Error('host map failed'); } }, () => expect(cases()).toEqual(english));
    expect(cases()).toEqual(english);
  });

  it('reports a missing field of a single record as missing under another locale', () => {
    withHostConfig(z.locales.vi(), () => {
      try {
        keyResultProgress({ id: 'k', objectiveId: 'o', kind: 'metric', start: 0, target: 1 } as never);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(OkrkitError);
        expect((error as OkrkitError).issues).toContainEqual(expect.objectContaining({ path: ['keyResult', 'title'], code: 'missing' }));
      }
    });
  });
});

describe('finalScore is a fraction from 0 to 1', () => {
  it.each([
    [75, 'finalScore 75 is above 1: it is a fraction of the target (0.75), not a percentage.'],
    [100, 'finalScore 100 is above 1: it is a fraction of the target (1), not a percentage.'],
    [1.5, 'finalScore 1.5 is above 1: it is a fraction of the target (0.015), not a percentage.'],
    [1e305, 'finalScore 1e+305 is above 1: it is a fraction of the target, from 0 to 1.'],
    [Number.MAX_VALUE, 'finalScore 1.7976931348623157e+308 is above 1: it is a fraction of the target, from 0 to 1.'],
  ])('rejects %s on objectives and key results', (value, message) => {
    expect(issuesOf(base({ objectives: [objectiveIn('o1', { finalScore: value })] }))).toContainEqual({ path: ['objectives', 0, 'finalScore'], code: 'invalid_value', message });
    expect(issuesOf(base({ keyResults: [metric('k1', 'o1', { finalScore: value })] }))).toContainEqual({ path: ['keyResults', 0, 'finalScore'], code: 'invalid_value', message });
  });

  it.each([NaN, Infinity, -Infinity, -0.1, '0.5'])('rejects %s', (value) => {
    expect(issuesOf(base({ keyResults: [metric('k1', 'o1', { finalScore: value })] })).map((i) => i.path.join('.'))).toContain('keyResults.0.finalScore');
  });

  it('accepts 0, 1 and a fraction', () => {
    for (const value of [0, 0.75, 1]) expect(parsePlan(base({ keyResults: [metric('k1', 'o1', { finalScore: value })] })).keyResults[0]?.finalScore).toBe(value);
  });

  test.prop([fc.double({ min: 0, max: 1, noNaN: true })])('every fraction is accepted', (value) => {
    expect(safeParsePlan(base({ objectives: [objectiveIn('o1', { finalScore: value })] })).success).toBe(true);
  });

  test.prop([fc.double({ min: 1, minExcluded: true, max: Number.MAX_VALUE, noNaN: true })])('every number above 1 is rejected with a message that says it is a fraction', (value) => {
    const issue = issuesOf(base({ objectives: [objectiveIn('o1', { finalScore: value })] })).find((i) => i.path.join('.') === 'objectives.0.finalScore');
    expect(issue?.message).toMatch(/is above 1: it is a fraction of the target/);
  });
});

describe('ids and text are read in composed form (NFC)', () => {
  const nfc = 'Tăng'.normalize('NFC');
  const nfd = 'Tăng'.normalize('NFD');

  it('matches ids that differ only by normalisation', () => {
    expect(nfc).not.toBe(nfd);
    const plan = parsePlan({
      cycles: [{ ...Q3, id: nfc, name: nfd }],
      objectives: [objectiveIn('o1', { cycleId: nfd, title: `${nfd} doanh số` })],
      keyResults: [metric(nfd, 'o1')],
      checkIns: [{ keyResultId: nfc, at: '2026-08-01', value: 5, note: nfd }],
    });
    expect(plan.objectives[0]?.cycleId).toBe(nfc);
    expect(plan.objectives[0]?.title).toBe(`${nfc} doanh số`);
    expect(plan.cycles[0]?.name).toBe(nfc);
    expect(plan.keyResults[0]?.id).toBe(nfc);
    expect(plan.checkIns[0]?.note).toBe(nfc);
  });

  it('reports ids that differ only by normalisation as duplicates', () => {
    expect(issuesOf({ cycles: [{ ...Q3, id: nfc }, { ...Q3, id: nfd }] }).map((i) => i.code)).toEqual(['duplicate_id']);
  });

  test.prop([fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 })])('an id in NFD and in NFC is the same id', (s) => {
    const id = s.normalize('NFD');
    fc.pre(id.length <= 256 && s.normalize('NFC').length > 0);
    const plan = parsePlan({ cycles: [{ ...Q3, id }], objectives: [objectiveIn('o1', { cycleId: s.normalize('NFC') })] });
    expect(plan.cycles[0]?.id).toBe(plan.objectives[0]?.cycleId);
  });
});

describe("meta's depth is bounded", () => {
  const nested = (depth: number): unknown => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('rejects 5,000 nested arrays at their path, without overflowing the stack', () => {
    const issues = issuesOf(base({ objectives: [objectiveIn('o1', { meta: { deep: nested(5000) } })] }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_value', message: '"meta" is nested more than 32 levels deep.' });
    expect(issues[0]?.path.slice(0, 5)).toEqual(['objectives', 0, 'meta', 'deep', 0]);
    expect(issues[0]?.path).toHaveLength(4 + 31);
  });

  it('accepts 32 levels (meta itself included) and rejects 33', () => {
    expect(safeParsePlan({ meta: { a: nested(31) } }).success).toBe(true);
    expect(issuesOf({ meta: { a: nested(32) } })[0]?.path).toHaveLength(2 + 31);
  });

  it('checks every meta: plan, records and a million-level object', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 1_000_000; i++) deep = { d: deep };
    expect(issuesOf({ meta: deep })[0]?.path.slice(0, 2)).toEqual(['meta', 'd']);
    expect(issuesOf(base({ checkIns: [{ keyResultId: 'k1', at: '2026-08-01', meta: { x: nested(40) } }] }))[0]?.path.slice(0, 4)).toEqual(['checkIns', 0, 'meta', 'x']);
  });

  it('reports a meta that contains itself (no JSON can) as too deep, and a shared object only once', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(issuesOf({ meta: loop })[0]?.code).toBe('invalid_value');
    // 30 levels, each holding the next twice: 2^30 paths, each object visited once per depth.
    let shared: unknown = 1;
    for (let i = 0; i < 30; i++) shared = { a: shared, b: shared };
    expect(safeParsePlan({ meta: { s: shared } }).success).toBe(true);
  });
});
