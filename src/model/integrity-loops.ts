import { at } from '../_lib/at.js';
import { findLoop } from '../_lib/graph.js';
import { messages } from '../messages/where.js';
import type { Message } from '../messages/message.js';
import type { Checks, Path } from './integrity-checks.js';

/** Reports the first loop of parents among cycles or units, naming every one on it. */
export function parentLoops(
  checks: Checks,
  name: 'cycles' | 'units',
  what: Message,
  items: readonly ({ id: string; parentId?: string | undefined } | undefined)[],
): void {
  const index = checks.ids[name];
  const adjacency = items.map((item) => {
    const p = item?.parentId === undefined ? undefined : index.get(item.parentId);
    return p === undefined ? [] : [p];
  });
  const loop = findLoop(adjacency);
  if (loop === null) return;
  checks.push([name, at(loop, 0), 'parentId'], 'cascade_loop', messages.parentLoop(what, loop.map((k) => items[k]?.id ?? '?')));
}

/**
 * The alignment graph — key result → objective, objective → parent, objective → link
 * target — must be acyclic; report the first loop found, naming every node on it.
 * Key results are nodes 0…k-1, objectives k and on.
 */
export function cascadeLoop({ plan, ids, push }: Checks): void {
  const k = plan.keyResults.length;
  const node = (id: string): number | undefined => {
    const o = ids.objectives.get(id);
    if (o !== undefined) return k + o;
    return ids.keyResults.get(id);
  };
  const adjacency: number[][] = [];
  plan.keyResults.forEach((kr, i) => {
    const o = kr === undefined ? undefined : ids.objectives.get(kr.objectiveId);
    adjacency[i] = o === undefined ? [] : [k + o];
  });
  plan.objectives.forEach((o, i) => {
    const edges: number[] = [];
    if (o !== undefined) {
      const p = o.parentId === undefined ? undefined : ids.objectives.get(o.parentId);
      if (p !== undefined) edges.push(k + p);
      for (const link of o.links ?? []) {
        const t = link.to === o.id ? undefined : node(link.to);
        if (t !== undefined) edges.push(t);
      }
    }
    adjacency[k + i] = edges;
  });
  const loop = findLoop(adjacency);
  if (loop === null) return;
  const idOf = (n: number) => (n < k ? plan.keyResults[n]?.id : plan.objectives[n - k]?.id) ?? '?';
  const first = at(loop, 0);
  const path: Path = first < k ? ['keyResults', first, 'objectiveId'] : ['objectives', first - k];
  push(path, 'cascade_loop', messages.cascadeLoop(loop.map(idOf)));
}
