import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // An unsubscribe tells the CRM too, through the outbox like every other delivery.
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_kind_check',
      sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal')`,
    )
    .execute();

  // Keys for signed links (newsletter confirmation, unsubscribe), made on first use when none is configured,
  // so every instance on one database signs and checks with the same key.
  await db.schema
    .createTable('site_secrets')
    .addColumn('name', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_secrets').execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_kind_check',
      sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation')`,
    )
    .execute();
}
