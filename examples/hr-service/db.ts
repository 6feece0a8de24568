// One small database interface with two adapters: PGlite (PostgreSQL in-process, the
// default) and a PostgreSQL server through `pg` (when DATABASE_URL is set). The service's
// SQL is the same for both: every parameter is passed as text (or null) and cast in the
// SQL (`$1::text::numeric`), so neither driver's type guessing decides anything.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A row as a driver returns it. */
export type Row = Readonly<Record<string, unknown>>;

/** A parameter: text, or null for SQL NULL. */
export type Param = string | null;

/** Something that runs one statement: the database, or a transaction. */
export interface Queryable {
  query(sql: string, params?: readonly Param[]): Promise<Row[]>;
}

/** The database the service talks to. */
export interface Database extends Queryable {
  /** Which adapter this is. */
  readonly kind: 'pglite' | 'postgres';
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** okrkit's tables, as the package ships them (`okrkit/postgres.sql`). */
export function okrkitTables(): string {
  const path = createRequire(import.meta.url).resolve('okrkit/postgres.sql');
  return readFileSync(path, 'utf8');
}

/**
 * Opens the database: a PostgreSQL server when `url` is given, else PGlite (in memory,
 * or in `dataDir` when given), and creates okrkit's tables if they are missing.
 */
export async function openDatabase(options: { readonly url?: string | undefined; readonly dataDir?: string | undefined } = {}): Promise<Database> {
  const db = options.url !== undefined && options.url !== ''
    ? (await import('./postgres.js')).openPostgres(options.url)
    : await (await import('./pglite.js')).openPGlite(options.dataDir);
  await db.exec(okrkitTables());
  return db;
}
