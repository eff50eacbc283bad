import type { Kysely } from 'kysely';

/** Booking and rights requests sent faster than people usually manage: kept, and marked for whoever follows them up. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['booking_requests', 'rights_requests']) {
    await db.schema
      .alterTable(table)
      .addColumn('sent_quickly', 'boolean', (column) => column.notNull().defaultTo(false))
      .execute();
  }
}
