// A representative slice of okrkit's behaviour, run by .ci/zod3.sh in a scratch project
// where the packed okrkit is installed beside zod 3.25 (zod 4 under 'zod/v4'). It is a
// plain script, not a vitest file: it imports okrkit by its package name, so it runs
// against the tarball, and fails (exit 1) at the first difference.
//
//   npx tsx test/zod3/slice.ts <okrkit repository>
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as z from 'zod/v4';
import {
  createOkrkit,
  defineKeyResultKind,
  evaluate,
  evaluateColumns,
  evaluateKpis,
  isOkrkitError,
  lintPlan,
  parsePlan,
  performance,
  safeParsePlan,
  scorecardByUnit,
  type Evaluation,
  type KeyResult,
  type Plan,
  type PlanInput,
} from 'okrkit';
import { buildReport } from 'okrkit/report';

const repo = process.argv[2] ?? process.cwd();
const PLANS = ['xyz-corp', 'saas-cascade', 'abc-kpis', 'saas-revenue'] as const;
const DATES = ['2026-08-15', '2026-09-30', '2026-10-01', '2026-11-15', '2026-12-31'] as const;

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(repo, path), 'utf8'));
const loadPlan = (name: string): PlanInput => readJson(`examples/plans/${name}.json`) as PlanInput;

/** What test/golden/golden.test.ts computes for a plan at a date (the same calls, in the same order). */
function resultsOf(name: string, asOf: string): unknown {
  const plan = parsePlan(loadPlan(name));
  const columns = evaluateColumns(plan, { asOf, forecast: true });
  const evaluation = evaluate(plan, { asOf, forecast: true });
  return {
    evaluation,
    meanStatus: evaluate(plan, { asOf, status: { objective: 'mean', mode: 'difference' } }).objectives,
    columns: Object.fromEntries(
      Object.entries({ ...columns.objectives, ...Object.fromEntries(Object.entries(columns.keyResults).map(([k, v]) => [`kr.${k}`, v])) }).map(([k, v]) => [
        k,
        ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v,
      ]),
    ),
    kpis: evaluateKpis(plan, { asOf }),
    scorecards: scorecardByUnit(plan, { asOf }),
    findings: lintPlan(plan, { asOf }),
    report: buildReport(plan, { asOf }),
    people: performance(plan, evaluation),
    drafts: evaluate(plan, { asOf, includeDrafts: true }).objectives,
  };
}

/** Every bundled plan parses, and every result equals the golden file, bit for bit. */
function goldenResults(): void {
  for (const name of PLANS) {
    const now = `${JSON.stringify(Object.fromEntries(DATES.map((d) => [d, resultsOf(name, d)])), null, 1)}\n`;
    assert.ok(now === readFileSync(join(repo, `test/golden/${name}.json`), 'utf8'), `${name}: results differ from test/golden/${name}.json`);
  }
}

/** A plan with a negative weight, a misspelt key and a missing title gives okrkit's issues, not zod's. */
function errorIssues(): void {
  const plan = structuredClone(loadPlan('xyz-corp')) as { keyResults: Record<string, unknown>[] };
  const [first, second] = plan.keyResults;
  assert.ok(first !== undefined && second !== undefined);
  first['weight'] = -1;
  second['titel'] = second['title'];
  delete second['title'];
  const result = safeParsePlan(plan);
  assert.equal(result.success, false);
  assert.ok(!result.success && isOkrkitError(result.error));
  const issues = result.error.issues.map((i) => `${i.path.join('.')} ${i.code}`);
  assert.deepEqual(issues.sort(), ['keyResults.0.weight invalid_weight', 'keyResults.1.title missing', 'keyResults.1.titel unknown_key'].sort());
  const typo = result.error.issues.find((i) => i.code === 'unknown_key');
  assert.match(typo?.message ?? '', /"title"/, 'the unknown key names the closest known one');
}

