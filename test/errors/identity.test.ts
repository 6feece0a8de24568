// One error identity: an OkrkitError thrown by okrkit's CommonJS build, its ESM build or
// a copy of okrkit loaded in another realm (a vm context) is recognised by every copy's
// isOkrkitError and instanceof OkrkitError. The builds are read from dist/: CI
// (.ci/run) builds before it tests.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { OkrkitError, isOkrkitError } from '../../src/index.js';

type Okrkit = typeof import('../../src/index.js');

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist');
const CJS = resolve(DIST, 'index.cjs');
const ESM = resolve(DIST, 'index.js');
if (!existsSync(CJS) || !existsSync(ESM)) throw new Error(`test/errors needs the built package: run "npm run build" first (${CJS} is missing)`);

const cjs = createRequire(import.meta.url)(CJS) as Okrkit;
const esm = (await import(pathToFileURL(ESM).href)) as Okrkit;

/** Loads a CommonJS file of dist/ and its relative requires inside a new vm context (another realm); packages come from this realm. */
function loadInNewRealm(entry: string): Okrkit {
  const context = vm.createContext({});
  const hostRequire = createRequire(entry);
  const cache = new Map<string, { exports: unknown }>();
  const load = (file: string): unknown => {
    const cached = cache.get(file);
    if (cached !== undefined) return cached.exports;
    const module = { exports: {} };
    cache.set(file, module);
    const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
    const run = vm.runInContext(wrapped, context, { filename: file }) as (...args: unknown[]) => void;
    const require = (id: string): unknown => (id.startsWith('.') ? load(resolve(dirname(file), id)) : hostRequire(id));
    run(module.exports, require, module, file, dirname(file));
    return module.exports;
  };
  return load(entry) as Okrkit;
}

/** What `f` throws. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

/** A plan okrkit refuses. */
const BAD = { objectives: 'not a list' };

const copies = { src: { OkrkitError, isOkrkitError }, cjs, esm };

describe('isOkrkitError and instanceof across the ESM and CommonJS builds', () => {
  it('the two builds really hold two classes', () => {
    expect(cjs.OkrkitError).not.toBe(esm.OkrkitError);
    expect(Object.getPrototypeOf(thrown(() => cjs.parsePlan(BAD)))).not.toBe(esm.OkrkitError.prototype);
  });

  for (const [thrower, kit] of [['cjs', cjs], ['esm', esm]] as const) {
    for (const [name, judge] of Object.entries(copies)) {
      it(`an error thrown by the ${thrower} build is recognised by the ${name} copy`, () => {
        const error = thrown(() => kit.parsePlan(BAD));
        expect(judge.isOkrkitError(error)).toBe(true);
        expect(error instanceof judge.OkrkitError).toBe(true);
      });
    }
  }

  it('refuses what is not an okrkit error, a look-alike included', () => {
    const lookAlike = Object.assign(new Error('okrkit: x'), { name: 'OkrkitError', code: 'invalid_plan', issues: [] });
    for (const value of [new Error('x'), lookAlike, { code: 'invalid_plan' }, null, undefined, 'OkrkitError', 42, Symbol.for('okrkit.error')]) {
      for (const judge of Object.values(copies)) {
        expect(judge.isOkrkitError(value)).toBe(false);
        expect(value instanceof judge.OkrkitError).toBe(false);
      }
    }
  });

  it('a proxy that throws on every read is no okrkit error, and the check does not throw', () => {
    const hostile = new Proxy({}, { get: () => { throw new Error('read'); }, getPrototypeOf: () => { throw new Error('proto'); } });
    expect(isOkrkitError(hostile)).toBe(false);
  });

  it('keeps subclass semantics: a subclass is an ordinary prototype check', () => {
    class PlanRejected extends esm.OkrkitError {}
    const own = new PlanRejected('invalid_plan', { key: 'arg.object', params: { name: 'x' } } as never);
    const other = thrown(() => cjs.parsePlan(BAD));
    expect(own instanceof PlanRejected).toBe(true);
    expect(own instanceof esm.OkrkitError && own instanceof cjs.OkrkitError && isOkrkitError(own)).toBe(true);
    expect(other instanceof PlanRejected).toBe(false);
  });

  it('the brand is a non-enumerable, read-only own property that changes neither keys nor JSON', () => {
    const error = thrown(() => esm.parsePlan(BAD));
    const brand = Symbol.for('okrkit.error');
    expect(Object.getOwnPropertyDescriptor(error, brand)).toEqual({ value: true, enumerable: false, writable: false, configurable: false });
    expect(Object.keys(error as object)).not.toContain(brand);
    expect(JSON.stringify(error)).not.toContain('okrkit.error');
  });
});

describe('isOkrkitError across realms (a vm context)', () => {
  const realm = loadInNewRealm(CJS);

  it('an error thrown in another realm is recognised here, though it is not even an Error of this realm', () => {
    const error = thrown(() => realm.parsePlan(BAD));
    expect(error instanceof Error).toBe(false);
    for (const judge of Object.values(copies)) {
      expect(judge.isOkrkitError(error)).toBe(true);
      expect(error instanceof judge.OkrkitError).toBe(true);
    }
  });

  it('an error thrown here is recognised by the other realm', () => {
    for (const kit of [cjs, esm]) {
      const error = thrown(() => kit.parsePlan(BAD));
      expect(realm.isOkrkitError(error)).toBe(true);
      expect(error instanceof realm.OkrkitError).toBe(true);
      expect(realm.isOkrkitError(new Error('x'))).toBe(false);
    }
  });
});
