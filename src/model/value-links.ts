// Value rollups: a metric key result with `aggregate` takes its current value from the
// values of the key results that link to it with `contributes: true`. This module reads
// those links into a graph (contributors per aggregated key result, dependents per
// contributor, an order that puts every aggregated key result after its aggregated
// contributors) and finds what makes them wrong. The plan's integrity check reports every
// problem; the engine, which also takes unparsed plans, throws on the first.
import { findLoop } from '../_lib/graph.js';
import { msg, type Message } from '../messages/message.js';
import { messages, nouns } from '../messages/where.js';
import type { OkrkitIssueCode } from '../messages/okrkit-error.js';
import type { KeyResult } from './key-result.js';
import { describeValue } from './plugins.js';

/** The value links of a plan, by key-result position. */
export interface ValueLinks {
  /** Aggregated key result → its contributors, in plan order. */
  readonly contributors: ReadonlyMap<number, readonly number[]>;
  /** 1 for each key result that feeds an aggregated key result. */
  readonly feeds: Uint8Array;
  /** Every aggregated key result, each after the aggregated key results that feed it. */
  readonly order: readonly number[];
}

/** A problem with a value link: where it is (a path into the plan), its code and message. */
export interface ValueLinkProblem {
  readonly path: readonly (string | number)[];
  readonly code: OkrkitIssueCode;
  readonly message: Message;
}

/** What reading the links needs: the key results, where an id is, and which key results are left out (drafts). */
export interface ValueLinkInput {
  readonly keyResults: readonly (KeyResult | undefined)[];
  /** Position of a key result by id, or undefined. */
  readonly keyResultAt: (id: string) => number | undefined;
  /** Whether an objective has the id (links may align with objectives without contributing). */
  readonly isObjective: (id: string) => boolean;
  /** Key results whose value is not counted (draft and proposed ones in an evaluation). */
  readonly leftOut?: (j: number) => boolean;
  /** Whether links that only align (no `contributes`) are checked too (parsePlan does; the engine, like for objectives' links, reads only contributing ones). */
  readonly checkAlignment?: boolean;
  /** The dates of key result j's cycle (a contributor's must lie inside its aggregate's), when known. */
  readonly cycleOf?: (j: number) => { readonly start: string; readonly end: string } | undefined;
}

const AGGREGATIONS: ReadonlySet<unknown> = new Set(['sum', 'average', 'min', 'max', 'latest']);

/** Kinds whose current value is a number to add up. */
const HAS_VALUE = new Set(['metric', 'baseline', 'threshold', 'range']);

/** Whether a key result aggregates its contributors' values. */
export function isAggregated(kr: { readonly kind: string; readonly aggregate?: unknown } | undefined): boolean {
  return kr?.kind === 'metric' && kr.aggregate !== undefined;
}

/**
 * Reads the value links and checks them. Returns null when the plan has none (the common
 * case: nothing to do), and reports each problem found.
 */
export function readValueLinks(input: ValueLinkInput, report: (problem: ValueLinkProblem) => void): ValueLinks | null {
  const { keyResults } = input;
  const contributors = new Map<number, number[]>();
  const feeds = new Uint8Array(keyResults.length);
  let any = false;
  keyResults.forEach((kr, j) => {
    if (kr === undefined) return;
    if (isAggregated(kr)) {
      any = true;
      if (!contributors.has(j)) contributors.set(j, []);
      checkAggregated(kr, j, report);
    }
    // The aggregates this key result feeds, to refuse feeding one twice (lists are short).
    const fed: number[] = [];
    kr.links?.forEach((link, l) => {
      const path = ['keyResults', j, 'links', l, 'to'];
      const contributes: unknown = link.contributes;
      if (contributes !== undefined && typeof contributes !== 'boolean') report({ path: ['keyResults', j, 'links', l, 'contributes'], code: 'invalid_type', message: msg('issue.notBoolean', { name: 'contributes' }) });
      if (contributes !== true && input.checkAlignment !== true) return;
      const t = readLink(input, kr, link.to, contributes === true, path, report);
      if (t === undefined) return;
      if (fed.includes(t)) {
        report({ path, code: 'invalid_value', message: msg('issue.duplicateValueLink', { id: kr.id, to: link.to }) });
        return;
      }
      fed.push(t);
      checkCycles(input, j, t, path, report);
      if (input.leftOut?.(j) === true) return;
      any = true;
      push(contributors, t, j);
      feeds[j] = 1;
    });
  });
  if (!any) return null;
  const order = aggregatedOrder(keyResults.length, contributors, (loop) => {
    const first = loop[0] ?? 0;
    report({ path: ['keyResults', first, 'links'], code: 'cascade_loop', message: msg('issue.valueLoop', { loop: loop.map((n) => keyResults[n]?.id ?? '?').join(' → ') }) });
  });
  checkUnits(keyResults, contributors, order, report);
  return { contributors, feeds, order };
}

