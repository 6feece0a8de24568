// A mid-quarter status report of the XYZ Corp plan: pace status of every objective,
// the key results that need attention with their trend projected to the end of the
// quarter, and the team's confidence.
//
//   npx tsx examples/status-report.ts [asOf]     (2026-09-05 by default)
import { readFileSync } from 'node:fs';
import { evaluate, formatScore, parsePlan, recordOf, type Status } from 'okrkit';

const asOf = process.argv[2] ?? '2026-09-05';
const plan = parsePlan(JSON.parse(readFileSync(new URL('./plans/xyz-corp.json', import.meta.url), 'utf8')));
const evaluation = evaluate(plan, { asOf, forecast: true });

const label: Record<Status, string> = {
  achieved: '✔ achieved', onTrack: '● on track', atRisk: '▲ at risk', offTrack: '✖ off track', noData: '? no data', notStarted: '· not started',
};
const title = (id: string) => plan.objectives.find((o) => o.id === id)?.title ?? plan.keyResults.find((k) => k.id === id)?.title ?? id;

console.log(`Status report — ${plan.name}, as of ${asOf}\n`);
for (const id of evaluation.roots) {
  const o = recordOf(evaluation.objectives, id);
  console.log(`${label[o.status].padEnd(13)} ${formatScore(o.score).padStart(3)} / expected ${formatScore(o.expected)}  ${title(id)}`);
  console.log(`${''.padEnd(13)} projected at quarter end: ${formatScore(o.forecastScore)}, confidence ${formatScore(o.confidence, { scale: 'fraction', digits: 1 })}`);
}

const attention = Object.values(evaluation.keyResults).filter((k) => k.status === 'atRisk' || k.status === 'offTrack');
console.log(`\nKey results that need attention (${attention.length}):`);
for (const k of attention) {
  const f = k.forecast;
  const projection = f === null ? 'no trend yet' : `heading for ${formatScore(f.progress)} (${label[f.status]})`;
  console.log(`  ${label[k.status!].padEnd(13)} ${formatScore(k.progress).padStart(3)} / ${formatScore(k.expected)}  ${title(k.keyResultId)} — ${projection}`);
}
