// The checks of the options every entry point shares, written once: each function that
// takes `cap` or a date option reads it through these, so the rule and the error are the
// same everywhere.
import { parseArgument } from '../_lib/zod-issues.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { CalendarDate } from './primitives.js';

/** Checks a `cap` option: a number of at least 1, or Infinity; 1 when left out. */
export function checkCap(cap: number | undefined): number {
  if (cap === undefined) return 1;
  if (typeof cap !== 'number' || Number.isNaN(cap) || cap < 1) {
    invalidArgument('arg.capAtLeastOne', { name: 'cap', value: String(cap) });
  }
  return cap;
}

/** Checks an optional calendar-date option (`asOf`, `since`); null when left out. */
export function checkDate(value: string | undefined, name: string): string | null {
  if (value === undefined) return null;
  return parseArgument(CalendarDate, value, name);
}
