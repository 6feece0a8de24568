import { at, messages } from '../messages/where.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Message } from '../messages/message.js';
import { toValue, type Value } from './numeric.js';

/**
 * Reads a number or decimal string as an exact value. On failure it throws
 * `invalid_argument` naming the place, which `place(id, field)` builds only then (no
 * message object per value on the hot paths).
 */
export function readValue(x: string | number, place: (id: string, field: string) => Message, id: string, field = ''): Value {
  const v = toValue(x);
  if (v === null) invalidArgument(at(place(id, field), messages.invalidNumber));
  return v;
}
