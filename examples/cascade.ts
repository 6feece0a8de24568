// The SaaS cascade from the seeds: the company objective "become the SaaS market
// leader" is supported by the marketing and product teams' objectives. Each team's score
// rolls up into the company's, next to the company's own key results, and the
// contributors explain where the company score comes from.
//
//   npx tsx examples/cascade.ts
import { readFileSync } from 'node:fs';
import { evaluate, formatScore, parsePlan, recordOf } from 'okrkit';
import { printTree } from './print-tree.js';

const plan = parsePlan(JSON.parse(readFileSync(new URL('./plans/saas-cascade.json', import.meta.url), 'utf8')));
const evaluation = evaluate(plan, { asOf: '2026-09-20' });

console.log(`${plan.name} — as of ${evaluation.asOf}\n`);
console.log(printTree(plan, evaluation));

console.log('\nWhere the company score comes from:');
for (const c of recordOf(evaluation.objectives, 'o-leader').contributors) {
  console.log(`  ${formatScore(c.share, { scale: 'percent' }).padStart(4)} of the weight  ${c.type.padEnd(9)}  ${c.id}  scores ${formatScore(c.score)}`);
}
