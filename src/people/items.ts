// The owned items of a plan, read once: each objective (of the chosen cycle) and each
// scorable key result with its weight, its score and status from the evaluation, and who
// owns it. Every value read from the evaluation is checked, so a record of another plan,
// or a tampered one, is an OkrkitError that names it.
import { listField } from '../_lib/at.js';
import { fractionOfValue, type Fraction } from '../_lib/fraction.js';
import { toNumber, type Value } from '../_lib/numeric.js';
import { formatPath, invalidArgument, unknownReference } from '../messages/okrkit-error.js';
import { nouns, where } from '../messages/where.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import { isRecord } from '../model/guard.js';
import type { Plan } from '../model/plan.js';
import { targetSizeOf, targetWeights } from '../model/target-weight.js';
import { Status } from '../time/status.js';
import { positive, weightOf } from '../evaluate/weights.js';
import { inDraft, isUnapproved } from '../evaluate/graph.js';
import type { PerformanceOf } from './types.js';

/** One owned objective or key result. */
export interface Item {
  readonly id: string;
  readonly type: 'objective' | 'keyResult';
  /** The weight as given, as a number. */
  readonly weight: number;
  /** The weight exactly; null for weight 0 (the item does not count). */
  readonly exact: Fraction | null;
  readonly score: number | null;
  readonly status: Status | null;
  readonly unitId: string | undefined;
  readonly ownerId: string | undefined;
  /** Whether this item feeds the score (the chosen kind of item); else it is only counted. */
  readonly counts: boolean;
}

/** A bad value as an error shows it: JSON, or its text for what JSON cannot hold. */
export function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The evaluation's records of one kind, checked to be an object. */
function recordsOf(evaluation: unknown, name: 'objectives' | 'keyResults'): Record<string, unknown> {
  if (!isRecord(evaluation)) invalidArgument('arg.object', { name: 'evaluation' });
  const records = evaluation[name];
  if (!isRecord(records)) invalidArgument('arg.object', { name: `evaluation.${name}` });
  return records;
}

/** An item's score and status from its evaluation record, checked. */
function scored(records: Record<string, unknown>, name: 'objectives' | 'keyResults', id: string): { score: number | null; status: Status | null } {
  const record = Object.hasOwn(records, id) ? records[id] : undefined;
  if (!isRecord(record)) invalidArgument('arg.evaluationRecord', { name, id });
  const score = record['score'];
  // A score may be below 0 (evaluate's `floor`) or above 1 (a `cap` or a steps score): only its being a number is checked.
  if (score !== null && (typeof score !== 'number' || !Number.isFinite(score))) {
    invalidArgument('arg.finiteOrNull', { name: `evaluation.${name}["${id}"].score`, value: shown(score) });
  }
  const status = record['status'];
  if (status === null && name === 'keyResults') return { score, status: null };
  if (!isStatus(status)) invalidArgument('arg.unknownStatus', { value: `${shown(status)} (evaluation.${name}["${id}"].status)` });
  return { score, status };
}

const STATUSES: ReadonlySet<unknown> = new Set(Status.options);
const isStatus = (x: unknown): x is Status => STATUSES.has(x);

interface Weighed {
  readonly weight: number;
  readonly exact: Fraction | null;
}

/** Reads weights exactly, each distinct weight once (plans repeat a few weights). */
function weigher(): (given: string | number | undefined, place: typeof where.objectiveField, id: string) => Weighed {
  const seen = new Map<string | number | undefined, Weighed>();
  return (given, place, id) => {
    const known = seen.get(given);
    if (known !== undefined) return known;
    const read = weighedValue(weightOf(given, place, id, 'weight'));
    seen.set(given, read);
    return read;
  };
}

type Objective = DeepReadonly<Plan['objectives'][number]>;
type KeyResult = DeepReadonly<Plan['keyResults'][number]>;

/** A weight as a number and an exact fraction (null when it is 0). */
function weighedValue(w: Value): Weighed {
  return { weight: toNumber(w), exact: positive(w) ? fractionOfValue(w) : null };
}

/**
 * Weights 'target', worked out as evaluate does (draft and proposed key results left out
 * unless included); a weight 'target' with nothing to weigh by is an argument error.
 */
