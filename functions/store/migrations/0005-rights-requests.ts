import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rights_requests')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (column) => column.notNull().unique())
    .addColumn('reference', 'text', (column) => column.notNull().unique())
    .addColumn('request_type', 'text', (column) =>
      column
        .notNull()
        .check(
          sql`request_type in ('access', 'correction', 'erasure', 'stop-marketing', 'restriction', 'portability', 'nomination', 'grievance')`,
        ),
    )
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('mobile_e164', 'text')
    .addColumn('requester_role', 'text', (column) =>
      column.notNull().check(sql`requester_role in ('self', 'parent-or-guardian', 'authorised-person')`),
    )
    .addColumn('subject_name', 'text')
    .addColumn('details', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('rights_requests_reachable', sql`num_nonnulls(email, mobile_e164) >= 1`)
    .execute();

  await db.schema
    .alterTable('outbox_jobs')
    .addColumn('rights_request_id', 'uuid', (column) => column.references('rights_requests.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_one_lead').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_one_lead',
      sql`num_nonnulls(booking_request_id, newsletter_subscription_id, rights_request_id) = 1`,
    )
    .execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_kind_check',
      sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.rights-request', 'email.rights-acknowledgement')`,
    )
    .execute();
  await db.schema
    .createIndex('outbox_jobs_rights_request_idx')
    .on('outbox_jobs')
    .column('rights_request_id')
    .where(sql.ref('rights_request_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_kind_check',
      sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal')`,
    )
    .execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_one_lead').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint('outbox_jobs_one_lead', sql`num_nonnulls(booking_request_id, newsletter_subscription_id) = 1`)
    .execute();
  await db.schema.alterTable('outbox_jobs').dropColumn('rights_request_id').execute();
  await db.schema.dropTable('rights_requests').execute();
}
