// The PGlite adapter: PostgreSQL compiled to WebAssembly, in this process. No server to
// install; in memory unless a data directory is given. One connection: a transaction holds
// the database until it ends.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Param, Queryable, Row } from './db.js';

export async function openPGlite(dataDir?: string): Promise<Database> {
  const pg = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const query = async (runner: Pick<PGlite, 'query'>, sql: string, params: readonly Param[] = []): Promise<Row[]> =>
    (await runner.query<Row>(sql, [...params])).rows;
  return {
    kind: 'pglite',
    query: (sql, params) => query(pg, sql, params),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (work) =>
      pg.transaction((tx) => {
        const inside: Queryable = { query: (sql, params) => query(tx, sql, params) };
        return work(inside);
      }),
    close: () => pg.close(),
  };
}
