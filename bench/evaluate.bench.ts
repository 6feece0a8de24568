// npm run bench [-- 10000 100000 1000000]
// Times evaluate() on generated orgs and compares it with a plain-number loop over the
// same data in the same run (the ratio is what to watch; absolute times vary by machine).
import { spawnSync } from 'node:child_process';
import { evaluate, evaluateColumns, createLiveEvaluation } from '../src/index.js';
import type { Plan } from '../src/index.js';
import { plainRollup } from './baseline.js';
import { benchFeatures } from './features.js';
import { generateOrg } from './generate.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const runs = sizes.length ? sizes : [10_000, 100_000, 1_000_000];
const asOf = '2026-08-31';

function time(fn: () => unknown, repeat: number): number {
  const samples: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
/** Bytes a columns result holds: its typed arrays' distinct buffers, and 8 bytes per slot of its plain arrays (the id strings are the plan's). */
function sizeOfColumns(columns: ReturnType<typeof evaluateColumns>): number {
  const buffers = new Set<ArrayBufferLike>();
  let bytes = 0;
  for (const table of [columns.objectives, columns.keyResults]) {
    for (const column of Object.values(table)) {
      if (ArrayBuffer.isView(column)) buffers.add(column.buffer);
      else if (Array.isArray(column)) bytes += 8 * column.length;
    }
  }
  for (const b of buffers) bytes += b.byteLength;
  return bytes;
}
// With --expose-gc (npm run bench passes it), heap figures are measured after a full collection.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
console.log(`node ${process.version}, ${process.platform}/${process.arch}; median of repeated runs after a warm-up\n`);
console.log('| key results | objectives | check-ins | plain loop | evaluateColumns | ratio | evaluate | ratio | plan heap | columns heap | evaluation heap |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of runs) {
  const plan = generateOrg({ keyResults: n });
  const repeat = n >= 1_000_000 ? 3 : n >= 100_000 ? 5 : 15;
  evaluate(plan, { asOf }); // warm-up
  evaluateColumns(plan, { asOf });
  plainRollup(plan, asOf);
  const base = time(() => plainRollup(plan, asOf), repeat);
  const columns = time(() => evaluateColumns(plan, { asOf }), repeat);
  const ours = time(() => evaluate(plan, { asOf }), repeat);
  // What the plan holds, and what one result keeps alive on top of it: objects on the
  // heap (after a full collection), plus the buffers of the typed arrays it holds.
  collect();
  const planHeap = process.memoryUsage().heapUsed;
  // Columns: their buffers and their plain arrays' slots, counted exactly (a heap
  // difference of a few megabytes drowns in the collector's noise).
  const columnsHeap = sizeOfColumns(evaluateColumns(plan, { asOf }));
  const kept = evaluate(plan, { asOf });
  collect();
  const evaluationHeap = process.memoryUsage().heapUsed - planHeap;
  if (Object.keys(kept.keyResults).length !== plan.keyResults.length) throw new Error('the evaluation lost key results');
  console.log(
    `| ${n.toLocaleString('en')} | ${plan.objectives.length.toLocaleString('en')} | ${plan.checkIns.length.toLocaleString('en')} | ${base.toFixed(0)} ms | ${columns.toFixed(0)} ms | ${(columns / base).toFixed(1)}× | ${ours.toFixed(0)} ms | ${(ours / base).toFixed(1)}× | ${mb(planHeap)} | ${mb(columnsHeap)} | ${mb(evaluationHeap)} |`,
  );
}
console.log(`\npeak resident memory of this run: ${mb(process.resourceUsage().maxRSS * 1024)}`);

// One objective with all the key results (the widest fan-in): time per key result should
// stay flat as the objective grows.
console.log('\n| key results of one objective | evaluateColumns | µs per key result | evaluate | µs per key result |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of runs) {
  const keyResults = Array.from({ length: n }, (_, i) => ({ id: `k${i}`, objectiveId: 'o', title: `KR ${i}`, kind: 'metric' as const, start: 0, target: 4 }));
  const wide = {
    cycles: [{ id: 'q3', name: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' }],
    objectives: [{ id: 'o', title: 'Wide', cycleId: 'q3' }],
    keyResults,
    checkIns: keyResults.map((k, i) => ({ keyResultId: k.id, at: '2026-08-01', value: i % 5 })),
  } as unknown as Plan;
  const repeat = n >= 1_000_000 ? 3 : 5;
  evaluateColumns(wide, { asOf });
  const c = time(() => evaluateColumns(wide, { asOf }), repeat);
  const e = time(() => evaluate(wide, { asOf }), repeat);
  console.log(`| ${n.toLocaleString('en')} | ${c.toFixed(0)} ms | ${((c * 1000) / n).toFixed(2)} | ${e.toFixed(0)} ms | ${((e * 1000) / n).toFixed(2)} |`);
}

// Peak memory of one evaluation at the largest size, each in a fresh process (bench/peak.ts).
const largest = Math.max(...runs);
console.log(`\n| ${largest.toLocaleString('en')} key results, fresh process | resident before the call | peak resident | time |`);
console.log('|---|---:|---:|---:|');
for (const fn of ['plainRollup', 'evaluateColumns', 'evaluate']) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', new URL('./peak.ts', import.meta.url).pathname, fn, String(largest)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  console.log(child.stdout.trim());
}

// Incremental re-scoring: check-ins applied to key results of the deepest objectives
// (depth 6), each re-scoring its key result and ancestors, against a full evaluate.
console.log('\n| key results | full evaluate | per check-in (live) | check-ins per full evaluate |');
console.log('|---:|---:|---:|---:|');
for (const n of runs.filter((x) => x >= 100_000)) {
  const plan = generateOrg({ keyResults: n });
  const full = time(() => evaluate(plan, { asOf }), 1);
  const live = createLiveEvaluation(plan, { asOf });
  const leaves = plan.keyResults.slice(-Math.min(10_000, plan.keyResults.length)); // the last objectives are the deepest
  const count = 20_000;
  const checkIns = Array.from({ length: count }, (_, i) => ({ keyResultId: leaves[(i * 7919) % leaves.length]!.id, at: '2026-08-30', value: i % 97 }));
  for (let i = 0; i < 1000; i++) live.applyCheckIn(checkIns[i]!); // warm-up
  const t0 = process.hrtime.bigint();
  for (const c of checkIns) live.applyCheckIn(c);
  const perCheckIn = Number(process.hrtime.bigint() - t0) / 1e6 / count;
  console.log(`| ${n.toLocaleString('en')} | ${full.toFixed(0)} ms | ${(perCheckIn * 1000).toFixed(1)} µs | ${Math.round(full / perCheckIn).toLocaleString('en')} |`);
}

// Issue 15's features (value rollups, weights by target, people's performance) against evaluate.
benchFeatures(runs.filter((n) => n <= 100_000).map((n) => generateOrg({ keyResults: n })), asOf, time);
