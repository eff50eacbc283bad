import type { Kysely } from 'kysely';

/**
 * The batch an outbox job was last sent in, for deliveries whose provider takes one idempotency key for a whole
 * batch request (Resend): the batch is sent again whole under that key until each of its jobs is settled.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('outbox_jobs').addColumn('batch_key', 'uuid').execute();
  await db.schema.createIndex('outbox_jobs_by_batch').on('outbox_jobs').columns(['batch_key']).execute();
}
