/**
 * Stores leads with their outbox jobs in one transaction: a lead is never stored without the jobs that
 * deliver it, nor a job without its lead. A submission ID is stored once: a repeat (a double click, a
 * retry after a lost answer, a second tab) gets the first submission's reference and creates nothing.
 * Repeats are caught by the unique constraints (`on conflict do nothing`), never by looking first, so two
 * concurrent submits cannot both get in.
 *
 * The store decides nothing about a lead: the caller gives it the lead's columns, a way to draw references,
 * and the jobs to write once the reference is known (functions/intake/lead-jobs.ts decides what they carry).
 */
import { type InsertObject, type Kysely, sql, type Transaction } from 'kysely';
import type { Attribution, BookingRequestDetails, GuardianContact, OutboxJobDraft } from '#functions/outbox/jobs.ts';
import type { Database } from './schema.ts';

export interface RecordedLead {
  reference: string;
  /** False for a repeat: the reference is the first submission's, and nothing new was stored. */
  created: boolean;
}

/** How a new lead gets its reference and its jobs. */
export interface LeadRecording<JobInput extends unknown[]> {
  /** Draws a fresh reference; another is drawn when one is taken. */
  newReference: () => string;
  jobsFor: (...lead: JobInput) => readonly OutboxJobDraft[];
}

/** A booking request's columns, as the booking form's schema gives them. */
export interface NewBookingRequest extends BookingRequestDetails {
  isMinor: boolean;
  guardian?: GuardianContact;
  consents: { whatsappUpdates: boolean; emailNews: boolean };
  attribution?: Attribution;
}

/** A newsletter sign-up's columns. */
export interface NewNewsletterSignup {
  submissionId: string;
  email: string;
}

/** The transaction's start time, the same for a lead, its consents and its jobs. */
const now = sql<Date>`now()`;

/** `jobsFor` gets the reference and the time the request was stored (ISO 8601), when its consents were given. */
export function recordBookingRequest(
  db: Kysely<Database>,
  request: NewBookingRequest,
  { newReference, jobsFor }: LeadRecording<[reference: string, requestedAt: string]>,
): Promise<RecordedLead> {
  return db.transaction().execute(async (trx) => {
    const outcome = await insertWithUnusedReference(
      newReference,
      (reference) =>
        trx
          .insertInto('booking_requests')
          .values(bookingRow(request, reference))
          .onConflict((conflict) => conflict.doNothing())
          .returning(['id', 'reference', 'created_at'])
          .executeTakeFirst(),
      async () =>
        (
          await trx
            .selectFrom('booking_requests')
            .select('reference')
            .where('submission_id', '=', request.submissionId)
            .executeTakeFirst()
        )?.reference,
    );
    if (!outcome.inserted) return { reference: outcome.reference, created: false };
    await insertJobs(trx, jobsFor(outcome.reference, outcome.created_at.toISOString()), {
      booking_request_id: outcome.id,
      lead_reference: outcome.reference,
    });
    return { reference: outcome.reference, created: true };
  });
}

/**
 * A repeat is the same submission, or any sign-up of an address that already has a pending or confirmed
 * subscription: the existing one's reference is returned and no second confirmation email is queued.
 */
export function recordNewsletterSignup(
  db: Kysely<Database>,
  signup: NewNewsletterSignup,
  { newReference, jobsFor }: LeadRecording<[reference: string]>,
): Promise<RecordedLead> {
  return db.transaction().execute(async (trx) => {
    const outcome = await insertWithUnusedReference(
      newReference,
      (reference) =>
        trx
          .insertInto('newsletter_subscriptions')
          .values({ submission_id: signup.submissionId, reference, email: signup.email, consent_at: now })
          .onConflict((conflict) => conflict.doNothing())
          .returning(['id', 'reference'])
          .executeTakeFirst(),
      async () =>
        (
          await trx
            .selectFrom('newsletter_subscriptions')
            .select('reference')
            .where((where) =>
              where.or([
                where('submission_id', '=', signup.submissionId),
                where.and([where('email', '=', signup.email), where('status', '<>', 'unsubscribed')]),
              ]),
            )
            .orderBy(sql`submission_id = ${signup.submissionId}`, 'desc')
            .executeTakeFirst()
        )?.reference,
    );
    if (!outcome.inserted) return { reference: outcome.reference, created: false };
    await insertJobs(trx, jobsFor(outcome.reference), {
      newsletter_subscription_id: outcome.id,
      lead_reference: outcome.reference,
    });
    return { reference: outcome.reference, created: true };
  });
}

/** A freshly drawn reference colliding this often means something other than chance is wrong. */
const maxReferenceDraws = 5;

type InsertOutcome<Row> = ({ inserted: true } & Row) | { inserted: false; reference: string };

/**
 * Inserts with a fresh reference, skipping the row on any unique conflict. A skipped row is a repeat when
 * `existingReference` finds the earlier lead; otherwise the reference itself was taken, so another is drawn.
 */
export async function insertWithUnusedReference<Row extends { id: string; reference: string }>(
  newReference: () => string,
  insert: (reference: string) => Promise<Row | undefined>,
  existingReference: () => Promise<string | undefined>,
): Promise<InsertOutcome<Row>> {
  for (let draw = 1; draw <= maxReferenceDraws; draw++) {
    const inserted = await insert(newReference());
    if (inserted) return { inserted: true, ...inserted };
    const reference = await existingReference();
    if (reference !== undefined) return { inserted: false, reference };
  }
  throw new Error(`No unused lead reference after ${maxReferenceDraws} draws`);
}

function bookingRow(request: NewBookingRequest, reference: string): InsertObject<Database, 'booking_requests'> {
  return {
    submission_id: request.submissionId,
    reference,
    treatment: request.treatment,
    branch: request.branch,
    preferred_date: request.preferredDate,
    time_window: request.timeWindow,
    full_name: request.fullName,
    mobile_e164: request.mobile,
    email: request.email ?? null,
    date_of_birth: request.dateOfBirth,
    is_minor: request.isMinor,
    help_text: request.helpText ?? null,
    guardian_name: request.guardian?.name ?? null,
    guardian_relationship: request.guardian?.relationship ?? null,
    guardian_mobile_e164: request.guardian?.mobile ?? null,
    guardian_consent_at: request.guardian ? now : null,
    consent_privacy_notice_at: now,
    consent_whatsapp_at: request.consents.whatsappUpdates ? now : null,
    consent_email_news_at: request.consents.emailNews ? now : null,
    attribution: !request.isMinor && request.attribution ? JSON.stringify(request.attribution) : null,
  };
}

type JobLead = { lead_reference: string } & (
  | { booking_request_id: string }
  | { newsletter_subscription_id: string }
  | { rights_request_id: string }
);

/** Inserts a lead's jobs, due at once unless `runAfter` says when. */
export async function insertJobs(
  trx: Transaction<Database>,
  jobs: readonly OutboxJobDraft[],
  lead: JobLead,
  runAfter?: Date,
): Promise<void> {
  await trx
    .insertInto('outbox_jobs')
    .values(
      jobs.map((job) => ({
        ...lead,
        kind: job.kind,
        payload: JSON.stringify(job.payload),
        ...(runAfter && { run_after: runAfter }),
      })),
    )
    .execute();
}
