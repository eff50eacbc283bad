/** The outbox worker and the retention purge as the settings configure them: in the server, or `npm run worker`. */
import type { Kysely } from 'kysely';
import { log } from '#functions/log/log.ts';
import { preferencesUrls } from '#functions/preferences/preference-links.ts';
import { type RetentionSchedule, startRetentionSchedule } from '#functions/privacy/retention-schedule.ts';
import { defaultSiteUrl, type Settings } from '#functions/settings/settings.ts';
import type { Database } from '#functions/store/schema.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { configuredDeliveries } from './configured-deliveries.ts';
import { sharedRequestBudgets } from './request-budgets.ts';
import { startWorker, type Worker } from './worker.ts';

/** Starts the worker with the deliveries the settings configure, and says which are left out. */
export function startConfiguredWorker(db: Kysely<Database>, settings: Settings): Worker {
  const { deliveries, missing } = configuredDeliveries(settings, {
    preferencesUrl: preferencesUrls(settings.SITE_URL ?? defaultSiteUrl, () =>
      linkSigningKey(db, settings.LINK_SIGNING_KEY),
    ),
    budgets: sharedRequestBudgets(db, settings),
  });
  if (missing.length > 0) log.warn(`Outbox deliveries left out, not set: ${missing.join(', ')}`);
  return startWorker({ db, deliveries });
}

/** The daily purge beside the outbox worker, unless RETENTION=off leaves it to cron. */
export function startConfiguredRetention(db: Kysely<Database>, settings: Settings): RetentionSchedule | undefined {
  if (settings.RETENTION === 'on') return startRetentionSchedule(db);
  log.info('Retention purge off (RETENTION=off): run `npm run privacy -- purge` daily');
  return undefined;
}

/**
 * The worker inside the server, on the server's store (an embedded PGlite database can be opened by one process
 * only, so this is how its jobs get delivered). WORKER=off leaves delivery to `npm run worker`. The retention
 * purge runs beside it on the same store, daily (RETENTION=off leaves it to a cron job).
 */
export function startInProcessWorker(settings: Settings, db: Kysely<Database>): Worker {
  if (settings.WORKER === 'off') {
    log.info('Outbox worker off (WORKER=off): run `npm run worker` to deliver leads');
    return { stop: async () => {} };
  }
  const worker = startConfiguredWorker(db, settings);
  const purge = startConfiguredRetention(db, settings);
  return {
    async stop() {
      await Promise.all([worker.stop(), purge?.stop()]);
    },
  };
}
