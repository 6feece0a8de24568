// The results of every bundled plan, kept as files: what a refactoring must not change,
// bit for bit (JSON prints each double exactly). After a deliberate change of results,
// regenerate with `OKRKIT_UPDATE_GOLDEN=1 npm test -- test/golden` and review the diff.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, evaluateColumns, evaluateKpis, lintPlan, parsePlan, performance, scorecardByUnit } from '../../src/index.js';
import { buildReport } from '../../src/report/index.js';
import { loadPlan } from '../fixtures.js';

const PLANS = ['xyz-corp', 'saas-cascade', 'abc-kpis', 'saas-revenue'] as const;
const DATES = ['2026-08-15', '2026-09-30', '2026-10-01', '2026-11-15', '2026-12-31'] as const;

/** Everything okrkit computes about a plan at a date, as plain data. */
function resultsOf(name: (typeof PLANS)[number], asOf: string): unknown {
  const plan = parsePlan(loadPlan(name));
  const columns = evaluateColumns(plan, { asOf, forecast: true });
  const evaluation = evaluate(plan, { asOf, forecast: true });
  return {
    evaluation,
    meanStatus: evaluate(plan, { asOf, status: { objective: 'mean', mode: 'difference' } }).objectives,
    columns: Object.fromEntries(
      Object.entries({ ...columns.objectives, ...Object.fromEntries(Object.entries(columns.keyResults).map(([k, v]) => [`kr.${k}`, v])) }).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v]),
    ),
    kpis: evaluateKpis(plan, { asOf }),
    scorecards: scorecardByUnit(plan, { asOf }),
    findings: lintPlan(plan, { asOf }),
    report: buildReport(plan, { asOf }),
    people: performance(plan, evaluation),
    drafts: evaluate(plan, { asOf, includeDrafts: true }).objectives,
  };
}

describe('golden results of the bundled plans', () => {
  for (const name of PLANS) {
    it(`${name} at every date is unchanged, bit for bit`, () => {
      const file = fileURLToPath(new URL(`./${name}.json`, import.meta.url));
      const now = `${JSON.stringify(Object.fromEntries(DATES.map((d) => [d, resultsOf(name, d)])), null, 1)}\n`;
      if (process.env['OKRKIT_UPDATE_GOLDEN'] === '1') writeFileSync(file, now);
      expect(existsSync(file), `missing golden file ${file}`).toBe(true);
      expect(now).toBe(readFileSync(file, 'utf8'));
    });
  }
});
