import { describe, expect, it } from 'vitest';
import { isOkrkitError, localizeError, OkrkitError, recordOf } from 'okrkit';

// What JavaScript callers (plug-ins, apps without types) do with the error class and recordOf.
describe('OkrkitError built from JavaScript', () => {
  it('takes plain text as its message, shown as written in every language', () => {
    const error = new OkrkitError('plugin_failed', 'the NPS survey is not reachable');
    expect(error.message).toBe('the NPS survey is not reachable');
    expect(isOkrkitError(error)).toBe(true);
    expect(error.issues).toEqual([]);
    expect(localizeError(error, 'vi')).toBe('the NPS survey is not reachable');
  });

  it('turns anything else into text, never a raw TypeError', () => {
    const untyped: unknown[] = [undefined, null, 42, { key: 'no.such.key' }, { key: 42 }, Symbol.for('x').description];
    for (const value of untyped) {
      const error = Reflect.construct(OkrkitError, ['invalid_argument', value, 'not an array']);
      expect(error).toBeInstanceOf(OkrkitError);
      expect(error.message).toBe(String(value));
      expect(error.issues).toEqual([]);
    }
  });
});

describe('recordOf', () => {
  it('never suggests a key that holds no record', () => {
    expect(() => recordOf({ a: undefined }, 'a')).toThrow(/there are no records/);
    expect(() => recordOf({ a: undefined, ab: 1 }, 'a')).toThrow(/did you mean "ab"/);
  });
});
