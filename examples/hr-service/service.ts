// The service's state and rules: one live evaluation per tenant, kept in memory and
// rebuilt from the database (on start, after a failed write, or when the day changes);
// check-ins taken one at a time per tenant, each stored with its re-scored records in
// one transaction.
import { randomUUID } from 'node:crypto';
import { OkrkitError, createLiveEvaluation, evaluateColumns, parsePlan, type CheckIn, type LiveEvaluation } from 'okrkit';
import { checkAgainstPlan, checkBody, cyclesOfKeyResults, describe, type Problem } from './check-in-input.js';
import type { Database } from './db.js';
import { insertRecord, readPlan, writePlan } from './plan-rows.js';
import { recordEvaluation, replaceScores, rowsOfChanges, upsertScores } from './scores.js';

/** An HTTP answer: a status and a JSON body. */
export interface Reply {
  readonly status: 200 | 201 | 400 | 404 | 409;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface ServiceOptions {
  readonly db: Database;
  /** The date pace is judged at. Default: today in `timeZone` (evaluating without a date would judge every key result at its cycle's end). */
  readonly asOf?: string | undefined;
  /** The IANA time zone whose calendar day is "today" (default UTC). */
  readonly timeZone?: string | undefined;
}

interface TenantState {
  readonly asOf: string;
  readonly live: LiveEvaluation;
  readonly cycles: ReturnType<typeof cyclesOfKeyResults>;
  readonly titles: ReadonlyMap<string, string>;
  readonly checkInIds: Set<string>;
}

export interface Service {
  /** Rebuilds every tenant's live evaluation from the database and stores its scores. */
  start(): Promise<string[]>;
  /** Stores a plan as a tenant (replacing it) and scores it. */
  seed(tenant: string, plan: unknown): Promise<void>;
  postCheckIn(tenant: string, body: unknown): Promise<Reply>;
  getObjective(tenant: string, id: string): Promise<Reply>;
}

const today = (timeZone: string): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

export const invalid = (problems: readonly Problem[]): Reply => ({
  status: 400,
  body: { error: 'invalid_check_in', message: describe(problems), issues: problems },
});

const noTenant = (tenant: string): Reply => ({ status: 404, body: { error: 'unknown_tenant', message: `No tenant "${tenant}".` } });

/** Where in the posted check-in an okrkit error is: its structured params name the place (`where.checkInValue`: the value). */
function pathOf(error: OkrkitError): string[] {
  return JSON.stringify(error.params).includes('"where.checkInValue"') ? ['value'] : [];
}

/** A 400 or 409 for a value the database refused (SQLSTATE class 22: data, 23: a constraint), or null. */
function refusedByDatabase(error: unknown): Reply | null {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return null;
  if (error.code === '23505') return { status: 409, body: { error: 'duplicate_check_in', message: error.message } };
  if (!error.code.startsWith('22') && !error.code.startsWith('23')) return null;
  return invalid([{ path: [], code: `sqlstate_${error.code}`, message: `The database refused the check-in: ${error.message}` }]);
}

/** What the service's functions share. */
interface Context {
  readonly db: Database;
  readonly asOfNow: () => string;
  readonly states: Map<string, TenantState>;
  readonly queues: Map<string, Promise<unknown>>;
}

/** Runs `work` after every earlier piece of work for the same tenant. */
function serialized<T>(cx: Context, tenant: string, work: () => Promise<T>): Promise<T> {
  const next = (cx.queues.get(tenant) ?? Promise.resolve()).then(work, work);
  const tail = next.catch(() => undefined);
  cx.queues.set(tenant, tail);
  void tail.then(() => {
    if (cx.queues.get(tenant) === tail) cx.queues.delete(tenant);
  });
  return next;
}

/** Loads a tenant's plan from the database, stores its whole evaluation (evaluateColumns), and keeps a live one. */
async function rebuild(cx: Context, tenant: string): Promise<TenantState | null> {
  cx.states.delete(tenant);
  const input = await readPlan(cx.db, tenant);
  if (input === null) return null;
  const plan = parsePlan(input);
  const asOf = cx.asOfNow();
  await cx.db.transaction((tx) => replaceScores(tx, tenant, evaluateColumns(plan, { asOf })));
  const state: TenantState = {
    asOf,
    live: createLiveEvaluation(plan, { asOf }),
    cycles: cyclesOfKeyResults(plan),
    titles: new Map([...plan.objectives.map((o): [string, string] => [o.id, o.title]), ...plan.keyResults.map((k): [string, string] => [k.id, k.title])]),
    checkInIds: new Set(plan.checkIns.flatMap((c) => (c.id === undefined ? [] : [c.id]))),
  };
  cx.states.set(tenant, state);
  return state;
}

/** The tenant's live state: kept, or rebuilt when missing or judged on another day. */
async function stateOf(cx: Context, tenant: string): Promise<TenantState | null> {
  const state = cx.states.get(tenant);
  return state !== undefined && state.asOf === cx.asOfNow() ? state : rebuild(cx, tenant);
}

/** Stores a checked check-in and what it re-scored, in one transaction. */
async function store(cx: Context, tenant: string, state: TenantState, checkIn: CheckIn & { id: string }): Promise<Reply> {
  let applied = false;
  try {
    const changes = await cx.db.transaction(async (tx) => {
      // Writers of one tenant queue here, also across processes sharing the database.
      await tx.query('select id from tenants where id = $1::text for update', [tenant]);
      const changes = state.live.applyCheckIn(checkIn);
      applied = true;
      await insertRecord(tx, 'checkIns', tenant, checkIn);
      await upsertScores(tx, tenant, rowsOfChanges(changes));
      await recordEvaluation(tx, tenant, state.asOf, state.live.evaluation.cap);
      return changes;
    });
    state.checkInIds.add(checkIn.id);
    return { status: 201, body: { checkIn, rescored: { objectives: Object.keys(changes.objectives), keyResults: Object.keys(changes.keyResults) } } };
  } catch (error) {
    // The evaluation in memory took a check-in the database did not: rebuild it from the database.
    if (applied) cx.states.delete(tenant);
    if (error instanceof OkrkitError) {
      const issues = error.issues.length > 0 ? error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code })) : [{ path: pathOf(error), message: error.message, code: error.code }];
      return invalid(issues);
    }
    const refused = refusedByDatabase(error);
    if (refused !== null) return refused;
    throw error;
  }
}

