/**
 * Tasks that must run once per period across every instance on the database (the daily retention purge): each
 * instance looks now and then, and the one whose look finds the task due moves its next run on in the same
 * statement, so no other instance finds it due too. Times are the database's.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

const afterMs = (ms: number) => sql<Date>`now() + ${ms} * interval '1 millisecond'`;

/** Whether this caller runs the task now; if so, the next run is due `periodMs` from now. */
export function claimScheduledRun(db: Kysely<Database>, name: string, periodMs: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // Due at once the first time any instance looks.
    await trx
      .insertInto('schedules')
      .values({ name, next_run_at: sql<Date>`now()` })
      .onConflict((conflict) => conflict.column('name').doNothing())
      .execute();
    const claimed = await trx
      .updateTable('schedules')
      .set({ next_run_at: afterMs(periodMs) })
      .where('name', '=', name)
      .where('next_run_at', '<=', sql<Date>`now()`)
      .returning('name')
      .executeTakeFirst();
    return claimed !== undefined;
  });
}

/** A claimed run failed: it is due again after `retryMs`, for whichever instance looks then. */
export async function postponeScheduledRun(db: Kysely<Database>, name: string, retryMs: number): Promise<void> {
  await db
    .updateTable('schedules')
    .set({ next_run_at: afterMs(retryMs) })
    .where('name', '=', name)
    .execute();
}
