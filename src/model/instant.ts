// Instants as products store them (a `Date`, a `timestamptz`, epoch milliseconds) turned
// into the calendar days okrkit counts on, in a time zone the caller names. The zone's
// offset at the instant comes from @date-fns/tz (the runtime's time-zone data); nothing
// here reads the machine's zone.
import { tzOffset } from '@date-fns/tz/tzOffset';
import { msg, type Message } from '../messages/message.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { describeValue } from './plugins.js';

/**
 * A calendar day as an application may hold it: a `YYYY-MM-DD` string, or an instant —
 * a `Date` or epoch milliseconds (a whole number) — whose calendar day the `timeZone`
 * option decides. An instant without a `timeZone` is an error, never a silent UTC day.
 *
 * @example
 * evaluate(plan, { asOf: new Date('2026-08-14T18:30:00Z'), timeZone: 'Asia/Ho_Chi_Minh' })
 * //=> the evaluation at 2026-08-15 (01:30 in Vietnam)
 * @category Dates
 */
export type DateInput = string | Date | number;

/**
 * A record whose `at` may also be an instant — a `Date` or epoch milliseconds — that the
 * `timeZone` option writes as that zone's date-time (`2026-07-01T05:30:00.000+07:00`), so
 * it counts on that zone's calendar day.
 *
 * @example
 * const checkIn: AtInstant<CheckIn> = { keyResultId: 'kr1', at: new Date(), value: 12 };
 * @category Dates
 */
export type AtInstant<T extends { readonly at: string }> = Omit<T, 'at'> & { readonly at: DateInput };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The milliseconds of a `Date` from any realm, or null for anything else (a proxy of a Date included). */
function timeOfDate(value: object): number | null {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return null;
  }
}

/** The epoch milliseconds of an instant: a Date's time, a number as it is; null for anything else. */
function timeOf(value: unknown): number | null {
  if (typeof value === 'number') return value;
  return typeof value === 'object' && value !== null ? timeOfDate(value) : null;
}

/** Whether a value is an instant as okrkit takes one (a number, or a Date of any realm); it may still be invalid. */
export function isInstant(value: unknown): value is Date | number {
  return timeOf(value) !== null;
}

/** An instant as a message shows it: a Date as its ISO text (never in the machine's zone), a number as written. */
function shownInstant(value: unknown, time: number | null): string {
  if (typeof value === 'number' || time === null) return String(value);
  return Number.isFinite(time) && Math.abs(time) <= 8.64e15 ? new Date(time).toISOString() : 'Invalid Date';
}

/** Whether the runtime knows a time zone by this name. */
function knownZone(zone: string): boolean {
  if (zone.trim() === '' || /^[+-]/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Checks a `timeZone` option: an IANA name the runtime knows (`Asia/Ho_Chi_Minh`, `UTC`); null when left out. */
export function checkTimeZone(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string' || !knownZone(value)) {
    invalidArgument('arg.timeZone', { name, value: describeValue(value) });
  }
  return value;
}

/** An instant's wall clock in a zone: its calendar day and its ISO date-time with the zone's offset. */
interface WallClock {
  readonly day: string;
  readonly stamp: string;
}

/**
 * The zone's offset at an instant, in minutes east of UTC, from @date-fns/tz's `tzOffset`.
 * `tzOffset` 1.5 drops the sign of offsets between -00:59 and -00:01 (Liberia's -00:44:30
 * until 1972, local mean time west of Greenwich: date-fns/date-fns pull requests #4279 and
 * #4314): a positive offset under an hour is checked against the runtime's offset text.
 */
function offsetOf(zone: string, date: Date): number {
  const offset = tzOffset(zone, date);
  if (!(offset > 0 && offset < 60)) return offset;
  const text = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).format(date);
  return text.includes('GMT-') ? -offset : offset;
}

/**
 * The wall clock of epoch milliseconds in a zone, or null when the instant is not a whole
 * number of milliseconds or its day falls outside years 0000–9999.
 */
