import { performance, type DeepReadonly, type Evaluation, type Plan } from '../index.js';
import { invalidArgument } from '../messages/okrkit-error.js';
import type { Report, ReportOwner, ReportPeople, ReportUnit } from './model.js';
import type { Words } from './words.js';

/** Whether the section is shown: as asked, else when some objective or key result has an owner. */
export function showsPeople(plan: DeepReadonly<Plan>, asked: boolean | undefined): boolean {
  if (asked !== undefined && typeof asked !== 'boolean') invalidArgument('arg.oneOf', { name: 'options.people', options: 'true, false', value: String(asked) });
  return asked ?? (plan.objectives.some((o) => o.ownerId !== undefined) || plan.keyResults.some((k) => k.ownerId !== undefined));
}

/**
 * The "People and departments" section: the unit tree, depth first from the roots, with
 * each unit's own OKR score, the score over its subtree and its KPI scorecard; then the
 * owners in order of first appearance.
 */
export function peopleSection(plan: DeepReadonly<Plan>, evaluation: Evaluation, at: { readonly asOf?: string }): ReportPeople {
  const p = performance(plan, evaluation, { scorecard: at });
  const units: ReportUnit[] = [];
  const stack = [...p.roots].reverse().map((id) => ({ id, depth: 0 }));
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const u = p.units[next.id];
    if (u === undefined) continue;
    units.push({
      id: u.unitId,
      name: u.name,
      level: u.level,
      depth: next.depth,
      parentId: u.parentId,
      score: u.score,
      total: u.rolledUp.score,
      status: u.rolledUp.worst,
      objectives: u.rolledUp.objectives,
      kpiTotal: u.kpis.total,
      kpiRating: u.kpis.rating,
    });
    for (let i = u.childIds.length - 1; i >= 0; i--) {
      const child = u.childIds[i];
      if (child !== undefined) stack.push({ id: child, depth: next.depth + 1 });
    }
  }
  const owners = p.ownerIds.flatMap((id): ReportOwner[] => {
    const o = p.owners[id];
    if (o === undefined) return [];
    const name = o.unitId === null ? null : (p.units[o.unitId]?.name ?? null);
    return [{ id, name, score: o.score, status: o.worst, objectives: o.objectives, kpiTotal: o.kpis.total, kpiRating: o.kpis.rating }];
  });
  return { units, owners };
}

/**
 * The "Objectives" cell of an owner: how many objectives they own; an owner of key results
 * only (docs/people.md lists them too) gets how many key results they own beside the 0,
 * `0 (Key results: 2)`, rather than a bare 0.
 */
export function ownerObjectivesCell(report: Pick<Report, 'objectives'>, w: Words): (o: ReportOwner) => string {
  const keyResults = new Map<string, number>();
  for (const objective of report.objectives) for (const kr of objective.keyResults) if (kr.ownerId !== null) keyResults.set(kr.ownerId, (keyResults.get(kr.ownerId) ?? 0) + 1);
  return (o) => {
    const count = keyResults.get(o.id) ?? 0;
    return o.objectives > 0 || count === 0 ? String(o.objectives) : `0 (${w.word('keyResults')}: ${String(count)})`;
  };
}
