/** The retention purge on a timer: daily beside the outbox worker, in the server or in `npm run worker`. */
import type { Kysely } from 'kysely';
import { type RetentionPeriods, retention } from '#functions/clinic/retention.ts';
import { errorSummary, log } from '#functions/log/log.ts';
import type { Database } from '#functions/store/schema.ts';
import { purgeSummary } from './report.ts';
import { purgeExpired } from './retention-purge.ts';

export interface PurgeLogger {
  info(line: string): void;
  error(line: string): void;
}

export interface RetentionScheduleOptions {
  /** Between the end of one run and the start of the next; a day unless a test says otherwise. */
  intervalMs?: number;
  logger?: PurgeLogger;
  periods?: RetentionPeriods;
  clock?: () => Date;
}

export interface RetentionSchedule {
  /** Cancels the next run and waits for one under way. */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Purges at once, then again every `intervalMs` (a day), logging one line of counts per run and never a
 * person's details. A failed run is logged and the schedule goes on. The timer does not keep the process alive.
 */
export function startRetentionSchedule(
  db: Kysely<Database>,
  { intervalMs = dayMs, logger = log, periods = retention, clock = () => new Date() }: RetentionScheduleOptions = {},
): RetentionSchedule {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    try {
      logger.info(purgeSummary(await purgeExpired(db, { now: clock(), periods })));
    } catch (error) {
      logger.error(`Retention purge failed, trying again at the next run: ${errorSummary(error)}`);
    }
    if (stopped) return;
    timer = setTimeout(() => {
      running = run();
    }, intervalMs);
    timer.unref();
  };
  let running = run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
