import { type Kysely, sql } from 'kysely';

/**
 * The choices a person changes on the preferences page (the signed link in every email the site sends): clinic news
 * by email, for their email address, and appointment updates on WhatsApp, for their mobile number. Each change is a
 * row, never an update, made through the request the link names (`lead_reference`); the CRM hears of it through
 * `crm.newsletter` (news on), `crm.newsletter-withdrawal` (either off) and the new `crm.whatsapp-consent` (WhatsApp
 * on). The processing record notes each change by that reference. Frozen once released, like every migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('preference_changes')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('lead_reference', 'text', (column) => column.notNull())
    .addColumn('choice', 'text', (column) => column.notNull().check(sql`choice in ('emailNews', 'whatsappUpdates')`))
    .addColumn('given', 'boolean', (column) => column.notNull())
    .addColumn('email', 'text')
    .addColumn('mobile_e164', 'text', (column) => column.check(sql`mobile_e164 ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('changed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'preference_changes_names_its_channel',
      sql`(choice = 'emailNews' and email is not null) or (choice = 'whatsappUpdates' and mobile_e164 is not null)`,
    )
    .execute();
  await db.schema.createIndex('preference_changes_email_idx').on('preference_changes').column('email').execute();
  await db.schema.createIndex('preference_changes_mobile_idx').on('preference_changes').column('mobile_e164').execute();

  await sql`
    create function processing_log_preference_change() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references) values (
        case when new.given then 'confirmed' else 'withdrawn' end,
        case new.choice when 'emailNews' then 'newsletter' else 'appointment-request' end,
        array[new.lead_reference]
      );
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger preference_changes_recorded after insert on preference_changes
    for each row execute function processing_log_preference_change()
  `.execute(db);

  await replaceKinds(
    db,
    `'crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.whatsapp-consent', 'crm.rights-request', 'email.rights-acknowledgement', 'email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion', 'crm.retention', 'crm.erasure'`,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from outbox_jobs where kind = 'crm.whatsapp-consent'`.execute(db);
  await replaceKinds(
    db,
    `'crm.booking', 'email.booking-confirmation', 'email.front-desk', 'crm.newsletter', 'email.newsletter-confirmation', 'crm.newsletter-withdrawal', 'crm.rights-request', 'email.rights-acknowledgement', 'email.guardian-consent', 'crm.guardian-consent', 'crm.booking-deletion', 'crm.retention', 'crm.erasure'`,
  );
  await sql`drop trigger preference_changes_recorded on preference_changes`.execute(db);
  await sql`drop function processing_log_preference_change()`.execute(db);
  await db.schema.dropTable('preference_changes').execute();
}

async function replaceKinds(db: Kysely<unknown>, kinds: string): Promise<void> {
  await db.schema.alterTable('outbox_jobs').dropConstraint('outbox_jobs_kind_check').execute();
  await db.schema
    .alterTable('outbox_jobs')
    .addCheckConstraint('outbox_jobs_kind_check', sql`kind in (${sql.raw(kinds)})`)
    .execute();
}
