import type { Kysely } from 'kysely';

/**
 * The requests every instance has made of a rate-limited provider (HubSpot, Resend) in the last window, and how
 * long the provider asked everyone to wait: one budget for the whole deployment. Holds times only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provider_budgets')
    .addColumn('provider', 'text', (column) => column.primaryKey())
    .addColumn('blocked_until', 'timestamptz')
    .execute();
  await db.schema
    .createTable('provider_requests')
    .addColumn('provider', 'text', (column) => column.notNull().references('provider_budgets.provider'))
    .addColumn('made_at', 'timestamptz', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('provider_requests_by_time')
    .on('provider_requests')
    .columns(['provider', 'made_at'])
    .execute();
}