/** Checks a posted check-in against the tenant's plan and stores it. Run serialized. */
async function takeCheckIn(cx: Context, tenant: string, checkIn: CheckIn): Promise<Reply> {
  const state = await stateOf(cx, tenant);
  if (state === null) return noTenant(tenant);
  const problem = checkAgainstPlan(checkIn, state.cycles, state.asOf);
  if (problem !== null) return invalid([problem]);
  const id = checkIn.id ?? randomUUID();
  if (state.checkInIds.has(id)) return { status: 409, body: { error: 'duplicate_check_in', message: `A check-in with the id "${id}" is already stored.` } };
  return store(cx, tenant, state, { ...checkIn, id });
}

/** Writes a plan as a tenant (check-ins get ids: rows need them) and scores it. Run serialized. */
async function seedTenant(cx: Context, tenant: string, input: unknown): Promise<void> {
  const plan = parsePlan(input);
  const used = new Set(plan.checkIns.flatMap((c) => (c.id === undefined ? [] : [c.id])));
  const checkIns = plan.checkIns.map((c, i) => {
    let id = c.id ?? `ci-${i + 1}`;
    while (c.id === undefined && used.has(id)) id = `${id}-${randomUUID().slice(0, 8)}`;
    used.add(id);
    return { ...c, id };
  });
  await cx.db.transaction((tx) => writePlan(tx, tenant, { ...plan, checkIns }));
  await rebuild(cx, tenant);
}

/** An objective's score, status and explanation from the live evaluation. Run serialized. */
async function answerObjective(cx: Context, tenant: string, id: string): Promise<Reply> {
  const state = await stateOf(cx, tenant);
  if (state === null) return noTenant(tenant);
  const record = state.live.evaluation.objectives[id];
  if (record === undefined) return { status: 404, body: { error: 'unknown_objective', message: `No objective "${id}" in tenant "${tenant}".` } };
  const { objectiveId, score, computedScore, overridden, expected, status, confidence, grade, contributors } = record;
  const explanation = contributors.map((c) => ({ ...c, title: c.type === 'initiatives' ? 'Initiatives' : (state.titles.get(c.id) ?? c.id) }));
  return {
    status: 200,
    body: { tenant, objectiveId, title: state.titles.get(id) ?? id, asOf: state.asOf, score, computedScore, overridden, expected, status, confidence, grade, explanation },
  };
}

export function createService(options: ServiceOptions): Service {
  const cx: Context = {
    db: options.db,
    asOfNow: () => options.asOf ?? today(options.timeZone ?? 'UTC'),
    states: new Map(),
    queues: new Map(),
  };
  return {
    async start() {
      const rows = await cx.db.query('select id from tenants order by id');
      const tenants = rows.map((r) => String(r.id));
      for (const tenant of tenants) await serialized(cx, tenant, () => rebuild(cx, tenant));
      return tenants;
    },
    seed: (tenant, input) => serialized(cx, tenant, () => seedTenant(cx, tenant, input)),
    postCheckIn(tenant, body) {
      const checked = checkBody(body);
      if (!checked.ok) return Promise.resolve(invalid(checked.problems));
      return serialized(cx, tenant, () => takeCheckIn(cx, tenant, checked.checkIn));
    },
    getObjective: (tenant, id) => serialized(cx, tenant, () => answerObjective(cx, tenant, id)),
  };
}
