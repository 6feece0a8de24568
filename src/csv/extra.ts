import { msg, type Message } from '../messages/message.js';
import { EXTRA, TABLES, type TableLayout } from './columns.js';
import type { CsvProblems } from './rows.js';

// The records a table row becomes: fields set by dotted path as own properties, and the
// row's `extra` JSON checked, then merged in.

type Rec = Readonly<Record<string, unknown>>;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getPath(record: Rec, path: readonly string[]): unknown {
  let v: unknown = record;
  for (const key of path) {
    if (!isRecord(v) || !Object.hasOwn(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/** Sets a field by its dotted path, making the records on the way (own properties, so `__proto__` is a plain key). */
export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  const parents = path.slice(0, -1);
  const last = path.at(-1);
  if (last === undefined) return;
  let node = target;
  for (const key of parents) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (isRecord(next)) node = next;
    else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(node, key, { value: created, enumerable: true, writable: true, configurable: true });
      node = created;
    }
  }
  Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}

export function mergeInto(target: Record<string, unknown>, extra: Rec, prefix: readonly string[]): void {
  for (const key of Object.keys(extra)) {
    const value = extra[key];
    const path = [...prefix, key];
    const current = getPath(target, path);
    if (isRecord(value) && isRecord(current)) mergeInto(target, value, path);
    else setPath(target, path, value);
  }
}

/** Keys that would reach an object's prototype rather than a field of it. */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** The file of each plan collection, for a plan.csv `extra` that tries to hold one. */
const COLLECTION_FILE: ReadonlyMap<string, string> = new Map(TABLES.filter((t) => t.collection !== 'plan').map((t) => [t.collection, t.file]));

/** Where a row's `extra` is read: the row's cell and what its named columns already set. */
export interface ExtraPlace {
  readonly file: string;
  readonly line: number;
  readonly table: TableLayout;
  /** The dotted names of the columns this row has a value in. */
  readonly set: ReadonlySet<string>;
  /** The dotted names of every named column the file shows, filled or not. */
  readonly shown: ReadonlySet<string>;
  readonly problems: CsvProblems;
}

/**
 * Checks a row's `extra` before it is merged: no `__proto__`, `constructor` or
 * `prototype` key at any depth, no field that the row has in a named column (nor a value
 * that would replace an object holding one), and in plan.csv no whole table. Each
 * problem is added at the row's `extra` cell; true when there is none.
 */
export function checkExtra(extra: Rec, place: ExtraPlace): boolean {
  const before = place.problems.size;
  const stack: { value: Rec; prefix: string }[] = [{ value: extra, prefix: '' }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    for (const key of Object.keys(next.value)) {
      const value = next.value[key];
      const path = next.prefix === '' ? key : `${next.prefix}.${key}`;
      const problem = extraProblem(key, path, value, place);
      if (problem !== null) place.problems.add(place.file, place.line, EXTRA, 'invalid_value', problem);
      else if (isRecord(value)) stack.push({ value, prefix: path });
      else if (Array.isArray(value)) for (const item of value) if (isRecord(item)) stack.push({ value: item, prefix: `${path}[]` });
    }
  }
  return place.problems.size === before;
}

function extraProblem(key: string, path: string, value: unknown, place: ExtraPlace): Message | null {
  if (RESERVED.has(key)) return msg('csv.reservedKey', { key });
  if (path.includes('[]')) return null;
  const file = place.table.collection === 'plan' ? COLLECTION_FILE.get(path) : undefined;
  if (file !== undefined) return msg('csv.extraTable', { field: path, file });
  // A column the file shows, even empty, is not set from extra: the sheet would show an
  // empty cell over a hidden value. Only what a cell cannot hold (an empty text) may be.
  if (place.set.has(path) || (place.shown.has(path) && value !== '')) return msg('csv.extraColumn', { field: path });
  if (!isRecord(value)) for (const column of place.set) if (column.startsWith(`${path}.`)) return msg('csv.extraColumn', { field: column });
  return null;
}
