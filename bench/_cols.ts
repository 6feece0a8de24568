export {};
const root = process.argv[2] ?? "";
const { evaluateColumns } = await import("../src/index.js");
const { generateOrg } = await import("./generate.js");
const { plainRollup } = await import("./baseline.js");
const plan = generateOrg({ keyResults: 1_000_000 });
const asOf = '2026-08-31';
evaluateColumns(plan, { asOf }); plainRollup(plan, asOf);
for (let r = 0; r < 3; r++) {
  let t = performance.now(); plainRollup(plan, asOf); const b = performance.now() - t;
  t = performance.now(); evaluateColumns(plan, { asOf }); const c = performance.now() - t;
  console.log(root.includes('baseline') ? 'before' : 'after', Math.round(b), Math.round(c), (c / b).toFixed(2));
}
