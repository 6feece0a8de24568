import { DECIMAL_STRING } from '../_lib/numeric.js';
import { Grade, OkrState, Rag, Status, UnitLevel, ValueFrom } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { checkLocale } from '../messages/locale.js';
import type { Report } from './model.js';

// The renderers take a Report from anywhere (a JSON file, a report changed after
// buildReport), so they check its shape first: a field that is not what buildReport
// gives is an OkrkitError naming the field, never a raw TypeError or a value drawn unescaped.

type Check = (value: unknown) => boolean;
type Spec = Readonly<Record<string, Check>>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const count: Check = (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const numeric: Check = (v) => num(v) || (typeof v === 'string' && DECIMAL_STRING.test(v));
const orNull = (check: Check): Check => (v) => v === null || check(v);
const among = (options: readonly string[]): Check => {
  const set = new Set(options);
  return (v) => typeof v === 'string' && set.has(v);
};
const status = among(Status.options);
const grade = among(Grade.options);
const rag = among(Rag.options);
const severity = among(['error', 'warning', 'info']);
const date = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  return value === null || typeof value !== 'object' ? String(value) : 'an object';
}

function record(value: unknown, name: string, spec: Spec): Record<string, unknown> {
  if (!isRecord(value)) return invalidArgument('arg.object', { name });
  for (const key of Object.keys(spec)) {
    const check = spec[key];
    if (check !== undefined && !check(value[key])) invalidArgument('arg.reportField', { name: `${name}.${key}`, value: show(value[key]) });
  }
  return value;
}

function list(value: unknown, name: string, each: (item: unknown, name: string) => void): void {
  if (!Array.isArray(value)) return invalidArgument('arg.array', { name });
  for (let i = 0; i < value.length; i++) each(value[i], `${name}[${i}]`);
}

const STATE: Spec = { name: among(OkrState.options), counted: bool };
const AGGREGATE: Spec = { how: among(ValueFrom.options) };
const CONTRIBUTOR: Spec = { id: str, title: str, value: orNull(num) };

/** A field that is null or an object: anything else (absent too) is an error naming it. */
function nullOrRecord(value: unknown, name: string): value is Record<string, unknown> {
  if (value === null) return false;
  if (!isRecord(value)) invalidArgument('arg.reportField', { name, value: show(value) });
  return true;
}

/** A record's `state`: null, or its name and whether the rollups count it. */
function checkState(value: unknown, name: string): void {
  if (nullOrRecord(value, name)) record(value, name, STATE);
}

/** An aggregated key result's `aggregate`: null, or how and a list of contributors. */
function checkAggregate(value: unknown, name: string): void {
  if (!nullOrRecord(value, name)) return;
  const a = record(value, name, AGGREGATE);
  list(a.from, `${name}.from`, (c, where) => record(c, where, CONTRIBUTOR));
}

const POINT: Spec = { date, progress: orNull(num), expected: num, checkIn: bool };
const KEY_RESULT: Spec = {
  id: str, title: str, kind: str, unit: orNull(str), ownerId: orNull(str), value: orNull(num), target: orNull(numeric),
  score: orNull(num), progress: orNull(num), expected: num, status: orNull(status), confidence: orNull(num), grade: orNull(grade), forecast: orNull(num),
};
const OBJECTIVE: Spec = {
  id: str, title: str, depth: count, parentId: orNull(str), cycleId: str, unitId: orNull(str), unitName: orNull(str), ownerId: orNull(str),
  score: orNull(num), expected: num, status, confidence: orNull(num), grade: orNull(grade), forecast: orNull(num),
};
const KPI: Spec = { id: str, name: str, unit: orNull(str), unitId: orNull(str), unitName: orNull(str), actual: orNull(num), attainment: orNull(num), status: orNull(rag), linked: bool };
const TARGET: Readonly<Record<string, Spec>> = {
  higher: { value: numeric },
  lower: { value: numeric },
  range: { min: numeric, max: numeric },
};

const UNIT: Spec = {
  id: str, name: str, level: among(UnitLevel.options), depth: count, parentId: orNull(str), score: orNull(num), total: orNull(num),
  status: orNull(status), objectives: count, kpiTotal: orNull(num), kpiRating: orNull(str),
};
const OWNER: Spec = { id: str, name: orNull(str), score: orNull(num), status: orNull(status), objectives: count, kpiTotal: orNull(num), kpiRating: orNull(str) };

function checkPeople(value: unknown): void {
  if (value === undefined) return;
  const p = record(value, 'report.people', {});
  list(p.units, 'report.people.units', (u, where) => record(u, where, UNIT));
  list(p.owners, 'report.people.owners', (o, where) => record(o, where, OWNER));
}

function checkKpi(item: unknown, name: string): void {
  const k = record(item, name, KPI);
  const target = record(k.target, `${name}.target`, { polarity: among(Object.keys(TARGET)) });
  record(target, `${name}.target`, TARGET[String(target.polarity)] ?? {});
  list(k.series, `${name}.series`, (b, where) => record(b, where, { start: date, end: date, value: orNull(num) }));
}

function checkObjective(item: unknown, name: string): void {
  const o = record(item, name, OBJECTIVE);
  checkState(o.state, `${name}.state`);
  list(o.keyResults, `${name}.keyResults`, (item, where) => {
    const kr = record(item, where, KEY_RESULT);
    checkState(kr.state, `${where}.state`);
    checkAggregate(kr.aggregate, `${where}.aggregate`);
    list(kr.history, `${where}.history`, (p, at) => record(p, at, POINT));
  });
}

/**
 * Checks that a report holds what {@link buildReport} gives, field by field, before it
 * is drawn.
 *
 * @throws {OkrkitError} `invalid_argument` naming the first field that is not.
 */
export function checkReport(report: Report): void {
  const r = record(report, 'report', { title: str, asOf: orNull(date), score: orNull(num) });
  checkLocale(report.locale);
  record(r.counts, 'report.counts', { objectives: count, keyResults: count, kpis: count, checkIns: count, checkInsOutsideCycle: count });
  const statuses = record(r.statuses, 'report.statuses', {});
  for (const key of Object.keys(statuses)) {
    if (!status(key) || !count(statuses[key])) invalidArgument('arg.reportField', { name: `report.statuses.${key}`, value: show(statuses[key]) });
  }
  list(r.objectives, 'report.objectives', checkObjective);
  list(r.kpis, 'report.kpis', checkKpi);
  list(r.scorecards, 'report.scorecards', (s, where) => record(s, where, { unitId: str, name: str, total: orNull(num), rating: orNull(str), kpis: count }));
  list(r.findings, 'report.findings', (f, where) => record(f, where, { severity, code: str, id: orNull(str), message: str }));
  checkPeople(r.people);
}
