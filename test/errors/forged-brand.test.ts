import { describe, expect, it } from 'vitest';
import { isOkrkitError, OkrkitError, parsePlan } from '../../src/index.js';

// A Symbol.for brand can be put on anything; a catch block that trusts isOkrkitError then
// reads `code` and `issues`, so the brand alone must not be enough.
describe('isOkrkitError and a forged brand', () => {
  const brand = Symbol.for('okrkit.error');

  it('refuses objects and functions that carry the brand without the shape of an error', () => {
    const nullProto = Object.assign(Object.create(null) as object, { [brand]: true });
    const fn = Object.assign(() => 0, { [brand]: true });
    for (const forged of [{ [brand]: true }, nullProto, fn, { [brand]: true, code: 'invalid_plan' }, { [brand]: true, code: 1, issues: [] }]) {
      expect(isOkrkitError(forged)).toBe(false);
      expect(forged instanceof OkrkitError).toBe(false);
    }
  });

  it('still recognises okrkit errors, whose code and issues a catch block can read', () => {
    let caught: unknown;
    try {
      parsePlan({ cycles: 1 });
    } catch (error) {
      caught = error;
    }
    expect(isOkrkitError(caught)).toBe(true);
    if (isOkrkitError(caught)) expect(caught.issues.length).toBeGreaterThan(0);
  });
});
