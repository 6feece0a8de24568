// A sales employee's KPI evaluation sheet (the seeds' "phiếu đánh giá KPI"): each KPI
// with its weight (adding up to 100 %), target, actual, attainment, score and points,
// the total on 0–100 and a rating; then every department's total rolled up the org,
// and the KPIs that need an objective in the middle of the quarter.
//
//   npx tsx examples/kpi-scorecard.ts
import { readFileSync } from 'node:fs';
import { formatScore, kpiAlerts, parsePlan, scorecard, scorecardByUnit, recordOf, type Kpi } from 'okrkit';

const plan = parsePlan(JSON.parse(readFileSync(new URL('./plans/abc-kpis.json', import.meta.url), 'utf8')));
const asOf = '2026-12-31';
const kpiOf = new Map(plan.kpis.map((k) => [k.id, k]));
const targetText = (k: Kpi) =>
  k.target.polarity === 'range' ? `${k.target.min}–${k.target.max}` : `${k.target.polarity === 'higher' ? '≥' : '≤'} ${Number(k.target.value).toLocaleString('en')}`;

const sheet = scorecard(plan, { ownerId: 'lan', asOf });
console.log(`KPI evaluation sheet — Nguyễn Thị Lan, Sales, Q4 2026 (as of ${asOf})\n`);
console.log('KPI'.padEnd(62) + 'weight  target           actual           attain.  score  points');
for (const line of sheet.lines) {
  const k = kpiOf.get(line.kpiId)!;
  console.log(
    line.name.padEnd(62) +
      formatScore(line.share, { scale: 'percent' }).padStart(6) +
      '  ' + targetText(k).padEnd(16) +
      ' ' + (line.actual === null ? '–' : line.actual.toLocaleString('en')).padEnd(16) +
      ' ' + formatScore(line.attainment, { scale: 'percent' }).padStart(7) +
      '  ' + formatScore(line.score).padStart(5) +
      '  ' + line.points.toFixed(1).padStart(6),
  );
}
console.log(`\nTotal ${sheet.total} / 100 — rating ${sheet.rating}`);

console.log('\nTotals rolled up the org:');
const units = scorecardByUnit(plan, { asOf });
const walk = (id: string, depth: number) => {
  const u = recordOf(units, id);
  const name = plan.units.find((x) => x.id === id)!.name;
  console.log(`${'  '.repeat(depth)}${formatScore(u.total === null ? null : u.total / 100, { digits: 1 }).padStart(5)}  ${u.rating ?? '–'}  ${name}`);
  for (const c of u.childIds) walk(c, depth + 1);
};
walk('abc', 0);

console.log('\nMid-quarter (2026-11-15): KPIs in amber or red with no key result working on them:');
for (const alert of kpiAlerts(plan, { asOf: '2026-11-15' })) {
  const k = kpiOf.get(alert.kpiId)!;
  console.log(`  ${alert.status.padEnd(6)} ${formatScore(alert.attainment, { scale: 'percent' }).padStart(4)}  ${k.name} — ${k.ownerId ?? k.unitId ?? ''}`);
}
