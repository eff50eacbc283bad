import { type Kysely, sql } from 'kysely';

/**
 * The language of the page a booking request, a newsletter sign-up or a rights request came from: what is sent to
 * the person afterwards is written in it, and staff answer in it. Rows from before were all taken on English pages.
 * Frozen once released, like every migration: the allowed values are spelled out here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['booking_requests', 'newsletter_subscriptions', 'rights_requests']) {
    await db.schema
      .alterTable(table)
      .addColumn('locale', 'text', (column) => column.notNull().defaultTo('en').check(sql`locale in ('en', 'hi')`))
      .execute();
  }
}
