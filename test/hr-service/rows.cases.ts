// The plan's way through the database: rows written from a plan and read back give the
// same plan (numbers as the same decimals), check-in values and text survive exactly, the
// rows of evaluateColumns equal those of evaluate, and a write the database refuses leaves
// neither a row nor a stale evaluation behind. service.test.ts runs these on each backend
// with the database it opened (starting PGlite once per file is what takes time).
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { evaluate, evaluateColumns, parsePlan } from 'okrkit';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../examples/hr-service/db.js';
import { insertRecord, readPlan, writePlan } from '../../examples/hr-service/plan-rows.js';
import { keyResultRow, objectiveRow, readScores, rowsOfColumns } from '../../examples/hr-service/scores.js';
import { AS_OF, bundledPlans, countRows, expectedScores, planInDatabase, post, runPrefix, startHarness } from './harness.js';

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The plan with every number and decimal string as one canonical decimal text, and no check-in ids (the database adds them). */
function canonical(value: unknown): unknown {
  if (typeof value === 'number' || (typeof value === 'string' && DECIMAL.test(value))) return new Decimal(value).toString();
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
}

export function planRowsCases(database: () => Database): void {
  const prefix = runPrefix();
  describe('plan rows', () => {
  it('reads back every bundled plan as written, and evaluates it the same', async () => {
    const db = database();
    for (const [file, input] of bundledPlans()) {
      const name = prefix + file;
      const parsed = parsePlan(input);
      const plan = { ...parsed, checkIns: parsed.checkIns.map((c, i) => ({ ...c, id: c.id ?? `ci-${i}` })) };
      await db.transaction((tx) => writePlan(tx, name, plan));
      const back = parsePlan(await readPlan(db, name));
      expect(canonical(back), name).toEqual(canonical(plan));
      expect(evaluate(back, { asOf: AS_OF }), name).toEqual(evaluate(plan, { asOf: AS_OF }));
      // evaluateColumns, which the service stores whole evaluations with, gives evaluate's rows.
      const rows = rowsOfColumns(evaluateColumns(back, { asOf: AS_OF }));
      const evaluation = evaluate(back, { asOf: AS_OF });
      expect(rows.objectives).toEqual(Object.values(evaluation.objectives).map(objectiveRow));
      expect(rows.keyResults).toEqual(Object.values(evaluation.keyResults).map(keyResultRow));
    }
  });

  it('keeps check-in values as exact decimals and text as written (property)', async () => {
    const plan = parsePlan({
      cycles: [{ id: 'q', name: 'Q', start: '2026-07-01', end: '2026-09-30' }],
      objectives: [{ id: 'o', title: 'O', cycleId: 'q' }],
      keyResults: [{ id: 'k', objectiveId: 'o', title: 'K', kind: 'metric', start: 0, target: 10 }],
    });
    const db = database();
    const tenant = `${prefix}prop`;
    await db.transaction((tx) => writePlan(tx, tenant, plan));
    const decimal = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: -25, max: 9 })).map(([n, e]) => `${n}e${e}`);
    const value = fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e20, max: 1e20 }).filter((x) => x === 0 || Math.abs(x) >= 1e-30), fc.integer());
    // Any text PostgreSQL can hold: no NUL, no half surrogate pair (the service refuses those).
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(value, text, fc.date({ min: new Date('2026-07-01'), max: new Date('2026-09-30T23:59:59Z'), noInvalidDate: true }), async (v, note, when) => {
        const id = `p${n++}`;
        const at = when.toISOString().replace(/\.\d+Z$/, '+07:00');
        const checkIn = parsePlan({ ...plan, checkIns: [{ id, keyResultId: 'k', at, value: v, note }] }).checkIns[0];
        if (checkIn === undefined) throw new Error('no check-in');
        await db.transaction((tx) => insertRecord(tx, 'checkIns', tenant, checkIn));
        const stored = parsePlan(await readPlan(db, tenant)).checkIns.find((c) => c.id === id);
        expect(stored?.at).toBe(at);
        expect(stored?.note).toBe(checkIn.note);
        expect(new Decimal(String(stored?.value)).eq(new Decimal(String(v)))).toBe(true);
      }),
      { numRuns: 60 },
    );
    await db.query('delete from tenants where id like $1::text', [`${prefix}%`]);
  });
  });
}

/** A write the database refuses (injected) stores nothing and leaves no stale evaluation. */
export function refusedWriteCases(database: () => Database): void {
  it('stores nothing when the database refuses a write, answers 500, and answers next from the database', async () => {
    let fail = false;
    const db = database();
    const h = await startHarness({
      ...db,
      transaction: (work) =>
        db.transaction((tx) =>
          work({
            query: (sql, params) => {
              if (fail && sql.startsWith('insert into check_ins')) throw new Error('disk full (injected)');
              return tx.query(sql, params);
            },
          }),
        ),
    }, ['xyz-corp']);
    try {
      const tenant = h.tenants.find((t) => t.endsWith('xyz-corp')) ?? '';
      const count = await countRows(h.db, 'check_ins', tenant);
      const scores = await readScores(h.db, tenant);
      fail = true;
      const errors: unknown[] = [];
      const log = console.error;
      console.error = (e: unknown) => errors.push(e);
      // On the day of the latest check-in, with an id after it: it would be the latest.
      const refused = { id: 'zz-refused', keyResultId: 'kr-sales-growth', at: '2026-09-30', value: 19 };
      const reply = await post(h.app, tenant, refused);
      console.error = log;
      fail = false;
      expect(reply.status).toBe(500);
      expect(JSON.stringify(reply.body)).not.toContain('disk full');
      expect(errors).toHaveLength(1);
      expect(await countRows(h.db, 'check_ins', tenant)).toBe(count);
      expect(await readScores(h.db, tenant)).toEqual(scores);
      // The evaluation in memory had taken the check-in; it must not answer with it.
      const res = await h.app.request(`/tenants/${tenant}/objectives/o-sales`);
      const expected = (await expectedScores(h.db, tenant)).objectives.find((o) => o.objective_id === 'o-sales')?.score;
      const plan = await planInDatabase(h.db, tenant);
      const withRefused = evaluate({ ...plan, checkIns: [...plan.checkIns, refused] }, { asOf: AS_OF }).objectives['o-sales']?.score;
      expect(withRefused).not.toBe(expected);
      expect(await res.json()).toMatchObject({ score: expected });
    } finally {
      await h.close();
    }
  });
}
