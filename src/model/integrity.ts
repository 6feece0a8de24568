import { messages, nouns } from '../messages/where.js';
import { formatPath, type OkrkitIssue } from '../messages/okrkit-error.js';
import { PLAIN_CONTEXT, type Context } from './context.js';
import { indexPlan, pathIn, type Checks, type KnownIds, type PartialPlan } from './integrity-checks.js';
import { checkKeyResults } from './integrity-key-results.js';
import { checkKpis } from './integrity-kpis.js';
import { checkHistories } from './integrity-process.js';
import { cascadeLoop, parentLoops } from './integrity-loops.js';
import { checkValueRollups } from './integrity-values.js';

/**
 * Checks what a schema cannot: unique ids, references that resolve, cycles inside
 * their parents, metric key results whose target differs from the start, numbers in
 * range, and an acyclic cascade. Returns every problem found, collection by collection.
 */
export function checkIntegrity(plan: PartialPlan, known: KnownIds = {}, cx: Context = PLAIN_CONTEXT): OkrkitIssue[] {
  const issues: OkrkitIssue[] = [];
  const checks = indexPlan(cx, plan, known, issues);
  checkAlignmentIds(checks);
  checkCycles(checks);
  parentLoops(checks, 'cycles', nouns.cycle, plan.cycles);
  plan.units.forEach((u, i) => {
    if (u !== undefined) checks.ref(['units', i, 'parentId'], nouns.unit, 'units', u.parentId);
  });
  parentLoops(checks, 'units', nouns.unit, plan.units);
  checkObjectives(checks);
  checkKeyResults(checks);
  checkHistories(checks);
  checkValueRollups(checks);
  checkInitiatives(checks);
  checkKpis(checks);
  plan.measurements.forEach((m, i) => {
    if (m === undefined) return;
    checks.ref(['measurements', i, 'kpiId'], nouns.kpi, 'kpis', m.kpiId);
    checks.num(['measurements', i, 'value'], m.value);
  });
  cascadeLoop(checks);
  return issues;
}

/** Objectives and key results share one id space: links name either. */
function checkAlignmentIds({ ids, push }: Checks): void {
  for (const [id, i] of ids.keyResults) {
    const o = ids.objectives.get(id);
    if (o !== undefined) push(['keyResults', i, 'id'], 'duplicate_id', messages.sharedAlignmentId(id, formatPath(['objectives', o])));
  }
}

/** Cycles: dates in order, inside their parent. */
function checkCycles({ plan, ids, ref, push }: Checks): void {
  plan.cycles.forEach((c, i) => {
    if (c === undefined) return;
    if (c.end < c.start) push(['cycles', i, 'end'], 'cycle_range', messages.cycleEndsBeforeStart(c.start, c.end));
    ref(['cycles', i, 'parentId'], nouns.cycle, 'cycles', c.parentId);
    if (c.parentId === undefined) return;
    const p = plan.cycles[ids.cycles.get(c.parentId) ?? -1];
    if (p !== undefined && p !== c && (c.start < p.start || c.end > p.end)) {
      push(['cycles', i, 'parentId'], 'cycle_outside_parent', messages.cycleOutsideParent(c.id, p.id));
    }
  });
}

/** Objectives: their cycle, unit and parent, weights, and links to other nodes. */
function checkObjectives({ plan, exists, ref, num, push }: Checks): void {
  plan.objectives.forEach((o, i) => {
    if (o === undefined) return;
    const at = pathIn('objectives', i);
    ref(at('cycleId'), nouns.cycle, 'cycles', o.cycleId);
    ref(at('unitId'), nouns.unit, 'units', o.unitId);
    ref(at('parentId'), nouns.objective, 'objectives', o.parentId);
    num(at('weight'), o.weight === 'target' ? undefined : o.weight);
    num(at('initiativeWeight'), o.initiativeWeight);
    o.links?.forEach((link, j) => {
      if (link.to === o.id) push(at('links', j, 'to'), 'cascade_loop', messages.selfLink(o.id));
      else if (!exists('objectives', link.to) && !exists('keyResults', link.to)) {
        push(at('links', j, 'to'), 'unknown_reference', messages.unknownReference(nouns.objectiveOrKeyResult, link.to));
      }
      num(at('links', j, 'weight'), link.weight);
    });
  });
}

/** Initiatives serve a key result or an objective, exactly one; check-ins name a key result. */
function checkInitiatives({ plan, ref, num, push }: Checks): void {
  plan.initiatives.forEach((it, i) => {
    if (it === undefined) return;
    if ((it.keyResultId === undefined) === (it.objectiveId === undefined)) {
      push(['initiatives', i], 'invalid_value', messages.initiativeTarget);
    }
    ref(['initiatives', i, 'keyResultId'], nouns.keyResult, 'keyResults', it.keyResultId);
    ref(['initiatives', i, 'objectiveId'], nouns.objective, 'objectives', it.objectiveId);
  });
  plan.checkIns.forEach((c, i) => {
    if (c === undefined) return;
    ref(['checkIns', i, 'keyResultId'], nouns.keyResult, 'keyResults', c.keyResultId);
    num(['checkIns', i, 'value'], c.value);
  });
}
