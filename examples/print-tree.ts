// A small text renderer for the examples: objectives as an indented tree with scores
// on the seeds' 0–100 scale, key results under them. Built only on public functions.
import { formatScore, type Evaluation, type Plan } from '../src/index.js';

function valueText(plan: Plan, id: string, evaluation: Evaluation): string {
  const kr = plan.keyResults.find((k) => k.id === id)!;
  const result = evaluation.keyResults[id]!;
  const unit = kr.unit ? ` ${kr.unit}` : '';
  switch (kr.kind) {
    case 'metric':
      return `${result.value} of ${kr.start} → ${kr.target}${unit}`;
    case 'threshold':
      return `${result.value ?? '–'}${unit}, ${kr.comparator === 'atLeast' ? '≥' : '≤'} ${kr.value}${unit}`;
    case 'binary':
      return result.progress === 1 ? 'done' : 'not done';
    case 'milestones':
      return `${formatScore(result.progress, { scale: 'percent' })} of milestones`;
    default:
      return `${result.value ?? '–'}${unit}`;
  }
}

/** Renders the evaluated plan as lines of text. */
export function printTree(plan: Plan, evaluation: Evaluation): string {
  const lines: string[] = [];
  const title = new Map(plan.objectives.map((o) => [o.id, o.title]));
  const krTitle = new Map(plan.keyResults.map((k) => [k.id, k.title]));
  const walk = (id: string, depth: number) => {
    const o = evaluation.objectives[id]!;
    const pad = '  '.repeat(depth);
    lines.push(`${pad}${formatScore(o.score).padStart(3)}  ${title.get(id)}${o.overridden ? '  (final score set by hand)' : ''}`);
    for (const krId of o.keyResultIds) {
      const kr = evaluation.keyResults[krId]!;
      lines.push(`${pad}     ${formatScore(kr.score).padStart(3)}  ${krTitle.get(krId)}  [${valueText(plan, krId, evaluation)}]`);
    }
    for (const child of o.childIds) walk(child, depth + 1);
  };
  for (const root of evaluation.roots) walk(root, 0);
  return lines.join('\n');
}
