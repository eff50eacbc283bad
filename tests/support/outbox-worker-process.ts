/**
 * A worker process for the crash test: `node tests/support/outbox-worker-process.ts <hang|deliver> <databaseUrl>
 * <leaseMs>`. It delivers the booking jobs to a fake provider kept in two tables of the same database
 * (fake_provider_calls, fake_provider_messages) which, like Resend or HubSpot given an idempotency key, keeps
 * one message per key. With `hang`, each call reaches the provider and then never answers: the test kills the
 * process there, the worst moment, when the provider has the message but the outbox does not know it.
 */
import { sql } from 'kysely';
import { openStore } from '#functions/store/open.ts';
import { startWorker } from '#functions/worker/worker.ts';
import type { AnyKindDelivery } from './outbox-fixtures.ts';

const [mode, databaseUrl, leaseMs] = process.argv.slice(2);
const store = await openStore({ databaseUrl, dataDir: '/nonexistent' });

const deliver: AnyKindDelivery = async (_payload, { idempotencyKey, attempt }) => {
  await sql`insert into fake_provider_calls (idempotency_key, attempt) values (${idempotencyKey}, ${attempt})`.execute(
    store.db,
  );
  await sql`insert into fake_provider_messages (idempotency_key) values (${idempotencyKey}) on conflict do nothing`.execute(
    store.db,
  );
  if (mode === 'hang') await new Promise(() => {});
  return { status: 'delivered' };
};

const worker = startWorker({
  db: store.db,
  deliveries: { 'crm.booking': deliver, 'email.booking-confirmation': deliver, 'email.front-desk': deliver },
  leaseMs: Number(leaseMs),
  pollIntervalMs: 50,
});
process.once('SIGTERM', () => worker.stop().then(() => store.close()));
