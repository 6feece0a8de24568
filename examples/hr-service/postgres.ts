// The PostgreSQL server adapter, through `pg`'s connection pool. A transaction takes one
// connection for its whole length; other tenants' transactions run beside it.
import pg from 'pg';
import type { Database, Param, Row } from './db.js';

export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  return {
    kind: 'postgres',
    async query(sql, params: readonly Param[] = []): Promise<Row[]> {
      return (await pool.query<Row>(sql, [...params])).rows;
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work({ query: async (sql, params = []) => (await client.query<Row>(sql, [...params])).rows });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
