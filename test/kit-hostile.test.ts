// Hostile plug-ins and arguments of createOkrkit (issue 14): every mistake is an
// OkrkitError naming the argument, the plug-in and the hook; a plug-in cannot change
// the caller's plan.
import fc from 'fast-check';
import { test } from '@fast-check/vitest';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { createOkrkit, defineKeyResultKind, defineScoring, OkrkitError } from '../src/index.js';

const base = {
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o', title: 'O', cycleId: 'q3' }],
};

function errorOf(f: () => unknown): OkrkitError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(OkrkitError);
    if (error instanceof OkrkitError) return error;
  }
  throw new Error('expected an OkrkitError');
}

const kindReturning = (value: unknown) => defineKeyResultKind({ kind: 'k', schema: z.object({}), progress: () => value as number });

describe('plug-in errors name the plug-in, the hook and the value’s type', () => {
  const plan = { ...base, keyResults: [{ id: 'kr', objectiveId: 'o', title: 'K', kind: 'k' }] };

  it('a progress returning the string "0.5"', () => {
    const okr = createOkrkit({ kinds: [kindReturning('0.5')] });
    const e = errorOf(() => okr.evaluate(okr.parsePlan(plan)));
    expect(e.code).toBe('plugin_failed');
    expect(e.message).toBe('okrkit: plug-in "k": progress returned a string ("0.5") for key result "kr", expected a number');
  });

  it.each([
    [null, 'returned null'],
    [undefined, 'returned undefined'],
    [{}, 'returned an object (an object)'],
    [[1], 'returned an array (an array)'],
    [true, 'returned a boolean (true)'],
    [Object.create(null), 'returned an object (an object)'],
  ])('a progress returning %s', (value, text) => {
    const okr = createOkrkit({ kinds: [kindReturning(value)] });
    const e = errorOf(() => okr.evaluate(okr.parsePlan(plan)));
    expect(e.message).toContain(`plug-in "k": progress ${text}`);
    expect(e.message).toContain('expected a number');
  });

  it('a throwing scoring is the scoring rule failing, not progress', () => {
    const okr = createOkrkit({ scorings: [defineScoring({ id: 'boom', score: () => { throw new Error('nope'); } })] });
    const p = { ...base, keyResults: [{ id: 'kr', objectiveId: 'o', title: 'K', kind: 'metric', start: 0, target: 1, scoring: { type: 'plugin', id: 'boom' } }] };
    const e = errorOf(() => okr.evaluate(okr.parsePlan(p)));
    expect(e.message).toBe('okrkit: plug-in "boom": the scoring rule failed for key result "kr": nope');
    expect(e.message).not.toContain('progress');
  });

  it('a scoring returning a string', () => {
    const okr = createOkrkit({ scorings: [defineScoring({ id: 's', score: () => '1' as unknown as number })] });
    const p = { ...base, keyResults: [{ id: 'kr', objectiveId: 'o', title: 'K', kind: 'metric', start: 0, target: 1, scoring: { type: 'plugin', id: 's' } }] };
    expect(errorOf(() => okr.evaluate(okr.parsePlan(p))).message).toContain('plug-in "s": score returned a string ("1") for key result "kr", expected a number');
  });
});

describe('createOkrkit checks its arguments', () => {
  it.each([
    ['null', null, 'plugins must be an object'],
    ['kinds: [null]', { kinds: [null] }, 'plugins.kinds[0] must be an object'],
    ['kinds: [undefined]', { kinds: [undefined] }, 'plugins.kinds[0] must be an object'],
    ['scorings: [null]', { scorings: [null] }, 'plugins.scorings[0] must be an object'],
    ['kinds: {}', { kinds: {} }, 'plugins.kinds must be an array'],
    ['scorings: "x"', { scorings: 'x' }, 'plugins.scorings must be an array'],
    ['kinds: [{}]', { kinds: [{}] }, 'plugins.kinds[0].kind is required'],
    ['scorings: [{}]', { scorings: [{}] }, 'plugins.scorings[0].id is required'],
    ['a non-array range', { kinds: [{ kind: 'x', schema: z.object({}), progress: () => 0, range: 5 }] }, 'x.range must be an array of two numbers [min, max], got 5'],
    ['a range of strings', { kinds: [{ kind: 'x', schema: z.object({}), progress: () => 0, range: ['0', '1'] }] }, 'x.range must be an array of two numbers [min, max], got ["0", "1"]'],
    ['a reversed range', { kinds: [{ kind: 'x', schema: z.object({}), progress: () => 0, range: [1, 0] }] }, 'x.range[0] (1) must be at most x.range[1] (0)'],
  ])('%s', (_name, plugins, text) => {
    const e = errorOf(() => createOkrkit(plugins as never));
    expect(e.code).toBe('invalid_argument');
    expect(e.message).toContain(text);
  });

  it.each(['id', 'objectiveId', 'title', 'weight', 'scoring', 'finalScore', 'source', 'meta', 'kind'])('rejects a schema that redefines %s', (field) => {
    const kind = { kind: 'x', schema: z.object({ [field]: z.string() }), progress: () => 0 };
    expect(errorOf(() => createOkrkit({ kinds: [kind] })).message).toContain(`redefines the common key-result field "${field}"`);
    expect(errorOf(() => defineKeyResultKind(kind)).code).toBe('invalid_argument');
  });

  test.prop([fc.anything()])('anything as plugins is a kit or an OkrkitError', (plugins) => {
    try {
      createOkrkit(plugins as never);
    } catch (error) {
      expect(error).toBeInstanceOf(OkrkitError);
    }
  });
});

describe('plug-ins receive frozen copies', () => {
  it('cannot change the caller’s key result or check-ins', () => {
    const seen: boolean[] = [];
    const meddler = defineKeyResultKind({
      kind: 'm',
      schema: z.object({ xs: z.array(z.number()) }),
      progress: (kr, cx) => {
        seen.push(Object.isFrozen(kr), Object.isFrozen(kr.xs), Object.isFrozen(cx), Object.isFrozen(cx.checkIns), Object.isFrozen(cx.checkIns[0]));
        const writable = kr as { xs: number[]; title: string };
        expect(() => writable.xs.push(1)).toThrow(TypeError);
        expect(() => { writable.title = 'changed'; }).toThrow(TypeError);
        return 0;
      },
    });
    const scorer = defineScoring({ id: 's', score: (p, kr) => { expect(() => { (kr as { title: string }).title = 'x'; }).toThrow(TypeError); return p; } });
    const okr = createOkrkit({ kinds: [meddler], scorings: [scorer] });
    const plan = okr.parsePlan({
      ...base,
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'K', kind: 'm', xs: [1], scoring: { type: 'plugin', id: 's' } }],
      checkIns: [{ keyResultId: 'k', at: '2026-08-01', value: 1 }],
    });
    const before = JSON.stringify(plan);
    okr.evaluate(plan);
    expect(seen).toEqual([true, true, true, true, true]);
    expect(JSON.stringify(plan)).toBe(before);
    expect(Object.isFrozen(plan.keyResults[0])).toBe(false); // the caller's records are left as they were
  });
});
