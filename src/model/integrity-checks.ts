import { isInSupportedRange, toValue } from '../_lib/numeric.js';
import { messages } from '../messages/where.js';
import type { Message } from '../messages/message.js';
import { formatPath, issue, type OkrkitIssue } from '../messages/okrkit-error.js';
import type { Context } from './context.js';
import type { Plan } from './plan.js';

/** A plan in which elements that failed their schema are left as holes. */
export type PartialPlan = { readonly [K in keyof Plan]: Plan[K] extends readonly (infer T)[] ? readonly (T | undefined)[] : Plan[K] };

/** Ids of elements that failed their schema but still named an id: not "unknown". */
export type KnownIds = { readonly [K in keyof Plan]?: ReadonlySet<string> };

export type Path = readonly (string | number)[];

/** The collections whose ids other records refer to. */
type Referenced = 'cycles' | 'units' | 'objectives' | 'keyResults' | 'kpis';

/** Where each id of a collection first appears. */
type IdIndex = ReadonlyMap<string, number>;

/**
 * What every integrity check reads: the plan, where each id is, and the ways to report.
 * Functions as properties, not methods, so checks can take them apart.
 */
export interface Checks {
  readonly plan: PartialPlan;
  readonly cx: Context;
  readonly ids: Readonly<Record<Referenced, IdIndex>>;
  readonly push: (path: Path, code: OkrkitIssue['code'], message: Message) => void;
  /** Whether a record of the collection has the id, counting those that failed their schema. */
  readonly exists: (collection: Referenced, id: string) => boolean;
  /** Reports a reference to an id that no record of the collection has. */
  readonly ref: (path: Path, what: Message, collection: Referenced, id: string | undefined) => void;
  /** Reports a number that does not parse or is out of the supported range. */
  readonly num: (path: Path, x: string | number | undefined) => void;
}

/** The path of a field of element i of a collection. */
export function pathIn(collection: keyof Plan, i: number): (...rest: (string | number)[]) => Path {
  return (...rest) => [collection, i, ...rest];
}

/** Indexes a collection's ids, reporting each id used a second time. */
function indexIds(name: string, items: readonly ({ id?: string | undefined } | undefined)[], issues: OkrkitIssue[]): IdIndex {
  const positions = new Map<string, number>();
  items.forEach((item, i) => {
    if (item?.id === undefined) return;
    const first = positions.get(item.id);
    if (first === undefined) positions.set(item.id, i);
    else issues.push(issue([name, i, 'id'], 'duplicate_id', messages.duplicateId(name, item.id, formatPath([name, first]))));
  });
  return positions;
}

/** Indexes every collection's ids (reporting duplicates) and binds the reporting helpers. */
export function indexPlan(cx: Context, plan: PartialPlan, known: KnownIds, issues: OkrkitIssue[]): Checks {
  const cycles = indexIds('cycles', plan.cycles, issues);
  const units = indexIds('units', plan.units, issues);
  const objectives = indexIds('objectives', plan.objectives, issues);
  const keyResults = indexIds('keyResults', plan.keyResults, issues);
  indexIds('initiatives', plan.initiatives, issues);
  indexIds('checkIns', plan.checkIns, issues);
  const kpis = indexIds('kpis', plan.kpis, issues);
  const ids = { cycles, units, objectives, keyResults, kpis };

  const push: Checks['push'] = (path, code, message) => issues.push(issue(path, code, message));
  const exists: Checks['exists'] = (collection, id) => ids[collection].has(id) || (known[collection]?.has(id) ?? false);
  const ref: Checks['ref'] = (path, what, collection, id) => {
    if (id !== undefined && !exists(collection, id)) push(path, 'unknown_reference', messages.unknownReference(what, id));
  };
  const num: Checks['num'] = (path, x) => {
    if (x === undefined) return;
    const v = toValue(x);
    if (v === null) push(path, 'invalid_number', messages.invalidNumber);
    else if (!isInSupportedRange(v)) push(path, 'number_out_of_range', messages.numberOutOfRange(String(x)));
  };
  return { plan, cx, ids, push, exists, ref, num };
}
