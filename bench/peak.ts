// node --import tsx bench/peak.ts <plainRollup|evaluateColumns|evaluate> <key results>
// One call on a generated org in this fresh process: resident memory before it (and the
// peak while generating the org), the process's peak after it, and the time. Run by `npm run bench` for the largest size.
import { evaluate, evaluateColumns } from '../src/index.js';
import { plainRollup } from './baseline.js';
import { generateOrg } from './generate.js';

const [fn = 'evaluate', size = '1000000'] = process.argv.slice(2);
const calls: Record<string, (plan: ReturnType<typeof generateOrg>) => unknown> = {
  plainRollup: (plan) => plainRollup(plan, '2026-08-31'),
  evaluateColumns: (plan) => evaluateColumns(plan, { asOf: '2026-08-31' }),
  evaluate: (plan) => evaluate(plan, { asOf: '2026-08-31' }),
};
const call = calls[fn];
if (call === undefined) throw new Error(`unknown function ${fn}`);
const plan = generateOrg({ keyResults: Number(size) });
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const before = process.memoryUsage().rss;
const peakBefore = process.resourceUsage().maxRSS * 1024;
const t0 = performance.now();
const result = call(plan);
const ms = performance.now() - t0;
if (result === undefined) throw new Error('no result');
console.log(`| \`${fn}\` | ${mb(before)} (peak so far ${mb(peakBefore)}) | ${mb(process.resourceUsage().maxRSS * 1024)} | ${ms.toFixed(0)} ms |`);
