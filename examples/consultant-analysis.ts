// A consultant's analysis of a client's OKRs and KPIs, kept in spreadsheets: load the
// client's CSV sheets, rank departments by average score, list the objectives at risk
// and the red KPIs that no key result works on, and write the HTML report to hand over.
//
//   npx tsx examples/consultant-analysis.ts                          # the bundled client
//   npx tsx examples/consultant-analysis.ts <folder> <as-of> <out.html>
//
// The imports are a user's: in this repository 'okrkit' resolves to src/ (tsconfig paths).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlanCsv } from 'okrkit/csv';
import { buildReport, renderHtml } from 'okrkit/report';
import { evaluate, evaluateKpis, formatScore, label, parsePlan, recordOf, scoreWeightedMean, type Status } from 'okrkit';

const folder = process.argv[2] ?? new URL('./client', import.meta.url).pathname;
const asOf = process.argv[3] ?? '2026-11-15';
const out = process.argv[4] ?? join(tmpdir(), 'okrkit-client-report.html');

// 1. Load the sheets: one CSV file per table, as the client exported them from Excel.
const files = Object.fromEntries(
  readdirSync(folder)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
);
const plan = parsePlan(readPlanCsv(files).input);
const evaluation = evaluate(plan, { asOf });
console.log(`${plan.name} — as of ${asOf}: ${plan.objectives.length} objectives, ${plan.keyResults.length} key results, ${plan.kpis.length} KPIs\n`);

// 2. Rank departments by the plain mean of their objectives' scores.
const unitName = new Map(plan.units.map((u) => [u.id, u.name]));
const byUnit = new Map<string, (number | null)[]>();
for (const o of plan.objectives) {
  const unit = o.unitId ?? '(no unit)';
  byUnit.set(unit, [...(byUnit.get(unit) ?? []), recordOf(evaluation.objectives, o.id).score]);
}
const ranking = [...byUnit]
  .map(([unit, scores]) => ({ unit, objectives: scores.length, score: scoreWeightedMean(scores.map((score) => ({ score }))) }))
  .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
console.log('Departments by average objective score');
ranking.forEach((r, i) => console.log(`  ${i + 1}. ${formatScore(r.score).padStart(3)}  ${unitName.get(r.unit) ?? r.unit}  (${r.objectives} objectives)`));

// 3. Objectives at risk or off track, worst first.
const worrying: readonly Status[] = ['offTrack', 'atRisk'];
const atRisk = plan.objectives
  .map((o) => ({ o, e: recordOf(evaluation.objectives, o.id) }))
  .filter(({ e }) => worrying.includes(e.status))
  .sort((a, b) => (a.e.score ?? 0) - (b.e.score ?? 0));
console.log(`\nObjectives at risk (${atRisk.length} of ${plan.objectives.length})`);
for (const { o, e } of atRisk) {
  console.log(`  ${formatScore(e.score).padStart(3)} vs ${formatScore(e.expected)} expected  ${label(`status.${e.status}`).padEnd(9)}  ${o.title}`);
}

// 4. Red KPIs that no key result is measured from: problems nobody has an objective for.
const kpis = evaluateKpis(plan, { asOf });
const covered = new Set(plan.keyResults.flatMap((k) => (k.source === undefined ? [] : [k.source.kpiId])));
const orphans = plan.kpis.filter((k) => recordOf(kpis, k.id).status === 'red' && !covered.has(k.id));
console.log(`\nRed KPIs with no key result on them (${orphans.length})`);
for (const k of orphans) {
  console.log(`  ${formatScore(recordOf(kpis, k.id).attainment).padStart(3)}% attained  ${k.name} — ${unitName.get(k.unitId ?? '') ?? 'no unit'}`);
}

// 5. The report to hand over: one HTML file, in Vietnamese for this client.
writeFileSync(out, renderHtml(buildReport(plan, { asOf, locale: 'vi' })));
console.log(`\nHTML report written to ${out}`);
