import { type Kysely, sql } from 'kysely';

// Frozen once released, like every migration: the allowed values are spelled out here.
export async function up(db: Kysely<unknown>): Promise<void> {
  // What staff and the retention purge did with personal data, and how much: counts and the privacy request's
  // own reference, never the email address or mobile number it concerned, so the log itself holds nobody's data.
  await db.schema
    .createTable('privacy_audit')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('action', 'text', (column) => column.notNull().check(sql`action in ('export', 'erase', 'purge')`))
    .addColumn('counts', 'jsonb', (column) => column.notNull())
    .addColumn('request_reference', 'text', (column) => column.check(sql`char_length(request_reference) <= 64`))
    .addColumn('performed_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('privacy_audit').execute();
}
