import { msg } from '../../messages/message.js';
import type { PlanView } from '../plan-view.js';
import type { LintRule, RuleFinding } from '../rule.js';

/** The seeds: "OKR đưa ra 3-5 mục tiêu chính" at each level; 3 to 5 keep focus, outside them is a hint. */
const MIN_OBJECTIVES = 3;
const MAX_OBJECTIVES = 5;
/** The seeds: "cần có từ 2-7 mục tiêu" depending on the organisation; outside 2 to 7 is a warning. */
const FEWEST_OBJECTIVES = 2;
const MOST_OBJECTIVES = 7;

interface OwnerCycle {
  readonly owner: string;
  readonly cycle: string;
  count: number;
}

/** How many objectives each owner (person, else unit) has in each cycle, in order of first appearance. */
function countByOwnerAndCycle(view: PlanView): Iterable<OwnerCycle> {
  const groups = new Map<string, OwnerCycle>();
  for (const o of view.objectives) {
    const owner = o.ownerId ?? o.unitId;
    if (owner === undefined) continue;
    const key = JSON.stringify([owner, o.cycleId]);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { owner, cycle: o.cycleId, count: 1 });
  }
  return groups.values();
}

function* check(view: PlanView): Generator<RuleFinding> {
  for (const { owner, cycle, count } of countByOwnerAndCycle(view)) {
    const params = { owner: view.unitById.get(owner)?.name ?? owner, cycle: view.cycleById.get(cycle)?.name ?? cycle, count };
    const path = ['objectives'];
    // `few` says one objective, in the singular ("1 objective"); `few.other` any other count, in the plural.
    if (count < FEWEST_OBJECTIVES) yield { path, id: null, message: msg(count === 1 ? 'lint.objectivesPerOwner.few' : 'lint.objectivesPerOwner.few.other', params) };
    else if (count > MOST_OBJECTIVES) yield { path, id: null, message: msg('lint.objectivesPerOwner.many', params) };
    else if (count < MIN_OBJECTIVES || count > MAX_OBJECTIVES) yield { path, id: null, message: msg('lint.objectivesPerOwner.outside', params), severity: 'info' };
  }
}

/** 3–5 objectives per owner (or unit) and cycle: a warning outside 2–7, a hint outside 3–5. */
export const objectivesPerOwner = { code: 'objectives-per-owner', severity: 'warning', check } as const satisfies LintRule;
