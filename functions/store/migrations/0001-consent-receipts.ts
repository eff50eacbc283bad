import { type Kysely, sql } from 'kysely';

// A migration is frozen once released: it spells out its values instead of importing them, so later
// changes to the application's types cannot rewrite history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consent_receipts')
    .addColumn('id', 'uuid', (column) => column.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('consent_id', 'uuid', (column) => column.notNull())
    .addColumn('accept_type', 'text', (column) =>
      column.notNull().check(sql`accept_type in ('all', 'necessary', 'custom')`),
    )
    .addColumn('categories', sql`text[]`, (column) => column.notNull())
    .addColumn('services', sql`text[]`, (column) => column.notNull())
    .addColumn('revision', 'integer', (column) => column.notNull())
    .addColumn('policy_version', 'text', (column) => column.notNull())
    .addColumn('language', 'text', (column) => column.notNull().check(sql`language in ('en', 'hi')`))
    .addColumn('source', 'text', (column) => column.notNull().check(sql`source in ('banner', 'gpc', 'minor')`))
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('consent_receipts_consent_id_idx').on('consent_receipts').column('consent_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('consent_receipts').execute();
}
