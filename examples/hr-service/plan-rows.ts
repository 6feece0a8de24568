// A plan into rows and rows back into a plan. Writing takes a parsed plan; reading gives
// the plain JSON `parsePlan` takes (PlanInput), so what comes out of the database is
// checked exactly like a file would be.
import type { Plan } from 'okrkit';
import type { Param, Queryable, Row } from './db.js';
import { TABLES, type Column, type Table } from './tables.js';

type Json = Readonly<Record<string, unknown>>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The value at `path` in a record, or undefined. */
function fieldAt(record: Json, path: readonly string[]): unknown {
  let here: unknown = record;
  for (const key of path) {
    if (!isObject(here)) return undefined;
    here = here[key];
  }
  return here;
}

/** Sets the value at `path`, making the objects on the way. */
function setAt(record: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let here = record;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      here[key] = value;
      return;
    }
    const next = here[key];
    const inner: Record<string, unknown> = isObject(next) ? { ...next } : {};
    here[key] = inner;
    here = inner;
  });
}

/** One field as the text parameter of its column (weights take two columns). */
function toParams(column: Column, value: unknown): Param[] {
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  if (column.as === 'weight') return value === 'target' ? [null, 'true'] : [text, 'false'];
  if (value === undefined || value === null) return [null];
  if (column.as === 'json') return [JSON.stringify(value)];
  if (column.as === 'bool') return [value === true ? 'true' : 'false'];
  return [text];
}

const SQL_TYPE: Readonly<Record<Column['as'], string>> = {
  text: 'text', exact: 'numeric', number: 'numeric', int: 'integer', date: 'date', bool: 'boolean', json: 'jsonb', weight: 'numeric',
};

/** The insert statement of a table: every parameter passed as text and cast in SQL. */
function insertSql(t: Table): string {
  const names = ['tenant_id'];
  const casts = ['text'];
  for (const c of t.columns) {
    names.push(c.column);
    casts.push(SQL_TYPE[c.as]);
    if (c.as === 'weight') {
      names.push('weight_by_target');
      casts.push('boolean');
    }
  }
  if (t.extra) {
    names.push('extra');
    casts.push('jsonb');
  }
  if (t.day) {
    names.push('day');
    casts.push('date');
  }
  const values = casts.map((cast, i) => `$${i + 1}::text::${cast}`);
  return `insert into ${t.table} (${names.join(', ')}) values (${values.join(', ')})`;
}

/** The parameters of one record's row. */
export function rowParams(t: Table, tenant: string, record: Json): Param[] {
  const params: Param[] = [tenant];
  for (const c of t.columns) params.push(...toParams(c, fieldAt(record, c.path)));
  if (t.extra) {
    const own = new Set(t.columns.map((c) => c.path[0]));
    params.push(JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => !own.has(key)))));
  }
  if (t.day) {
    const at = record.at;
    params.push(typeof at === 'string' ? at.slice(0, 10) : null);
  }
  return params;
}

/** The table a collection is stored in. */
export function tableOf(collection: Table['collection']): Table {
  const t = TABLES.find((x) => x.collection === collection);
  if (t === undefined) throw new Error(`no table for ${collection}`);
  return t;
}

/** Inserts one record of a collection (a check-in, say). */
export async function insertRecord(tx: Queryable, collection: Table['collection'], tenant: string, record: Json): Promise<void> {
  const t = tableOf(collection);
  await tx.query(insertSql(t), rowParams(t, tenant, record));
}

/** Writes a whole plan as tenant `tenant`, replacing what the tenant held. Run it in a transaction. */
export async function writePlan(tx: Queryable, tenant: string, plan: Plan): Promise<void> {
  await tx.query('delete from tenants where id = $1::text', [tenant]);
  await tx.query('insert into tenants (id, name, meta) values ($1::text, $2::text, $3::text::jsonb)', [
    tenant,
    plan.name ?? null,
    plan.meta === undefined ? null : JSON.stringify(plan.meta),
  ]);
  for (const t of TABLES) {
    const records: readonly Json[] = plan[t.collection];
    const sql = insertSql(t);
    for (const record of records) await tx.query(sql, rowParams(t, tenant, record));
  }
}

/** The select list of a table: everything as text, so both drivers return the same strings. */
function selectSql(t: Table): string {
  const parts = t.columns.map((c) => {
    if (c.as === 'date') return `to_char(${c.column}, 'YYYY-MM-DD') as ${c.column}`;
    if (c.as === 'bool') return c.column;
    if (c.as === 'weight') return `${c.column}::text as ${c.column}, weight_by_target`;
    return `${c.column}::text as ${c.column}`;
  });
  if (t.extra) parts.push('extra::text as extra');
  return `select ${parts.join(', ')} from ${t.table} where tenant_id = $1::text order by seq`;
}

/** One field back from its column's value, or undefined for NULL. */
function fromColumn(c: Column, row: Row): unknown {
  if (c.as === 'weight' && row.weight_by_target === true) return 'target';
  const v = row[c.column];
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return v;
  const text = typeof v === 'string' ? v : typeof v === 'number' ? String(v) : JSON.stringify(v);
  if (c.as === 'number' || c.as === 'int') return Number(text);
  if (c.as === 'json') return JSON.parse(text);
  return text;
}

/** A row back into a record. */
function recordOf(t: Table, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const c of t.columns) {
    const value = fromColumn(c, row);
    if (value !== undefined) setAt(record, c.path, value);
  }
  if (t.extra && typeof row.extra === 'string') {
    const extra: unknown = JSON.parse(row.extra);
    if (isObject(extra)) Object.assign(record, extra);
  }
  return record;
}

/** A tenant's plan as plain JSON for `parsePlan`, or null when there is no such tenant. */
export async function readPlan(db: Queryable, tenant: string): Promise<Record<string, unknown> | null> {
  const [head] = await db.query('select name, meta::text as meta from tenants where id = $1::text', [tenant]);
  if (head === undefined) return null;
  const plan: Record<string, unknown> = {};
  if (typeof head.name === 'string') plan.name = head.name;
  if (typeof head.meta === 'string') plan.meta = JSON.parse(head.meta);
  for (const t of TABLES) {
    const rows = await db.query(selectSql(t), [tenant]);
    plan[t.collection] = rows.map((row) => recordOf(t, row));
  }
  return plan;
}
