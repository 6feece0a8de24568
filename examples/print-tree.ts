// A small text renderer for the examples: objectives as an indented tree with scores
// on the seeds' 0–100 scale, pace status and confidence, key results under them.
// Built only on public functions.
import { formatScore, recordOf, type Evaluation, type Plan, type Status } from 'okrkit';

const STATUS: Record<Status, string> = {
  achieved: 'achieved',
  onTrack: 'on track',
  atRisk: 'at risk',
  offTrack: 'off track',
  noData: 'no data',
  notStarted: 'not started',
};

function valueText(plan: Plan, id: string, evaluation: Evaluation): string {
  const kr = plan.keyResults.find((k) => k.id === id)!;
  const result = recordOf(evaluation.keyResults, id);
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

function pace(status: Status | null, expected: number, confidence: number | null, grade: string | null): string {
  const parts = [status === null ? '' : STATUS[status].padEnd(11), `expected ${formatScore(expected).padStart(3)}`];
  if (confidence !== null) parts.push(`confidence ${formatScore(confidence, { scale: 'fraction', digits: 1 })}`);
  if (grade !== null) parts.push(`grade ${grade}`);
  return parts.join('  ');
}

/** Renders the evaluated plan as lines of text. */
export function printTree(plan: Plan, evaluation: Evaluation): string {
  const lines: string[] = [];
  const title = new Map(plan.objectives.map((o) => [o.id, o.title]));
  const krTitle = new Map(plan.keyResults.map((k) => [k.id, k.title]));
  const walk = (id: string, depth: number) => {
    const o = recordOf(evaluation.objectives, id);
    const pad = '  '.repeat(depth);
    lines.push(`${pad}${formatScore(o.score).padStart(3)}  ${title.get(id)}${o.overridden ? '  (final score set by hand)' : ''}`);
    lines.push(`${pad}     ${pace(o.status, o.expected, o.confidence, o.grade)}`);
    for (const krId of o.keyResultIds) {
      const kr = recordOf(evaluation.keyResults, krId);
      lines.push(`${pad}     ${formatScore(kr.score).padStart(3)}  ${krTitle.get(krId)}  [${valueText(plan, krId, evaluation)}]`);
      lines.push(`${pad}          ${pace(kr.status, kr.expected, kr.confidence, kr.grade)}`);
    }
    for (const child of o.childIds) walk(child, depth + 1);
  };
  for (const root of evaluation.roots) walk(root, 0);
  return lines.join('\n');
}
