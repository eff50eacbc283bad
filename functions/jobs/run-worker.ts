/**
 * `npm run worker`: the outbox worker as a process of its own, for deployments that run the server with
 * WORKER=off (several web instances, one worker, or a worker scaled on its own). It needs PostgreSQL: the
 * embedded database can be opened by one process only, and that is the server, whose own worker delivers.
 */
import { startRetentionFromEnv } from '../privacy/retention-purge.ts';
import { openStore } from '../store/open.ts';
import { startWorkerFromEnv } from './worker-from-env.ts';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    'npm run worker needs DATABASE_URL (a PostgreSQL server). The embedded database (DATA_DIR) can be opened by ' +
      'one process only: with it, the server delivers the outbox itself (leave WORKER unset).',
  );
  process.exit(2);
}

const store = await openStore({ databaseUrl, dataDir: '.data' });
const worker = startWorkerFromEnv(store.db, process.env);
// With the servers' workers off (WORKER=off), this process runs the daily retention purge too.
const purge = startRetentionFromEnv(store.db, process.env);

function shutdown(signal: string) {
  console.log(`${signal} received, stopping the outbox worker`);
  // Exits without waiting for deliveries given up on at the grace period: their jobs were given back.
  Promise.all([worker.stop(), purge?.stop()])
    .then(() => store.close())
    .finally(() => process.exit(0));
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
