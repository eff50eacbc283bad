import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('booking_requests')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (column) => column.notNull().unique())
    .addColumn('reference', 'text', (column) => column.notNull().unique())
    .addColumn('treatment', 'text', (column) => column.notNull())
    .addColumn('branch', 'text', (column) => column.notNull())
    .addColumn('preferred_date', 'date', (column) => column.notNull())
    .addColumn('time_window', 'text', (column) =>
      column.notNull().check(sql`time_window in ('morning', 'afternoon', 'evening')`),
    )
    .addColumn('full_name', 'text', (column) => column.notNull())
    .addColumn('mobile_e164', 'text', (column) => column.notNull().check(sql`mobile_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('email', 'text')
    .addColumn('date_of_birth', 'date', (column) => column.notNull())
    .addColumn('is_minor', 'boolean', (column) => column.notNull())
    .addColumn('help_text', 'text')
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_relationship', 'text', (column) =>
      column.check(sql`guardian_relationship in ('parent', 'legal-guardian')`),
    )
    .addColumn('guardian_mobile_e164', 'text', (column) =>
      column.check(sql`guardian_mobile_e164 ~ '^\\+[1-9][0-9]{6,14}$'`),
    )
    .addColumn('guardian_consent_at', 'timestamptz')
    .addColumn('consent_privacy_notice_at', 'timestamptz', (column) => column.notNull())
    .addColumn('consent_whatsapp_at', 'timestamptz')
    .addColumn('consent_email_news_at', 'timestamptz')
    .addColumn('attribution', 'jsonb')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // A minor has a guardian who consented, and an adult none; marketing never uses a minor's data.
    .addCheckConstraint(
      'booking_requests_guardian_for_minors',
      sql`case when is_minor
        then num_nulls(guardian_name, guardian_relationship, guardian_mobile_e164, guardian_consent_at) = 0
        else num_nonnulls(guardian_name, guardian_relationship, guardian_mobile_e164, guardian_consent_at) = 0
      end`,
    )
    .addCheckConstraint(
      'booking_requests_no_marketing_for_minors',
      sql`not is_minor or (consent_email_news_at is null and attribution is null)`,
    )
    .execute();
  await db.schema.createIndex('booking_requests_created_at_idx').on('booking_requests').column('created_at').execute();

  await db.schema
    .createTable('newsletter_subscriptions')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (column) => column.notNull().unique())
    .addColumn('reference', 'text', (column) => column.notNull().unique())
    .addColumn('email', 'text', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().defaultTo('pending').check(sql`status in ('pending', 'confirmed', 'unsubscribed')`),
    )
    .addColumn('consent_at', 'timestamptz', (column) => column.notNull())
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('unsubscribed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  // One live subscription per address; someone who unsubscribed may sign up again, and the old row stays.
  await db.schema
    .createIndex('newsletter_subscriptions_live_email_idx')
    .on('newsletter_subscriptions')
    .column('email')
    .unique()
    .where(sql.ref('status'), '<>', 'unsubscribed')
    .execute();

  await db.schema
    .createTable('outbox_jobs')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (column) =>
      column
        .notNull()
        .check(
          sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation')`,
        ),
    )
    .addColumn('booking_request_id', 'uuid', (column) => column.references('booking_requests.id').onDelete('cascade'))
    .addColumn('newsletter_subscription_id', 'uuid', (column) =>
      column.references('newsletter_subscriptions.id').onDelete('cascade'),
    )
    .addColumn('lead_reference', 'text', (column) => column.notNull())
    .addColumn('payload', 'jsonb', (column) => column.notNull())
    .addColumn('status', 'text', (column) =>
      column.notNull().defaultTo('pending').check(sql`status in ('pending', 'running', 'done', 'dead', 'cancelled')`),
    )
    .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('run_after', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // Set when a worker claims a job: a running job whose lease has passed was abandoned and may be claimed again.
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('outbox_jobs_one_lead', sql`num_nonnulls(booking_request_id, newsletter_subscription_id) = 1`)
    .execute();
  // Workers claim with `where status = 'pending' and run_after <= now() order by run_after ... for update skip locked`.
  await db.schema
    .createIndex('outbox_jobs_pending_idx')
    .on('outbox_jobs')
    .column('run_after')
    .where(sql.ref('status'), '=', 'pending')
    .execute();
  await db.schema
    .createIndex('outbox_jobs_booking_request_idx')
    .on('outbox_jobs')
    .column('booking_request_id')
    .where(sql.ref('booking_request_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('outbox_jobs_newsletter_subscription_idx')
    .on('outbox_jobs')
    .column('newsletter_subscription_id')
    .where(sql.ref('newsletter_subscription_id'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('outbox_jobs').execute();
  await db.schema.dropTable('newsletter_subscriptions').execute();
  await db.schema.dropTable('booking_requests').execute();
}
