// The checks of the options every entry point shares, written once: each function that
// takes `cap`, `floor` or a date option reads it through these, so the rule and the error are the
// same everywhere.
import { closestName } from '../_lib/closest.js';
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { CalendarDate } from './primitives.js';
import { checkTimeZone, dayOfInstant, isInstant, type DateInput } from './instant.js';

/** Checks a `cap` option: a number of at least 1, or Infinity; 1 when left out. */
export function checkCap(cap: number | undefined): number {
  if (cap === undefined) return 1;
  if (typeof cap !== 'number' || Number.isNaN(cap) || cap < 1) {
    invalidArgument('arg.capAtLeastOne', { name: 'cap', value: shown(cap) });
  }
  return cap;
}

/**
 * Checks a `floor` option: a number of at most 0 (the lowest progress kept), or
 * -Infinity for none; 0 when left out, so progress below the start counts as 0.
 */
export function checkFloor(floor: number | undefined): number {
  if (floor === undefined) return 0;
  if (typeof floor !== 'number' || Number.isNaN(floor) || floor > 0 || floor === Infinity) {
    invalidArgument('arg.floorAtMostZero', { name: 'floor', value: shown(floor) });
  }
  return floor === 0 ? 0 : floor;
}

/**
 * Checks an optional calendar-date option (`asOf`, `since`); null when left out. A `Date`
 * or epoch milliseconds counts on its day in `timeZone` (a checked zone, see
 * `checkTimeZone`); without one it is an error that says to pass it.
 */
export function checkDate(value: DateInput | undefined, name: string, timeZone: string | null = null): string | null {
  if (value === undefined) return null;
  if (isInstant(value)) return dayOfInstant(value, timeZone, name);
  return parseArgument(CalendarDate, value, name);
}

/** Checks the `asOf` of an options object with its `timeZone` (both optional); null when `asOf` is left out. */
export function checkAsOf(options: { readonly asOf?: DateInput | undefined; readonly timeZone?: string | undefined }, name = 'asOf'): string | null {
  return checkDate(options.asOf, name, checkTimeZone(options.timeZone, 'timeZone'));
}

/** Checks an options object (an argument, or a nested option such as `status`): an object, or `{}` when left out. */
export function checkOptions<T extends object>(value: T | undefined, name: string): Partial<T> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalidArgument('arg.object', { name });
  return value;
}

/** Checks an optional true/false option; false when left out. */
export function checkFlag(value: boolean | undefined, name: string): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean') invalidArgument('arg.oneOf', { name, options: 'true, false', value: shown(value) });
  return value;
}

/** A bad option's value as the message shows it: text quoted, so "2" and 2 differ. */
function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Refuses an option the function does not know (a typo such as `sore` for `score` would
 * otherwise be ignored and the default used), naming the closest known one.
 */
export function checkKnownKeys(value: object, known: readonly string[], name: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const suggestion = closestName(key, known);
    if (suggestion === undefined) invalidArgument('arg.unknownOption', { name, key });
    invalidArgument('arg.unknownOptionSuggest', { name, key, suggestion });
  }
}
