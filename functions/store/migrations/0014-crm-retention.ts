import { type Kysely, sql } from 'kysely';

/**
 * Retention and erasure reach the CRM: the daily purge queues `crm.retention` (its cutoffs for the deals and
 * tickets the website made), and an erasure queues `crm.erasure` (the person's contacts, deals and tickets).
 * Neither belongs to a lead, like `crm.booking-deletion`; the processing record names their purposes, and no lead
 * reference (the purge's and the erasure's own entries name what they deleted).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceKinds(
    db,
    `'crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.rights-request', 'email.rights-acknowledgement', 'email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion', 'crm.retention', 'crm.erasure'`,
    `'crm.booking-deletion', 'crm.retention', 'crm.erasure'`,
  );
  await replaceDeliveredRecord(
    db,
    `when new.kind in ('crm.booking-deletion', 'crm.retention') then 'retention' when new.kind = 'crm.erasure' then 'data-rights'`,
    `case when new.kind in ('crm.retention', 'crm.erasure') then '{}'::text[] else array[new.lead_reference] end`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replaceDeliveredRecord(
    db,
    `when new.kind = 'crm.booking-deletion' then 'retention'`,
    'array[new.lead_reference]',
  );
  await sql`delete from outbox_jobs where kind in ('crm.retention', 'crm.erasure')`.execute(db);
  await replaceKinds(
    db,
    `'crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.rights-request', 'email.rights-acknowledgement', 'email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion'`,
    `'crm.booking-deletion'`,
  );
}

async function replaceKinds(db: Kysely<unknown>, kinds: string, leadless: string): Promise<void> {
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint('outbox_jobs_kind_check', sql`kind in (${sql.raw(kinds)})`)
    .execute();
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_one_lead').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint(
      'outbox_jobs_one_lead',
      sql`num_nonnulls(booking_request_id, newsletter_subscription_id, rights_request_id) =
        case when kind in (${sql.raw(leadless)}) then 0 else 1 end`,
    )
    .execute();
}

/** The processing record's delivery row (migrations 0007 and 0011), with the leadless kinds' purposes and references. */
async function replaceDeliveredRecord(db: Kysely<unknown>, leadlessPurpose: string, references: string): Promise<void> {
  await sql`
    create or replace function processing_log_delivered() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references, job_kind) values (
        'delivered',
        case
          ${sql.raw(leadlessPurpose)}
          when new.booking_request_id is not null then 'appointment-request'
          when new.newsletter_subscription_id is not null then 'newsletter'
          else 'privacy-request'
        end,
        ${sql.raw(references)},
        new.kind
      );
      return null;
    end $$
  `.execute(db);
}
