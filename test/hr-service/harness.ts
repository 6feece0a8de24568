// What the hr-service tests share: a database (PGlite in-process, or the PostgreSQL server
// DATABASE_URL names), a service over it seeded with the bundled plans, and the evaluation
// of what the database holds, computed afresh with okrkit.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { evaluate, parsePlan, type Plan } from 'okrkit';
import { createApp } from '../../examples/hr-service/app.js';
import type { Database } from '../../examples/hr-service/db.js';
import { readPlan } from '../../examples/hr-service/plan-rows.js';
import { keyResultRow, objectiveRow, readScores } from '../../examples/hr-service/scores.js';
import { createService, type Service } from '../../examples/hr-service/service.js';

export const AS_OF = '2026-12-31';
const PLANS = new URL('../../examples/plans/', import.meta.url);

/** The bundled plans, by file name without `.json`. */
export function bundledPlans(): Map<string, unknown> {
  const files = readdirSync(PLANS).filter((f) => f.endsWith('.json')).sort();
  return new Map(files.map((f) => [basename(f, '.json'), JSON.parse(readFileSync(new URL(f, PLANS), 'utf8'))]));
}

export interface Backend {
  readonly name: string;
  readonly url: string | undefined;
}

/** PGlite always; the PostgreSQL server too when DATABASE_URL is set. */
export const BACKENDS: readonly Backend[] = [
  { name: 'PGlite (in-process)', url: undefined },
  ...(process.env.DATABASE_URL ? [{ name: 'PostgreSQL server (DATABASE_URL)', url: process.env.DATABASE_URL }] : []),
];

export interface Harness {
  readonly db: Database;
  readonly service: Service;
  readonly app: ReturnType<typeof createApp>;
  /** Tenant names: a run-specific prefix and the plan's file name. */
  readonly tenants: readonly string[];
  /** Deletes the tenants (the database stays open). */
  close(): Promise<void>;
}

/** A run-specific prefix for tenant names: a shared server holds other runs' tenants too. */
export const runPrefix = (): string => `t${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}-`;

/** A service over `db` with the bundled plans (or `only` those) seeded as tenants. */
export async function startHarness(db: Database, only?: readonly string[]): Promise<Harness> {
  const service = createService({ db, asOf: AS_OF });
  const prefix = runPrefix();
  const tenants: string[] = [];
  for (const [name, plan] of bundledPlans()) {
    if (only !== undefined && !only.includes(name)) continue;
    await service.seed(prefix + name, plan);
    tenants.push(prefix + name);
  }
  return {
    db,
    service,
    app: createApp(service),
    tenants,
    async close() {
      await db.query('delete from tenants where id like $1::text', [`${prefix}%`]);
    },
  };
}

/** A tenant's plan as the database holds it now, read afresh. */
export async function planInDatabase(db: Database, tenant: string): Promise<Plan> {
  return parsePlan(await readPlan(db, tenant));
}

/** The score rows `evaluate` gives for that plan, ordered as readScores orders them. */
export async function expectedScores(db: Database, tenant: string): Promise<Awaited<ReturnType<typeof readScores>>> {
  const evaluation = evaluate(await planInDatabase(db, tenant), { asOf: AS_OF });
  const byId = <T>(rows: T[], id: (r: T) => string) => rows.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  return {
    objectives: byId(Object.values(evaluation.objectives).map(objectiveRow), (r) => r.objective_id),
    keyResults: byId(Object.values(evaluation.keyResults).map(keyResultRow), (r) => r.key_result_id),
  };
}

export async function countRows(db: Database, table: 'check_ins' | 'objective_scores' | 'key_result_scores', tenant: string): Promise<number> {
  const [row] = await db.query(`select count(*)::int as n from ${table} where tenant_id = $1::text`, [tenant]);
  return Number(row?.n);
}

export async function post(app: Harness['app'], tenant: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request(`/tenants/${encodeURIComponent(tenant)}/check-ins`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const parsed: unknown = await res.json();
  return { status: res.status, body: typeof parsed === 'object' && parsed !== null ? { ...parsed } : {} };
}
