import { at, messages } from '../messages/where.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Message } from '../messages/message.js';
import { isInSupportedRange, toValue, type Value } from './numeric.js';

/**
 * Reads a number or decimal string as an exact value. A value that is not a number, or
 * whose magnitude lies outside 1e-30 to 1e30 (which `parsePlan` rejects too, and which
 * the functions that take single records must not compute with), throws
 * `invalid_argument` naming the place, which `place(id, field)` builds only then (no
 * message object per value on the hot paths).
 */
export function readValue(x: string | number, place: (id: string, field: string) => Message, id: string, field = ''): Value {
  const v = toValue(x);
  if (v === null) invalidArgument(at(place(id, field), messages.invalidNumber));
  if (typeof v === 'number' ? v !== 0 && (v > 1e30 || v < -1e30 || (v < 1e-30 && v > -1e-30)) : !isInSupportedRange(v)) {
    invalidArgument(at(place(id, field), messages.numberOutOfRange(String(x))));
  }
  return v;
}
