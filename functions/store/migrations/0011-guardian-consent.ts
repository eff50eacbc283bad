import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // For a patient under 18 the clinic deals with the parent or guardian: their mobile (already a column) and
  // email are the request's contact details, and the patient's own mobile becomes optional. An adult's request
  // still has the patient's mobile, and no guardian email.
  await db.schema
    .alterTable('booking_requests')
    .alterColumn('mobile_e164', (column) => column.dropNotNull())
    .execute();
  await db.schema.alterTable('booking_requests').addColumn('guardian_email', 'text').execute();
  await db.schema
    .alterTable('booking_requests')
    .addCheckConstraint('booking_requests_adult_mobile', sql`is_minor or mobile_e164 is not null`)
    .execute();
  await db.schema
    .alterTable('booking_requests')
    .addCheckConstraint('booking_requests_guardian_email_for_minors', sql`is_minor or guardian_email is null`)
    .execute();

  // The record of a guardian's consent to a minor's request: pending until it is verified, by the signed link
  // emailed to the guardian or by the front desk on its call (who, then). Requests made before this migration
  // have none: they were taken on the guardian's tick alone, and the unverified-request purge leaves them be.
  await db.schema
    .createTable('guardian_consents')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('booking_request_id', 'uuid', (column) =>
      column.notNull().unique().references('booking_requests.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (column) =>
      column.notNull().defaultTo('pending').check(sql`status in ('pending', 'verified')`),
    )
    .addColumn('method', 'text', (column) => column.check(sql`method in ('email-link', 'phone', 'in-person')`))
    .addColumn('verified_by', 'text', (column) => column.check(sql`char_length(verified_by) between 1 and 100`))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    // Verified means how and when, and by whom when staff did it; pending means none of them.
    .addCheckConstraint(
      'guardian_consents_verification',
      sql`case status
        when 'pending' then num_nonnulls(method, verified_by, verified_at) = 0
        else method is not null and verified_at is not null and (verified_by is null) = (method = 'email-link')
      end`,
    )
    .execute();

  // A verified consent updates the CRM's deal; an unverified request past its period is deleted from the store
  // and its deal from the CRM by a job that outlives the request, so it belongs to no lead.
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_kind_check',
      sql`kind in ('crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.rights-request', 'email.rights-acknowledgement', 'email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion')`,
    )
    .execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_one_lead').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_one_lead',
      sql`num_nonnulls(booking_request_id, newsletter_subscription_id, rights_request_id) =
        case when kind = 'crm.booking-deletion' then 0 else 1 end`,
    )
    .execute();
  await replaceDeliveredRecord(db, `when new.kind = 'crm.booking-deletion' then 'retention'`);
}

/**
 * The processing record's delivery row (migration 0007) names the lead's purpose; a deal deleted for want of a
 * guardian's consent belongs to no lead any more, and is the retention purge's.
 */
async function replaceDeliveredRecord(db: Kysely<unknown>, leadlessCase: string): Promise<void> {
  await sql`
    create or replace function processing_log_delivered() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references, job_kind) values (
        'delivered',
        case
          ${sql.raw(leadlessCase)}
          when new.booking_request_id is not null then 'appointment-request'
          when new.newsletter_subscription_id is not null then 'newsletter'
          else 'privacy-request'
        end,
        array[new.lead_reference],
        new.kind
      );
      return null;
    end $$
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceDeliveredRecord(db, '');
  await sql`delete from outbox_jobs where kind in ('email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion')`.execute(
    db,
  );
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
  await db.schema.dropTable('guardian_consents').execute();
  await db.schema.alterTable('booking_requests').dropConstraint('booking_requests_guardian_email_for_minors').execute();
  await db.schema.alterTable('booking_requests').dropConstraint('booking_requests_adult_mobile').execute();
  await db.schema.alterTable('booking_requests').dropColumn('guardian_email').execute();
  await db.schema
    .alterTable('booking_requests')
    .alterColumn('mobile_e164', (column) => column.setNotNull())
    .execute();
}
