// The hr-service end to end: the bundled plans as tenants, 60 check-ins posted at once
// across them, then every tenant's stored scores must equal okrkit's `evaluate` of the plan
// the database holds (read afresh), and bad check-ins must be refused with a 400 naming
// the problem while nothing is stored. Runs on PGlite always and on the PostgreSQL server
// DATABASE_URL names when it is set; the plan-row cases (rows.cases.ts) run on each too.
import fc from 'fast-check';
import { evaluate, type Plan } from 'okrkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../examples/hr-service/db.js';
import { readScores } from '../../examples/hr-service/scores.js';
import { planRowsCases, refusedWriteCases } from './rows.cases.js';
import { AS_OF, BACKENDS, countRows, expectedScores, planInDatabase, post, startHarness, type Harness } from './harness.js';

/** Key results a check-in may go to (aggregated ones take their value from others), with their cycle's dates. */
function targets(plan: Plan): { id: string; start: string; end: string }[] {
  const cycles = new Map(plan.cycles.map((c) => [c.id, c]));
  const cycleOf = new Map(plan.objectives.map((o) => [o.id, cycles.get(o.cycleId)]));
  return plan.keyResults.flatMap((kr) => {
    const cycle = cycleOf.get(kr.objectiveId);
    if (cycle === undefined || (kr.kind === 'metric' && kr.aggregate !== undefined)) return [];
    return [{ id: kr.id, start: cycle.start, end: cycle.end < AS_OF ? cycle.end : AS_OF }];
  });
}

const DAY = 86_400_000;
const dayBetween = (start: string, end: string, f: number) => {
  const a = Date.parse(start);
  return new Date(a + Math.floor(f * ((Date.parse(end) - a) / DAY + 1)) * DAY).toISOString().slice(0, 10);
};

/** A check-in's value: a whole number, or a decimal string that a double could not hold exactly. */
const valueArb = fc.oneof(fc.integer({ min: -50, max: 500 }), fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999_999 })).map(([a, b]) => `${a}.${b}01`));

if (process.env.DATABASE_URL === undefined || process.env.DATABASE_URL === '') {
  describe.skip('hr-service on a PostgreSQL server: skipped, DATABASE_URL is not set (start one and set it to run this part)', () => {
    it('runs the same end-to-end test', () => undefined);
  });
}

