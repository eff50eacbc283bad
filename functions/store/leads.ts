/**
 * Stores leads with their outbox jobs in one transaction: a lead is never stored without the jobs that
 * deliver it, nor a job without its lead. A submission ID is stored once: a repeat (a double click, a
 * retry after a lost answer, a second tab) gets the first submission's reference and creates nothing.
 * Repeats are caught by the unique constraints (`on conflict do nothing`), never by looking first, so two
 * concurrent submits cannot both get in.
 *
 * The store decides nothing about a lead: the caller gives it the lead's columns, a way to draw references,
 * and the jobs to write once the reference is known (functions/intake/lead-jobs.ts decides what they carry).
 * Each write takes a group of leads, written in one transaction (functions/store/group-commit.ts forms them).
 */
import { type InsertObject, type Kysely, sql, type Transaction } from 'kysely';
import type { Locale } from '#functions/clinic/locales.ts';
import type {
  Attribution,
  BookingRequestDetails,
  GuardianContact,
  OutboxJobDraft,
  Screened,
} from '#functions/outbox/jobs.ts';
import type { Database } from './schema.ts';

export interface RecordedLead {
  reference: string;
  /** False for a repeat: the reference is the first submission's, and nothing new was stored. */
  created: boolean;
}

/**
 * A booking request's columns, as the booking form's schema gives them. A request with a guardian (a patient under
 * 18) is written with its consent record, pending until the consent is verified.
 */
export interface NewBookingRequest extends BookingRequestDetails, Screened {
  isMinor: boolean;
  /** The patient's: an adult's always, a minor's if given. */
  mobile?: string;
  email?: string;
  guardian?: GuardianContact;
  consents: { whatsappUpdates: boolean; emailNews: boolean };
  attribution?: Attribution;
}

/** A newsletter sign-up's columns. */
export interface NewNewsletterSignup {
  submissionId: string;
  email: string;
  locale: Locale;
}

/** The transaction's start time, the same for a lead, its consents and its jobs. */
const now = sql<Date>`now()`;

/**
 * A lead to write, with the jobs to write once its reference (and time) are known. Each write also takes a way to
 * draw references: another is drawn when one is taken.
 */
export interface LeadEntry<Lead, JobInput extends unknown[]> {
  lead: Lead;
  jobsFor: (...lead: JobInput) => readonly OutboxJobDraft[];
}

export type BookingEntry = LeadEntry<NewBookingRequest, [reference: string, requestedAt: string]>;

/**
 * Records the requests together, in one transaction of one insert for the requests and one for their jobs
 * (another round only for the rare reference that was taken): what concurrent submissions cost when written
 * one by one is mostly per statement and per commit. Answers each entry's outcome, in order. A submission ID
 * repeated within the group, as across groups, is stored once; all or none of the group is written.
 */
export function recordBookingRequests(
  db: Kysely<Database>,
  entries: readonly BookingEntry[],
  newReference: () => string,
): Promise<RecordedLead[]> {
  return db.transaction().execute(async (trx) => {
    const results: (RecordedLead | undefined)[] = [];
    const firstOf = new Map<string, number>();
    entries.forEach(({ lead }, index) => {
      if (!firstOf.has(lead.submissionId)) firstOf.set(lead.submissionId, index);
    });
    let unwritten = [...firstOf.values()];
    for (let draw = 1; draw <= maxReferenceDraws && unwritten.length > 0; draw++) {
      const drawn = unwritten.map((index) => ({ index, reference: newReference() }));
      const inserted = await trx
        .insertInto('booking_requests')
        .values(drawn.map(({ index, reference }) => bookingRow(entryAt(entries, index).lead, reference)))
        .onConflict((conflict) => conflict.doNothing())
        .returning(['id', 'reference', 'submission_id', 'created_at'])
        .execute();
      const bySubmission = new Map(inserted.map((row) => [row.submission_id, row]));
      const jobs: JobRows[] = [];
      const skipped: number[] = [];
      for (const index of unwritten) {
        const { lead, jobsFor } = entryAt(entries, index);
        const row = bySubmission.get(lead.submissionId);
        if (!row) {
          skipped.push(index);
          continue;
        }
        results[index] = { reference: row.reference, created: true };
        jobs.push({
          jobs: jobsFor(row.reference, row.created_at.toISOString()),
          lead: { booking_request_id: row.id, lead_reference: row.reference },
        });
      }
      await insertJobRows(trx, jobs);
      await insertGuardianConsents(
        trx,
        unwritten.flatMap((index) => {
          const { lead } = entryAt(entries, index);
          const row = bySubmission.get(lead.submissionId);
          return row && lead.guardian ? [row.id] : [];
        }),
      );
      // A skipped row is a repeat of a stored submission, or its drawn reference was taken: then it draws again.
      const stored = await storedReferences(
        trx,
        skipped.map((index) => entryAt(entries, index).lead.submissionId),
      );
      unwritten = skipped.filter((index) => {
        const reference = stored.get(entryAt(entries, index).lead.submissionId);
        if (reference !== undefined) results[index] = { reference, created: false };
        return reference === undefined;
      });
    }
    if (unwritten.length > 0) throw new Error(`No unused lead reference after ${maxReferenceDraws} draws`);
    return entries.map(({ lead }, index) => {
      const own = results[index];
      if (own) return own;
      const first = results[firstOf.get(lead.submissionId) ?? -1];
      if (!first) throw new Error('A repeated submission has no first outcome');
      return { reference: first.reference, created: false };
    });
  });
}

