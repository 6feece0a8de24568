import { msg } from '../messages/message.js';
import type { Checks } from './integrity-checks.js';
import { targetWeights } from './target-weight.js';
import { isAggregated, readValueLinks } from './value-links.js';

/**
 * Value rollups and weights by target: key results' links resolve and feed only
 * aggregated key results, in the same unit, without a loop; nothing checks in on an
 * aggregated key result or adds a score to one; weight 'target' has a target to weigh by.
 */
export function checkValueRollups(checks: Checks): void {
  const { plan, ids, exists, push, num } = checks;
  const links = readValueLinks(
    {
      keyResults: plan.keyResults,
      keyResultAt: (id) => ids.keyResults.get(id),
      isObjective: (id) => exists('objectives', id) || exists('keyResults', id),
      checkAlignment: true,
      cycleOf: (j) => {
        const o = plan.objectives[ids.objectives.get(plan.keyResults[j]?.objectiveId ?? '') ?? -1];
        return plan.cycles[ids.cycles.get(o?.cycleId ?? '') ?? -1];
      },
    },
    (p) => push(p.path, p.code, p.message),
  );
  plan.keyResults.forEach((kr, j) => kr?.links?.forEach((link, l) => num(['keyResults', j, 'links', l, 'weight'], link.weight)));
  if (links !== null) {
    const aggregated = (id: string) => isAggregated(plan.keyResults[ids.keyResults.get(id) ?? -1]);
    plan.checkIns.forEach((c, i) => {
      if (c !== undefined && aggregated(c.keyResultId)) push(['checkIns', i, 'keyResultId'], 'invalid_value', msg('issue.checkInOnAggregate', { id: c.keyResultId }));
    });
    plan.objectives.forEach((o, i) =>
      o?.links?.forEach((link, l) => {
        if (link.contributes === true && aggregated(link.to)) push(['objectives', i, 'links', l, 'to'], 'invalid_value', msg('issue.objectiveToAggregate', { id: o.id, to: link.to }));
      }),
    );
  }
  targetWeights({ objectives: plan.objectives, keyResults: plan.keyResults, objectiveAt: (id) => ids.objectives.get(id) }, (p) => push(p.path, 'invalid_weight', p.message));
}
