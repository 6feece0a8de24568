// Runs the HR service: `npm run hr-service` (PGlite in memory, seeded with
// examples/plans/*.json), or with DATABASE_URL=postgres://… against a PostgreSQL server.
// PORT (default 3000), AS_OF (default today in TZ_NAME, default UTC), PGLITE_DIR (keep
// PGlite's data in a folder), SEED=0 (do not seed a database that already has tenants).
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openDatabase } from './db.js';
import { seedPlans } from './seed.js';
import { createService } from './service.js';

const env = process.env;
const db = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
const service = createService({ db, asOf: env.AS_OF, timeZone: env.TZ_NAME });
const existing = await service.start();
const seeded = existing.length === 0 || env.SEED !== '0' ? await seedPlans(service) : [];
const port = Number(env.PORT ?? 3000);
const server = serve({ fetch: createApp(service).fetch, port, hostname: env.HOST ?? '127.0.0.1' }, (info) => {
  console.log(`hr-service on http://${info.address}:${info.port} (${db.kind}; tenants: ${[...new Set([...existing, ...seeded])].join(', ')})`);
  console.log(`try: curl http://127.0.0.1:${info.port}/tenants/xyz-corp/objectives/o-sales`);
});
const stop = () => {
  server.close();
  void db.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