function targetWeighted(plan: DeepReadonly<Plan>, objectives: ReadonlyMap<string, Objective>, includeDrafts: boolean) {
  const objectiveList = listOf<Objective>(plan, 'objectives');
  const keyResults = listOf<KeyResult>(plan, 'keyResults');
  const index = new Map<string, number>();
  objectiveList.forEach((o, i) => index.has(o.id) || index.set(o.id, i));
  const leftOut = (j: number) => {
    const kr = keyResults[j];
    return !includeDrafts && kr !== undefined && inDraft(kr, objectives.get(kr.objectiveId));
  };
  const totals = targetWeights({ objectives: objectiveList, keyResults, objectiveAt: (id) => index.get(id), leftOut }, (p) => invalidArgument('arg.targetWeight', { path: formatPath(p.path), detail: p.message }));
  return {
    objective: (id: string): Weighed => weighedValue(totals.get(index.get(id) ?? -1) ?? 0),
    keyResult: (kr: KeyResult): Weighed => weighedValue(targetSizeOf(kr) ?? 0),
  };
}

/** A plan's collection, or an empty list when an unparsed plan leaves it out. */
export function listOf<T>(plan: DeepReadonly<Plan>, name: keyof Plan): readonly T[] {
  return listField<T>(plan, name, () => invalidArgument('arg.array', { name: `plan.${name}` }));
}

/** Every objective by id, each unit reference checked (parsePlan does; an unparsed plan may not). */
function objectivesOf(plan: DeepReadonly<Plan>): Map<string, Objective> {
  const units = new Set(listOf<{ readonly id: string }>(plan, 'units').map((u) => u.id));
  const byId = new Map<string, Objective>();
  for (const o of listOf<Objective>(plan, 'objectives')) {
    if (o.unitId !== undefined && !units.has(o.unitId)) unknownReference(nouns.unit, o.unitId);
    if (!byId.has(o.id)) byId.set(o.id, o);
  }
  return byId;
}

/**
 * Every owned item in plan order: objectives first, then key results. Draft and proposed
 * ones (and the key results of a draft or proposed objective) are left out unless
 * `includeDrafts`, as `evaluate` leaves them out of rollups. With `of:
 * 'objectives'` the objectives count and key results are only counted, and the other way
 * round with `of: 'keyResults'`.
 */
export function itemsOf(plan: DeepReadonly<Plan>, evaluation: unknown, of: PerformanceOf, cycleId: string | null, includeDrafts: boolean): Item[] {
  const objectiveRecords = recordsOf(evaluation, 'objectives');
  const krRecords = recordsOf(evaluation, 'keyResults');
  const objectives = objectivesOf(plan);
  const inCycle = (o: Objective) => (cycleId === null || o.cycleId === cycleId) && (includeDrafts || !isUnapproved(o));
  const byTarget = targetWeighted(plan, objectives, includeDrafts);
  const weighed = (given: string | number | undefined, place: typeof where.objectiveField, id: string, target: () => Weighed) => (given === 'target' ? target() : plainWeight(given, place, id));
  const plainWeight = weigher();
  const items: Item[] = [];
  for (const o of objectives.values()) {
    if (!inCycle(o)) continue;
    const counts = of === 'objectives';
    const w = weighed(o.weight, where.objectiveField, o.id, () => byTarget.objective(o.id));
    const s = counts ? scored(objectiveRecords, 'objectives', o.id) : { score: null, status: null };
    items.push({ id: o.id, type: 'objective', ...w, ...s, unitId: o.unitId, ownerId: o.ownerId, counts });
  }
  for (const kr of listOf<KeyResult>(plan, 'keyResults')) {
    const o = objectives.get(kr.objectiveId);
    if (o === undefined) unknownReference(nouns.objective, kr.objectiveId);
    if (!inCycle(o) || kr.kind === 'baseline' || (!includeDrafts && isUnapproved(kr))) continue;
    const counts = of === 'keyResults';
    const w = weighed(kr.weight, where.keyResultField, kr.id, () => byTarget.keyResult(kr));
    const s = counts ? scored(krRecords, 'keyResults', kr.id) : { score: null, status: null };
    items.push({ id: kr.id, type: 'keyResult', ...w, ...s, unitId: o.unitId, ownerId: kr.ownerId ?? o.ownerId, counts });
  }
  return items;
}
