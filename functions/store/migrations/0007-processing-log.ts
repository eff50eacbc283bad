import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Which privacy signal the browser sent with a cookie choice; null on receipts recorded before it was asked.
  await db.schema
    .alterTable('consent_receipts')
    .addColumn('privacy_signal', 'text', (column) => column.check(sql`privacy_signal in ('gpc', 'dnt', 'none')`))
    .execute();

  // The processing record (DPDP Rules 2025, r.8(3)): what was done, when, for which purpose, with which requests'
  // references and how many rows; never a name, email address, phone number or address. Append-only.
  await db.schema
    .createTable('processing_log')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('activity', 'text', (column) =>
      column
        .notNull()
        .check(sql`activity in ('collected', 'confirmed', 'withdrawn', 'delivered', 'exported', 'erased', 'purged')`),
    )
    .addColumn('purpose', 'text', (column) =>
      column
        .notNull()
        .check(sql`purpose in ('appointment-request', 'newsletter', 'privacy-request', 'data-rights', 'retention')`),
    )
    .addColumn('lead_references', sql`text[]`, (column) =>
      column
        .notNull()
        .defaultTo(sql`'{}'`)
        .check(sql`array_to_string(lead_references, ' ') ~ '^([A-Z]{2,4}-[0-9A-Z]{4}-[0-9A-Z]{4}( |$))*$'`),
    )
    .addColumn('job_kind', 'text', (column) => column.check(sql`job_kind ~ '^(crm|email)\\.[a-z-]+$'`))
    .addColumn('counts', 'jsonb', (column) => column.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('processing_log_recorded_at_idx').on('processing_log').column('recorded_at').execute();

  await sql`
    create function processing_log_refuse_update() returns trigger language plpgsql as $$
    begin
      raise exception 'processing_log is append-only';
    end $$
  `.execute(db);
  await sql`
    create trigger processing_log_append_only before update on processing_log
    for each row execute function processing_log_refuse_update()
  `.execute(db);

  // A stored lead is recorded in the transaction that stores it, whichever code path writes it.
  await sql`
    create function processing_log_collected() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references) values ('collected', tg_argv[0], array[new.reference]);
      return null;
    end $$
  `.execute(db);
  for (const [table, purpose] of [
    ['booking_requests', 'appointment-request'],
    ['newsletter_subscriptions', 'newsletter'],
    ['rights_requests', 'privacy-request'],
  ] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_collected`)} after insert on ${sql.table(table)}
      for each row execute function processing_log_collected(${sql.raw(`'${purpose}'`)})
    `.execute(db);
  }

  // A delivery, when its job becomes done: the lead's purpose, the job's kind (which names the provider).
  await sql`
    create function processing_log_delivered() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references, job_kind) values (
        'delivered',
        case
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
  await sql`
    create trigger outbox_jobs_delivered after update of status on outbox_jobs
    for each row when (new.status = 'done' and old.status <> 'done') execute function processing_log_delivered()
  `.execute(db);

  // Consent to the newsletter confirmed or withdrawn.
  await sql`
    create function processing_log_newsletter_consent() returns trigger language plpgsql as $$
    begin
      insert into processing_log (activity, purpose, lead_references) values (
        case new.status when 'confirmed' then 'confirmed' else 'withdrawn' end, 'newsletter', array[new.reference]
      );
      return null;
    end $$
  `.execute(db);
  await sql`
    create trigger newsletter_subscriptions_consent after update of status on newsletter_subscriptions
    for each row when (new.status <> old.status and new.status in ('confirmed', 'unsubscribed'))
    execute function processing_log_newsletter_consent()
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger newsletter_subscriptions_consent on newsletter_subscriptions`.execute(db);
  await sql`drop trigger outbox_jobs_delivered on outbox_jobs`.execute(db);
  for (const table of ['booking_requests', 'newsletter_subscriptions', 'rights_requests']) {
    await sql`drop trigger ${sql.raw(`${table}_collected`)} on ${sql.table(table)}`.execute(db);
  }
  await db.schema.dropTable('processing_log').execute();
  for (const name of [
    'processing_log_refuse_update',
    'processing_log_collected',
    'processing_log_delivered',
    'processing_log_newsletter_consent',
  ]) {
    await sql`drop function ${sql.raw(name)}()`.execute(db);
  }
  await db.schema.alterTable('consent_receipts').dropColumn('privacy_signal').execute();
}
