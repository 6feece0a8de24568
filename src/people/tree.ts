// The unit tree (parentId edges): children in plan order, roots, and an order that visits
// every unit after the units below it. parsePlan rejects loops and unknown parents; an
// unparsed plan's loop is an OkrkitError, never a hang.
import { at } from '../_lib/at.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import { messages, nouns } from '../messages/where.js';
import type { DeepReadonly } from '../model/deep-readonly.js';
import type { Unit } from '../model/unit.js';

export interface UnitTree {
  /** The units in plan order (the first of a repeated id). */
  readonly units: readonly DeepReadonly<Unit>[];
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Each unit's parent, when it is a unit of the plan. */
  readonly parents: ReadonlyMap<string, string>;
  readonly roots: readonly string[];
  /** Every unit after the units below it. */
  readonly leavesFirst: readonly DeepReadonly<Unit>[];
}

/** A loop of units, from one unit that is not reached from a root. */
function loopFrom(start: string, parents: ReadonlyMap<string, string>): string[] {
  const seen = new Map<string, number>();
  const path: string[] = [];
  let id: string | undefined = start;
  while (id !== undefined && !seen.has(id)) {
    seen.set(id, path.length);
    path.push(id);
    id = parents.get(id);
  }
  const from = id === undefined ? 0 : (seen.get(id) ?? 0);
  return [...path.slice(from), at(path, from)];
}

export function unitTree(all: readonly DeepReadonly<Unit>[]): UnitTree {
  const byId = new Map<string, DeepReadonly<Unit>>();
  for (const u of all) if (!byId.has(u.id)) byId.set(u.id, u);
  const units = [...byId.values()];
  const children = new Map<string, string[]>();
  const parents = new Map<string, string>();
  const roots: string[] = [];
  for (const u of units) {
    if (u.parentId === undefined || !byId.has(u.parentId)) {
      roots.push(u.id);
      continue;
    }
    parents.set(u.id, u.parentId);
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  // Pre-order from the roots, iteratively; reversed, each unit comes after its subtree.
  const order: DeepReadonly<Unit>[] = [];
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const unit = byId.get(id);
    if (unit !== undefined) order.push(unit);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  if (order.length < units.length) {
    const reached = new Set(order.map((u) => u.id));
    const lost = units.find((u) => !reached.has(u.id));
    if (lost !== undefined) invalidArgument('arg.unparsedPlan', { reason: messages.parentLoop(nouns.unit, loopFrom(lost.id, parents)) });
  }
  return { units, children, parents, roots, leavesFirst: order.reverse() };
}
