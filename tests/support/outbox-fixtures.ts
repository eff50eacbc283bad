import { type Kysely, sql } from 'kysely';
import type { DeliveryAttempt, DeliveryOutcome } from '#functions/delivery/delivery.ts';
import { storeBookingRequest } from '#functions/intake/lead-records.ts';
import type { OutboxJobKind } from '#functions/outbox/jobs.ts';
import type { Database } from '#functions/store/schema.ts';
import { adultBooking, guardianLinks } from './lead-fixtures.ts';

/** An adult's booking with an email address: jobs crm.booking, email.front-desk and email.booking-confirmation. */
export async function bookingWithJobs(db: Kysely<Database>): Promise<string> {
  return (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
}

export function jobsOf(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('outbox_jobs')
    .select(['id', 'kind', 'status', 'attempts', 'run_after', 'locked_until', 'last_error'])
    .where('lead_reference', '=', reference)
    .orderBy('kind')
    .execute();
}

export async function jobOf(db: Kysely<Database>, reference: string, kind: OutboxJobKind) {
  const job = (await jobsOf(db, reference)).find((candidate) => candidate.kind === kind);
  if (!job) throw new Error(`${reference} has no ${kind} job`);
  return job;
}

export async function emptyOutbox(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('outbox_jobs').execute();
}

/** As if the workers holding running jobs had crashed long enough ago for their leases to pass. */
export async function expireLeases(db: Kysely<Database>): Promise<void> {
  await db
    .updateTable('outbox_jobs')
    .set({ locked_until: sql<Date>`now() - interval '1 second'` })
    .where('status', '=', 'running')
    .execute();
}

export async function databaseNow(db: Kysely<Database>): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`select now()`.execute(db);
  return rows[0]?.now ?? new Date(Number.NaN);
}

export interface RecordedCall {
  kind: OutboxJobKind;
  reference: string;
  attempt: DeliveryAttempt;
}

/** A delivery that fits every kind: each payload carries its lead's reference. */
export type AnyKindDelivery = (payload: { reference: string }, attempt: DeliveryAttempt) => Promise<DeliveryOutcome>;

/** A delivery that records its calls and answers with the outcomes given, in turn, the last one from then on. */
export function fakeDelivery(calls: RecordedCall[], kind: OutboxJobKind, ...outcomes: DeliveryOutcome[]) {
  const delivery: AnyKindDelivery = async (payload, attempt) => {
    calls.push({ kind, reference: payload.reference, attempt });
    return (outcomes.length > 1 ? outcomes.shift() : outcomes[0]) ?? { status: 'delivered' };
  };
  return delivery;
}
