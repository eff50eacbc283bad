import type { Kysely } from 'kysely';

/** When each scheduled task (the daily retention purge) is next due, for every instance on the database to share. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('schedules')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('next_run_at', 'timestamptz', (column) => column.notNull())
    .execute();
}