/** The pending consent records of requests that have a guardian. */
async function insertGuardianConsents(trx: Transaction<Database>, bookingIds: readonly string[]): Promise<void> {
  if (bookingIds.length === 0) return;
  await trx
    .insertInto('guardian_consents')
    .values(bookingIds.map((id) => ({ booking_request_id: id })))
    .execute();
}

function entryAt<Entry>(entries: readonly Entry[], index: number): Entry {
  const entry = entries[index];
  if (entry === undefined) throw new RangeError(`No entry ${index}`);
  return entry;
}

async function storedReferences(
  trx: Transaction<Database>,
  submissionIds: readonly string[],
): Promise<Map<string, string>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('booking_requests')
    .select(['submission_id', 'reference'])
    .where('submission_id', 'in', submissionIds)
    .execute();
  return new Map(rows.map((row) => [row.submission_id, row.reference]));
}

export type NewsletterEntry = LeadEntry<NewNewsletterSignup, [reference: string]>;

/**
 * Records the sign-ups one after another in one transaction (one commit). A repeat is the same submission, or
 * any sign-up of an address that already has a pending or confirmed subscription: the existing one's reference is
 * answered and no second confirmation email is queued.
 */
export function recordNewsletterSignups(
  db: Kysely<Database>,
  entries: readonly NewsletterEntry[],
  newReference: () => string,
): Promise<RecordedLead[]> {
  return db.transaction().execute(async (trx) => {
    const results: RecordedLead[] = [];
    for (const entry of entries) results.push(await recordNewsletterSignupIn(trx, entry, newReference));
    return results;
  });
}

async function recordNewsletterSignupIn(
  trx: Transaction<Database>,
  { lead: signup, jobsFor }: NewsletterEntry,
  newReference: () => string,
): Promise<RecordedLead> {
  const outcome = await insertWithUnusedReference(
    newReference,
    (reference) =>
      trx
        .insertInto('newsletter_subscriptions')
        .values({
          submission_id: signup.submissionId,
          reference,
          email: signup.email,
          consent_at: now,
          locale: signup.locale,
        })
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
    locale: request.locale,
    full_name: request.fullName,
    mobile_e164: request.mobile ?? null,
    email: request.email ?? null,
    date_of_birth: request.dateOfBirth,
    is_minor: request.isMinor,
    help_text: request.helpText ?? null,
    guardian_name: request.guardian?.name ?? null,
    guardian_relationship: request.guardian?.relationship ?? null,
    guardian_mobile_e164: request.guardian?.mobile ?? null,
    guardian_email: request.guardian?.email ?? null,
    guardian_consent_at: request.guardian ? now : null,
    consent_privacy_notice_at: now,
    consent_whatsapp_at: request.consents.whatsappUpdates ? now : null,
    consent_email_news_at: request.consents.emailNews ? now : null,
    attribution: !request.isMinor && request.attribution ? JSON.stringify(request.attribution) : null,
    sent_quickly: request.sentQuickly ?? false,
  };
}

export type JobLead = { lead_reference: string } & (
  | { booking_request_id: string }
  | { newsletter_subscription_id: string }
  | { rights_request_id: string }
);

interface JobRows {
  jobs: readonly OutboxJobDraft[];
  lead: JobLead;
  /** Due at once unless this says when. */
  runAfter?: Date | undefined;
}

/** Inserts a lead's jobs, due at once unless `runAfter` says when. */
export function insertJobs(
  trx: Transaction<Database>,
  jobs: readonly OutboxJobDraft[],
  lead: JobLead,
  runAfter?: Date,
): Promise<void> {
  return insertJobRows(trx, [{ jobs, lead, runAfter }]);
}

/**
 * Inserts the jobs that outlive a deleted lead (deleting its record in the CRM): they name only its reference,
 * which holds nobody's details.
 */
export async function insertJobsOfDeletedLeads(
  trx: Transaction<Database>,
  leads: readonly { reference: string; jobs: readonly OutboxJobDraft[] }[],
): Promise<void> {
  const values = leads.flatMap(({ reference, jobs }) =>
    jobs.map((job) => ({ lead_reference: reference, kind: job.kind, payload: JSON.stringify(job.payload) })),
  );
  if (values.length > 0) await trx.insertInto('outbox_jobs').values(values).execute();
}

/** Inserts the jobs of several leads in one statement. */
async function insertJobRows(trx: Transaction<Database>, rows: readonly JobRows[]): Promise<void> {
  const values = rows.flatMap(({ jobs, lead, runAfter }) =>
    jobs.map((job) => ({
      ...lead,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      ...(runAfter && { run_after: runAfter }),
    })),
  );
  if (values.length > 0) await trx.insertInto('outbox_jobs').values(values).execute();
}
