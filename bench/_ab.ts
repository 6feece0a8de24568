export {};
const after = await import('../src/index.js');
const before = await import('/tmp/baseline/src/index.js' as string);
const { generateOrg } = await import('./generate.js');
const { plainRollup } = await import('./baseline.js');
const n = Number(process.argv[2] ?? 1_000_000);
const plan = generateOrg({ keyResults: n });
const asOf = '2026-08-31';
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const t = (f: () => unknown) => { gc(); const s = performance.now(); f(); return performance.now() - s; };
after.evaluateColumns(plan, { asOf }); before.evaluateColumns(plan, { asOf }); after.evaluate(plan, { asOf }); before.evaluate(plan, { asOf });
const rows: number[][] = [];
for (let r = 0; r < 3; r++) {
  rows.push([t(() => plainRollup(plan, asOf)), t(() => before.evaluateColumns(plan, { asOf })), t(() => after.evaluateColumns(plan, { asOf })), t(() => before.evaluate(plan, { asOf })), t(() => after.evaluate(plan, { asOf }))]);
}
console.log(`| ${n.toLocaleString('en')} | plain loop | columns before | columns after | evaluate before | evaluate after |`);
for (const r of rows) console.log(`| | ${r.map((x) => `${x.toFixed(0)} ms`).join(' | ')} | ratios ${(r[1]! / r[0]!).toFixed(2)} / ${(r[2]! / r[0]!).toFixed(2)} / ${(r[3]! / r[0]!).toFixed(2)} / ${(r[4]! / r[0]!).toFixed(2)}`);
