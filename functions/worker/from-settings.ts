/** The outbox worker and the retention purge as the settings configure them: in the server, or `npm run worker`. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { type RetentionSchedule, startRetentionSchedule } from '#functions/privacy/retention-schedule.ts';
import type { Settings } from '#functions/settings/settings.ts';
import type { Database } from '#functions/store/schema.ts';
import { configuredDeliveries } from './configured-deliveries.ts';
import { startWorker, type Worker } from './worker.ts';

/** Starts the worker with the deliveries the settings configure, and says which are left out. */
export function startConfiguredWorker(db: Kysely<Database>, settings: Settings): Worker {
  const { deliveries, missing } = configuredDeliveries(settings);
  if (missing.length > 0) console.warn(`Outbox deliveries left out, not set: ${missing.join(', ')}`);
  return startWorker({ db, deliveries });
}

/** The daily purge beside the outbox worker, unless RETENTION=off leaves it to cron. */
export function startConfiguredRetention(db: Kysely<Database>, settings: Settings): RetentionSchedule | undefined {
  if (settings.RETENTION === 'on') return startRetentionSchedule(db);
  console.log('Retention purge off (RETENTION=off): run `npm run privacy -- purge` daily');
  return undefined;
}

const storeRetryMs = 30_000;

/**
 * The worker inside the server, on the process's store (an embedded PGlite database can be opened by one
 * process only, so this is how its jobs get delivered). WORKER=off leaves delivery to `npm run worker`.
 * The retention purge runs beside it on the same store, daily (RETENTION=off leaves it to a cron job).
 * A store that does not open yet (PostgreSQL still starting) is tried again until it does.
 */
export function startInProcessWorker(settings: Settings, database: () => Promise<Kysely<Database>>): Worker {
  if (settings.WORKER === 'off') {
    console.log('Outbox worker off (WORKER=off): run `npm run worker` to deliver leads');
    return { stop: async () => {} };
  }
  const stopping = new AbortController();
  const started = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const db = await database();
        if (stopping.signal.aborted) return undefined;
        const worker = startConfiguredWorker(db, settings);
        const purge = startConfiguredRetention(db, settings);
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