function wallClock(time: number, zone: string): WallClock | null {
  if (!Number.isSafeInteger(time) || Math.abs(time) > 8.64e15) return null;
  // Minutes east of UTC; local mean time before ~1900 carries seconds as a fraction.
  const offset = offsetOf(zone, new Date(time));
  if (!Number.isFinite(offset)) return null;
  const local = new Date(time + Math.round(offset * 60_000));
  const year = local.getUTCFullYear();
  // NaN when the zone's offset carries the instant past Date's range: no day either.
  if (!(year >= 0 && year <= 9999)) return null;
  const day = `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
  // The written offset is whole minutes (ISO 8601 has no seconds there): the day is exact.
  const minutes = Math.trunc(offset);
  const sign = minutes < 0 ? '-' : '+';
  const clock = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}`;
  return { day, stamp: `${day}T${clock}${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}` };
}

/** Why an instant has no calendar day, as the message of an argument or of a plan's issue. */
export type InstantProblem = { readonly needsZone: boolean; readonly value: string };

/**
 * The wall clock of an instant in `zone`, or the problem with it: no zone to decide its
 * day, or not a valid instant (an invalid Date, NaN, ±Infinity, a fraction of a
 * millisecond, a year outside 0000–9999).
 */
export function wallClockOf(value: Date | number, zone: string | null): WallClock | InstantProblem {
  const time = timeOf(value);
  const clock = time === null || zone === null ? null : wallClock(time, zone);
  if (clock !== null) return clock;
  const bad = time === null || wallClock(time, 'UTC') === null;
  return { needsZone: !bad && zone === null, value: shownInstant(value, time) };
}

/** The message of an instant's problem in a plan (an issue). */
export function instantIssue(problem: InstantProblem): Message {
  return msg(problem.needsZone ? 'issue.instantNeedsTimeZone' : 'issue.invalidInstant', { value: problem.value });
}

/** The calendar day of an instant option (`asOf`, `at`): throws `invalid_argument` naming it when it has none. */
export function dayOfInstant(value: Date | number, zone: string | null, name: string): string {
  return clockOfInstant(value, zone, name).day;
}

/** The wall clock of an instant option; throws `invalid_argument` naming it when it has none. */
export function clockOfInstant(value: Date | number, zone: string | null, name: string): WallClock {
  const r = wallClockOf(value, zone);
  if ('day' in r) return r;
  return invalidArgument(r.needsZone ? 'arg.instantNeedsTimeZone' : 'arg.instant', { name, value: r.value });
}

/**
 * The calendar day (`YYYY-MM-DD`) an instant falls on in a time zone: the day its wall
 * clock shows there. Use it for the functions that take a date as a plain argument
 * (`elapsed`, `cycleState`, `expectedProgress`, `cycleAt`) when the application holds an
 * instant; the options `asOf` and `at` take instants directly with `timeZone`.
 *
 * @param instant - A `Date`, or epoch milliseconds (a whole number).
 * @param timeZone - An IANA time zone, such as `Asia/Ho_Chi_Minh`.
 * @returns The calendar day in that zone.
 * @throws {OkrkitError} `invalid_argument` for an unknown zone, an invalid Date, a number
 *   that is not a whole number of milliseconds, or a day outside years 0000–9999.
 * @example
 * calendarDay(new Date('2026-06-30T17:30:00Z'), 'Asia/Ho_Chi_Minh')
 * //=> '2026-07-01' (00:30 in Vietnam; toISOString() says 2026-06-30)
 * @category Dates
 */
export function calendarDay(instant: Date | number, timeZone: string): string {
  const zone = checkTimeZone(timeZone, 'timeZone');
  if (zone === null) return invalidArgument('arg.required', { name: 'timeZone' });
  if (!isInstant(instant)) return invalidArgument('arg.instant', { name: 'instant', value: describeValue(instant) });
  return dayOfInstant(instant, zone, 'instant');
}