describe.each(BACKENDS)('hr-service on $name', (backend) => {
  let db: Database;
  let h: Harness;
  beforeAll(async () => {
    db = await openDatabase({ url: backend.url });
    h = await startHarness(db);
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await db?.close();
  });

  planRowsCases(() => db);
  refusedWriteCases(() => db);

  it('stores seeded scores equal to evaluate of the plan the database holds', async () => {
    expect(h.tenants.length).toBeGreaterThanOrEqual(3);
    for (const tenant of h.tenants) {
      const expected = await expectedScores(h.db, tenant);
      expect(expected.objectives.length).toBeGreaterThan(0);
      expect(await readScores(h.db, tenant)).toEqual(expected);
    }
  });

  it('takes 60 concurrent check-ins across tenants, loses none, and stores what evaluate gives', async () => {
    const plans = new Map<string, Plan>();
    for (const tenant of h.tenants) plans.set(tenant, await planInDatabase(h.db, tenant));
    const pool = h.tenants.flatMap((tenant) => {
      const plan = plans.get(tenant);
      return plan === undefined ? [] : targets(plan).map((kr) => ({ tenant, ...kr }));
    });
    const picks = fc.sample(fc.tuple(fc.nat({ max: pool.length - 1 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), valueArb, fc.boolean()), { seed: 17, numRuns: 60 });
    const batch = picks.map(([k, f, value, withConfidence], i) => {
      const kr = pool[k] ?? pool[0];
      if (kr === undefined) throw new Error('no key result to check in');
      const body = { id: `concurrent-${i}`, keyResultId: kr.id, at: dayBetween(kr.start, kr.end, f), value, ...(withConfidence ? { confidence: f } : {}) };
      return { tenant: kr.tenant, body };
    });
    const before = new Map<string, number>();
    for (const tenant of h.tenants) before.set(tenant, await countRows(h.db, 'check_ins', tenant));
    const replies = await Promise.all(batch.map(({ tenant, body }) => post(h.app, tenant, body)));
    expect(replies.map((r) => r.status)).toEqual(batch.map(() => 201));
    for (const tenant of h.tenants) {
      const sent = batch.filter((b) => b.tenant === tenant).length;
      expect(await countRows(h.db, 'check_ins', tenant)).toBe((before.get(tenant) ?? 0) + sent);
      const now = await planInDatabase(h.db, tenant);
      for (const { body } of batch.filter((b) => b.tenant === tenant)) expect(now.checkIns.map((c) => c.id)).toContain(body.id);
      expect(await readScores(h.db, tenant)).toEqual(await expectedScores(h.db, tenant));
    }
    // Decimal strings come back as the same decimals.
    const one = batch.find((b) => typeof b.body.value === 'string');
    if (one !== undefined) {
      const stored = (await planInDatabase(h.db, one.tenant)).checkIns.find((c) => c.id === one.body.id);
      expect(stored?.value).toBe(one.body.value);
    }
  }, 60_000);

  it('answers an objective with its score, status and explanation, as evaluate does', async () => {
    for (const tenant of h.tenants) {
      const evaluation = evaluate(await planInDatabase(h.db, tenant), { asOf: AS_OF });
      for (const [id, record] of Object.entries(evaluation.objectives)) {
        const res = await h.app.request(`/tenants/${tenant}/objectives/${encodeURIComponent(id)}`);
        expect(res.status).toBe(200);
        const body: unknown = await res.json();
        expect(body).toMatchObject({ objectiveId: id, score: record.score, status: record.status, grade: record.grade, asOf: AS_OF });
        expect(body).toMatchObject({ explanation: record.contributors.map((c) => ({ id: c.id, type: c.type, weight: c.weight, share: c.share, score: c.score })) });
      }
    }
    expect((await h.app.request(`/tenants/${h.tenants[0]}/objectives/no-such`)).status).toBe(404);
    expect((await h.app.request('/tenants/no-such-tenant/objectives/o1')).status).toBe(404);
  });

  it('refuses bad check-ins with a 400 naming the problem and its path, storing nothing', async () => {
    const tenant = h.tenants.find((t) => t.endsWith('xyz-corp')) ?? '';
    const good = { keyResultId: 'kr-sales-growth', at: '2026-08-20', value: 12 };
    const bad: [string, unknown, (string | number)[]][] = [
      ['unknown key result', { ...good, keyResultId: 'kr-nobody' }, ['keyResultId']],
      ['a date outside the cycle', { ...good, at: '2027-01-05' }, ['at']],
      ['an impossible date', { ...good, at: '2026-02-30' }, ['at']],
      ['a value that is not a number', { ...good, value: '12,5' }, ['value']],
      ['a value of the wrong type', { ...good, value: { $gt: 1 } }, ['value']],
      ['a value outside what okrkit takes', { ...good, value: '1e-9999999' }, ['value']],
      ['a NUL in the note', { ...good, note: 'ok\u0000; drop table check_ins;--' }, ['note']],
      ['half a surrogate pair in meta', { ...good, meta: { x: ['fine', 'bad \ud800'] } }, ['meta', 'x', 1]],
      ['an unknown field', { ...good, tenant_id: 'someone-else' }, []],
      ['an id too long', { ...good, id: 'x'.repeat(300) }, ['id']],
      ['a confidence above 1', { ...good, confidence: 7 }, ['confidence']],
      ['a body that is not JSON', '{"keyResultId": ', []],
    ];
    const objectives = await readScores(h.db, tenant);
    const count = await countRows(h.db, 'check_ins', tenant);
    for (const [name, body, path] of bad) {
      const reply = await post(h.app, tenant, body);
      expect(reply.status, name).toBe(400);
      expect(reply.body.error, name).toBe('invalid_check_in');
      expect(typeof reply.body.message === 'string' && reply.body.message.length > 10, name).toBe(true);
      expect(reply.body.issues, name).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    // A body not sent as JSON (a form or text/plain POST, which another site's page can send
    // without a CORS preflight) is refused before it is read.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const res = await h.app.request(`/tenants/${encodeURIComponent(tenant)}/check-ins`, {
        method: 'POST',
        headers: type === '' ? {} : { 'content-type': type },
        body: JSON.stringify(good),
      });
      expect(res.status, type).toBe(415);
    }
    expect(await countRows(h.db, 'check_ins', tenant)).toBe(count);
    expect(await readScores(h.db, tenant)).toEqual(objectives);
    // Hostile text PostgreSQL can hold is stored as written, and the JSON reply carries it safely.
    const hostile = '<script>alert(1)</script> \'; drop table tenants; -- Tăng';
    const ok = await post(h.app, tenant, { ...good, id: 'hostile-1', note: hostile });
    expect(ok.status).toBe(201);
    expect((await planInDatabase(h.db, tenant)).checkIns.find((c) => c.id === 'hostile-1')?.note).toBe(hostile);
    // The same id twice is a conflict, and the second is not stored.
    expect((await post(h.app, tenant, { ...good, id: 'hostile-1' })).status).toBe(409);
    expect(await countRows(h.db, 'check_ins', tenant)).toBe(count + 1);
    expect(await readScores(h.db, tenant)).toEqual(await expectedScores(h.db, tenant));
  });

  it('refuses a check-in on an aggregated key result, naming it', async () => {
    const tenant = h.tenants.find((t) => t.endsWith('saas-revenue')) ?? '';
    const plan = await planInDatabase(h.db, tenant);
    const aggregated = plan.keyResults.find((kr) => kr.kind === 'metric' && kr.aggregate !== undefined);
    if (aggregated === undefined) return;
    const count = await countRows(h.db, 'check_ins', tenant);
    const reply = await post(h.app, tenant, { keyResultId: aggregated.id, at: plan.cycles[0]?.start ?? AS_OF, value: 1 });
    expect(reply.status).toBe(400);
    expect(String(reply.body.message)).toContain(aggregated.id);
    expect(await countRows(h.db, 'check_ins', tenant)).toBe(count);
  });
});
