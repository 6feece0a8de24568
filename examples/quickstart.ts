// Quickstart: score the XYZ Corp plan from the seeds (three objectives, three key
// results each, decrease key results among them) and print it as a tree on 0–100.
//
//   npm start                      # the day after the quarter ends, with grades
//   npm start -- 2026-08-15        # as of another date
//
// The imports are a user's: in this repository 'okrkit' resolves to src/ (tsconfig paths).
import { readFileSync } from 'node:fs';
import { evaluate, formatScore, parsePlan, recordOf, scoreWeightedMean } from 'okrkit';
import { printTree } from './print-tree.js';

const asOf = process.argv[2] ?? '2026-10-01'; // the day after the quarter: grading time
const json = JSON.parse(readFileSync(new URL('./plans/xyz-corp.json', import.meta.url), 'utf8'));

const plan = parsePlan(json); // validates the schema and every reference; throws OkrkitError otherwise
const evaluation = evaluate(plan, { asOf });

const company = scoreWeightedMean(evaluation.roots.map((id) => ({ score: recordOf(evaluation.objectives, id).score })));
console.log(`${plan.name} — as of ${asOf}`);
console.log(`Company score: ${formatScore(company)} / 100\n`);
console.log(printTree(plan, evaluation));