/** A plug-in kind defined with the app's own zod (3.25's 'zod/v4'), through createOkrkit. */
function pluginKind(): void {
  const nps = defineKeyResultKind({
    kind: 'nps',
    schema: z.object({ from: z.number().min(-100).max(100), to: z.number().min(-100).max(100) }),
    progress: (kr, { value }) => ((value ?? kr.from) - kr.from) / (kr.to - kr.from),
  });
  const okr = createOkrkit({ kinds: [nps] });
  const input = {
    cycles: [{ id: 'q3', name: 'Q3', start: '2026-07-01', end: '2026-09-30' }],
    objectives: [{ id: 'o', title: 'Customers love us', cycleId: 'q3' }],
    keyResults: [{ id: 'kr-nps', objectiveId: 'o', title: 'NPS from 10 to 40', kind: 'nps', from: 10, to: 40 }],
    checkIns: [{ keyResultId: 'kr-nps', at: '2026-08-31', value: 25 }],
  };
  const plan = okr.parsePlan(input);
  const kr = okr.evaluate(plan, { asOf: '2026-09-01' }).keyResults['kr-nps'];
  assert.equal(kr?.progress, (25 - 10) / (40 - 10));
  const report = buildReport(plan, { asOf: '2026-09-01', kit: okr });
  assert.equal(report.counts.keyResults, 1);
  assert.equal(report.score, okr.evaluate(plan, { asOf: '2026-09-01' }).objectives['o']?.score);

  // The kit's schemas compose with the app's: an app schema holding okrkit's KeyResult.
  const Envelope = z.object({ tenant: z.string(), keyResult: okr.KeyResult });
  assert.equal(Envelope.safeParse({ tenant: 't1', keyResult: input.keyResults[0] }).success, true);
  assert.equal(Envelope.safeParse({ tenant: 't1', keyResult: { ...input.keyResults[0], from: 200 } }).success, false);

  // The plug-in's own bounds are okrkit issues at the field.
  const bad = okr.safeParsePlan({ ...input, keyResults: [{ ...input.keyResults[0], from: 200 }] });
  assert.ok(!bad.success);
  assert.deepEqual(bad.error.issues.map((i) => `${i.path.join('.')} ${i.code}`), ['keyResults.0.from invalid_value']);
}

/** With zod 3.25, the app's plain 'zod' is zod 3: its schema is refused with a message saying to use 'zod/v4'. */
function zod3SchemaRefused(zodMajor: number): void {
  if (zodMajor !== 3) return;
  const require = createRequire(join(process.cwd(), 'package.json'));
  const zod3 = require('zod/v3') as { z: { object(shape: Record<string, unknown>): unknown; number(): unknown } };
  try {
    createOkrkit({ kinds: [{ kind: 'nps', schema: zod3.z.object({ from: zod3.z.number() }) as never, progress: () => 0 }] });
    assert.fail('a zod 3 schema was accepted');
  } catch (error) {
    assert.ok(isOkrkitError(error) && error.code === 'invalid_argument', String(error));
    assert.match(error.message, /zod\/v4/);
  }
}

/** True when T is `any`: what a type in okrkit's declarations becomes if zod's types cannot express it. */
type IsAny<T> = 0 extends 1 & T ? true : false;
// okrkit's declarations are read against the app's zod here: a type that degraded to `any` fails to compile.
const degraded: [IsAny<Plan>, IsAny<KeyResult>, IsAny<Evaluation>, IsAny<Parameters<typeof createOkrkit>[0]>] = [false, false, false, false];
assert.deepEqual(degraded, [false, false, false, false]);

const zodVersion = (createRequire(join(process.cwd(), 'package.json'))('zod/package.json') as { version: string }).version;
const started = Date.now();
goldenResults();
errorIssues();
pluginKind();
zod3SchemaRefused(Number(zodVersion.split('.')[0]));
console.log(`okrkit with zod ${zodVersion}: golden results, issues and a plug-in kind all as with zod 4 (${Date.now() - started} ms)`);
