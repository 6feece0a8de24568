// A plug-in key-result kind: Net Promoter Score. NPS runs from −100 to 100; a key result
// moves it from one level to another ("from 10 to 40"), and progress is the share of that
// way covered. The kind is passed to createOkrkit — there is no global registry — and its
// key results are validated, scored, rolled up and linted like built-in ones.
//
//   npx tsx examples/plugin-nps.ts
import * as z from 'zod';
import { createOkrkit, defineKeyResultKind, defineScoring, formatScore, OkrkitError, recordOf } from 'okrkit';

const nps = defineKeyResultKind({
  kind: 'nps',
  schema: z.object({
    from: z.number().min(-100).max(100),
    to: z.number().min(-100).max(100),
  }),
  progress(kr, { value }) {
    if (value !== null && (value < -100 || value > 100)) throw new Error(`an NPS of ${value} is impossible (−100 to 100)`);
    return ((value ?? kr.from) - kr.from) / (kr.to - kr.from);
  },
  range: [-10, 10],
});

// Customer-success teams often count an NPS goal as met only when it is fully reached.
const allOrNothing = defineScoring({ id: 'all-or-nothing', score: (progress) => (progress >= 1 ? 1 : 0) });

const okr = createOkrkit({ kinds: [nps], scorings: [allOrNothing] });

const plan = okr.parsePlan({
  cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
  objectives: [{ id: 'o-love', title: 'Customers love our support', cycleId: 'q3' }],
  keyResults: [
    { id: 'kr-nps', objectiveId: 'o-love', title: 'NPS from 10 to 40', kind: 'nps', from: 10, to: 40 },
    { id: 'kr-nps-vip', objectiveId: 'o-love', title: 'VIP NPS at 60', kind: 'nps', from: 45, to: 60, scoring: { type: 'plugin', id: 'all-or-nothing' } },
    { id: 'kr-first-reply', objectiveId: 'o-love', title: 'First reply under 2 hours', kind: 'metric', start: 6, target: 2, unit: 'hours' },
  ],
  checkIns: [
    { keyResultId: 'kr-nps', at: '2026-08-31', value: 25 },
    { keyResultId: 'kr-nps-vip', at: '2026-08-31', value: 58 },
    { keyResultId: 'kr-first-reply', at: '2026-08-31', value: 3 },
  ],
});

const evaluation = okr.evaluate(plan, { asOf: '2026-09-01' });
console.log(`${formatScore(recordOf(evaluation.objectives, 'o-love').score)}  Customers love our support`);
for (const id of recordOf(evaluation.objectives, 'o-love').keyResultIds) {
  const kr = recordOf(evaluation.keyResults, id);
  console.log(`     ${formatScore(kr.score).padStart(3)}  ${plan.keyResults.find((k) => k.id === id)!.title} (progress ${formatScore(kr.progress)})`);
}
console.log(`\nLint: ${okr.lintPlan(plan, { asOf: '2026-09-01' }).map((f) => f.code).join(', ') || 'nothing to say'}`);

// A check-in outside the scale is reported as an error that names the plug-in.
try {
  okr.evaluate({ ...plan, checkIns: [...plan.checkIns, { keyResultId: 'kr-nps', at: '2026-09-01', value: 140 }] });
} catch (error) {
  if (error instanceof OkrkitError) console.log(`\n${error.code}: ${error.message}`);
}
