/** The outbox worker as the environment configures it: in the server's process, or as `npm run worker`. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { startRetentionFromEnv } from '../privacy/retention-purge.ts';
import { getStore } from '../store/instance.ts';
import { storeConfigFromEnv } from '../store/open.ts';
import type { Database } from '../store/schema.ts';
import { configuredDeliveries } from './configured-deliveries.ts';
import { startWorker, type Worker } from './worker.ts';

type Env = Record<string, string | undefined>;

/** Starts the worker with the deliveries the environment has settings for, and says which are left out. */
export function startWorkerFromEnv(db: Kysely<Database>, env: Env): Worker {
  const { deliveries, missing } = configuredDeliveries(env);
  if (missing.length > 0) console.warn(`Outbox deliveries left out, not set: ${missing.join(', ')}`);
  return startWorker({ db, deliveries });
}

const storeRetryMs = 30_000;

/**
 * The worker inside the server, on the process's store (an embedded PGlite database can be opened by one
 * process only, so this is how its jobs get delivered). WORKER=off leaves delivery to `npm run worker`.
 * The retention purge runs beside it on the same store, daily (RETENTION=off leaves it to a cron job).
 * A store that does not open yet (PostgreSQL still starting) is tried again until it does.
 */
export function startInProcessWorker(env: Env): Worker {
  if (env.WORKER === 'off') {
    console.log('Outbox worker off (WORKER=off): run `npm run worker` to deliver leads');
    return { stop: async () => {} };
  }
  const stopping = new AbortController();
  const started = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const store = await getStore(storeConfigFromEnv(env));
        if (stopping.signal.aborted) return undefined;
        const worker = startWorkerFromEnv(store.db, env);
        const purge = startRetentionFromEnv(store.db, env);
        return {
          async stop() {
            await Promise.all([worker.stop(), purge?.stop()]);
          },
        };
      } catch (error) {
        console.error(`Outbox worker: the store did not open, trying again in ${storeRetryMs / 1000} s`, error);
        await sleep(storeRetryMs, undefined, { signal: stopping.signal }).catch(() => {});
      }
    }
    return undefined;
  })();
  return {
    async stop() {
      stopping.abort();
      await (await started)?.stop();
    },
  };
}
