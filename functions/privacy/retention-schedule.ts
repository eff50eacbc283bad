/** The retention purge on a timer: once a day across the deployment, beside the outbox worker (server or `npm run worker`). */
import type { Kysely } from 'kysely';
import { type RetentionPeriods, retention } from '#functions/clinic/retention.ts';
import { errorSummary, log } from '#functions/log/log.ts';
import { claimScheduledRun, postponeScheduledRun } from '#functions/store/schedules.ts';
import type { Database } from '#functions/store/schema.ts';
import { purgeSummary } from './report.ts';
import { purgeExpired } from './retention-purge.ts';

export interface PurgeLogger {
  info(line: string): void;
  error(line: string): void;
}

export interface RetentionScheduleOptions {
  /** Between one run and the next, across every instance on the database; a day unless a test says otherwise. */
  intervalMs?: number;
  /** How often this instance looks whether a run is due (and retries one that failed). */
  lookEveryMs?: number;
  logger?: PurgeLogger;
  periods?: RetentionPeriods;
  clock?: () => Date;
}

export interface RetentionSchedule {
  /** Cancels the next look and waits for a run under way. */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;
const scheduleName = 'retention-purge';

/**
 * Purges once per interval (a day) across every instance on the database: each looks every `lookEveryMs`, and the
 * one that finds the purge due runs it (functions/store/schedules.ts), logging one line of counts, never a person's
 * details. A failed run is logged and due again at the next look. The timer does not keep the process alive.
 */
export function startRetentionSchedule(
  db: Kysely<Database>,
  {
    intervalMs = dayMs,
    lookEveryMs = Math.min(intervalMs, 15 * 60 * 1000),
    logger = log,
    periods = retention,
    clock = () => new Date(),
  }: RetentionScheduleOptions = {},
): RetentionSchedule {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const look = async (): Promise<void> => {
    let claimed = false;
    try {
      claimed = await claimScheduledRun(db, scheduleName, intervalMs);
      if (claimed) logger.info(purgeSummary(await purgeExpired(db, { now: clock(), periods })));
    } catch (error) {
      logger.error(`Retention purge failed, trying again at the next run: ${errorSummary(error)}`);
      if (claimed) await postponeScheduledRun(db, scheduleName, lookEveryMs).catch(() => {});
    }
    if (stopped) return;
    timer = setTimeout(() => {
      running = look();
    }, lookEveryMs);
    timer.unref();
  };
  let running = look();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
