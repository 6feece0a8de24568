import { add, compare, sub, type Value } from '../_lib/numeric.js';
import { readValue } from '../_lib/read-value.js';
import { where } from '../messages/where.js';
import type { KeyResult } from '../model/key-result.js';

/** Whether a value meets a threshold or range key result's condition; false for other kinds. */
export function meets(kr: KeyResult, v: Value): boolean {
  if (kr.kind === 'threshold') {
    const c = compare(v, readValue(kr.value, where.keyResultField, kr.id, 'value'));
    const inclusive = kr.inclusive ?? true;
    return kr.comparator === 'atLeast' ? c > 0 || (inclusive && c === 0) : c < 0 || (inclusive && c === 0);
  }
  if (kr.kind === 'range') {
    const tol = kr.tolerance === undefined ? 0 : readValue(kr.tolerance, where.keyResultField, kr.id, 'tolerance');
    const lo = sub(readValue(kr.min, where.keyResultField, kr.id, 'min'), tol);
    const hi = add(readValue(kr.max, where.keyResultField, kr.id, 'max'), tol);
    return compare(v, lo) >= 0 && compare(v, hi) <= 0;
  }
  return false;
}

/** Whether a key result is judged on the share of its check-ins that met its condition. */
export function judgesShare(kr: KeyResult): boolean {
  return (kr.kind === 'threshold' || kr.kind === 'range') && kr.measure === 'shareOfCheckIns';
}