/** A contributor's cycle lies inside its aggregate's (months may add up to a quarter; a later quarter may not feed a past one). */
function checkCycles(input: ValueLinkInput, j: number, t: number, path: readonly (string | number)[], report: (problem: ValueLinkProblem) => void): void {
  const own = input.cycleOf?.(j);
  const theirs = input.cycleOf?.(t);
  if (own === undefined || theirs === undefined || (own.start >= theirs.start && own.end <= theirs.end)) return;
  report({ path, code: 'invalid_value', message: msg('issue.valueOtherCycle', { id: input.keyResults[j]?.id ?? '?', to: input.keyResults[t]?.id ?? '?' }) });
}

/**
 * One unit along every chain of value links: an aggregated key result without a unit
 * takes its contributors', so USD and VND cannot meet further up either.
 */
function checkUnits(keyResults: readonly (KeyResult | undefined)[], contributors: ReadonlyMap<number, readonly number[]>, order: readonly number[], report: (problem: ValueLinkProblem) => void): void {
  const unitOf = new Map<number, string>();
  const effective = (j: number) => unitOf.get(j) ?? keyResults[j]?.unit;
  for (const t of order) {
    let unit = keyResults[t]?.unit;
    for (const c of contributors.get(t) ?? []) {
      const u = effective(c);
      if (u === undefined) continue;
      if (unit === undefined) unit = u;
      else if (u !== unit) {
        const kr = keyResults[c];
        report({ path: ['keyResults', c, 'unit'], code: 'invalid_value', message: msg('issue.valueUnitMismatch', { id: kr?.id ?? '?', unit: u, to: keyResults[t]?.id ?? '?', toUnit: unit }) });
        break;
      }
    }
    if (unit !== undefined) unitOf.set(t, unit);
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** An aggregated key result aggregates in a known way and has no other source of value. */
function checkAggregated(kr: KeyResult, j: number, report: (problem: ValueLinkProblem) => void): void {
  const how: unknown = kr.kind === 'metric' ? kr.aggregate : undefined;
  if (!AGGREGATIONS.has(how)) report({ path: ['keyResults', j, 'aggregate'], code: 'invalid_value', message: msg('issue.unknownAggregate', { value: describeValue(how) }) });
  if (kr.source !== undefined) report({ path: ['keyResults', j, 'source'], code: 'invalid_value', message: msg('issue.aggregateWithSource', { id: kr.id, field: 'source' }) });
  if (kr.valueFrom !== undefined) report({ path: ['keyResults', j, 'valueFrom'], code: 'invalid_value', message: msg('issue.aggregateWithSource', { id: kr.id, field: 'valueFrom' }) });
}

/** One link of key result `kr`: the aggregated key result it feeds, or undefined (alignment only, or a problem reported). */
function readLink(
  input: ValueLinkInput,
  kr: KeyResult,
  to: string,
  contributes: boolean,
  path: readonly (string | number)[],
  report: (problem: ValueLinkProblem) => void,
): number | undefined {
  if (to === kr.id) {
    report({ path, code: 'cascade_loop', message: msg('issue.keyResultSelfLink', { id: kr.id }) });
    return undefined;
  }
  const t = input.keyResultAt(to);
  if (t === undefined) {
    if (!input.isObjective(to)) report({ path, code: 'unknown_reference', message: messages.unknownReference(nouns.objectiveOrKeyResult, to) });
    else if (contributes) report({ path, code: 'invalid_value', message: msg('issue.valueToNonAggregate', { id: kr.id, to }) });
    return undefined;
  }
  if (!contributes) return undefined;
  const target = input.keyResults[t];
  if (!isAggregated(target)) {
    report({ path, code: 'invalid_value', message: msg('issue.valueToNonAggregate', { id: kr.id, to }) });
    return undefined;
  }
  if (!HAS_VALUE.has(kr.kind)) {
    report({ path, code: 'invalid_value', message: msg('issue.valueFromKind', { id: kr.id, kind: kr.kind, to }) });
    return undefined;
  }
  return t;
}

/**
 * The aggregated key results in an order where each comes after the aggregated key
 * results among its contributors (Kahn's order, without recursion); a loop is reported.
 */
function aggregatedOrder(K: number, contributors: ReadonlyMap<number, readonly number[]>, onLoop: (loop: readonly number[]) => void): number[] {
  const pending = new Map<number, number>();
  const feeds = new Map<number, number[]>();
  for (const [t, from] of contributors) {
    let n = 0;
    for (const c of from) {
      if (!contributors.has(c)) continue;
      n++;
      push(feeds, c, t);
    }
    pending.set(t, n);
  }
  const order: number[] = [];
  for (const [t, n] of pending) if (n === 0) order.push(t);
  for (let head = 0; head < order.length; head++) {
    for (const t of feeds.get(order[head] ?? -1) ?? []) {
      const left = (pending.get(t) ?? 1) - 1;
      pending.set(t, left);
      if (left === 0) order.push(t);
    }
  }
  if (order.length < contributors.size) {
    const adjacency: number[][] = Array.from({ length: K }, () => []);
    for (const [c, ts] of feeds) adjacency[c] = ts;
    onLoop(findLoop(adjacency) ?? []);
  }
  return order;
}
