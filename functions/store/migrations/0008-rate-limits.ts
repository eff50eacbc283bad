import { type Kysely, sql } from 'kysely';

/**
 * Rate-limit counts shared by every instance on one database, as rate-limiter-flexible's PostgreSQL store reads
 * and writes them: a keyed hash of the client's address (never the address), the points used, and when they expire.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'varchar(255)', (column) => column.primaryKey())
    .addColumn('points', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('expire', 'bigint')
    .execute();
  await sql`comment on table rate_limits is 'rate-limiter-flexible counts: hashed client keys only'`.execute(db);
}
