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
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Locale } from '#functions/clinic/locales.ts';
import type {
  Attribution,
  BookingRequestDetails,
  GuardianContact,
  OutboxJobDraft,
  Screened,
} from '#functions/outbox/jobs.ts';
import { preparedStatementMark } from './prepared-statements.ts';
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
 * Records the requests together, in one statement: the requests, their jobs and the pending consents of those with
 * a guardian are inserted by one query, which PostgreSQL runs all or none, with one round trip and one commit for
 * the group (what writing them costs is mostly per statement, per round trip and per commit). Answers each entry's
 * outcome, in order. A submission ID repeated within the group, as across groups, is stored once: a repeat is
 * skipped by the unique constraint and answered the first submission's reference. An entry whose drawn reference
 * was taken (rare: 30^8 of them) draws another and is written by a statement of its own.
 *
 * The group's time is taken here, once, for every request's time and consents and the jobs that carry it.
 */
export async function recordBookingRequests(
  db: Kysely<Database>,
  entries: readonly BookingEntry[],
  newReference: () => string,
): Promise<RecordedLead[]> {
  const results: (RecordedLead | undefined)[] = [];
  const firstOf = new Map<string, number>();
  entries.forEach(({ lead }, index) => {
    if (!firstOf.has(lead.submissionId)) firstOf.set(lead.submissionId, index);
  });
  const at = new Date();
  let unwritten = [...firstOf.values()];
  for (let draw = 1; draw <= maxReferenceDraws && unwritten.length > 0; draw++) {
    const drawn = unwritten.map((index) => ({ entry: entryAt(entries, index), reference: newReference() }));
    const inserted = await insertBookingsWithJobs(db, drawn, at);
    const skipped: number[] = [];
    unwritten.forEach((index, position) => {
      const reference = drawn[position]?.reference;
      if (reference !== undefined && inserted.has(entryAt(entries, index).lead.submissionId)) {
        results[index] = { reference, created: true };
      } else skipped.push(index);
    });
    // A skipped row is a repeat of a stored submission, or its drawn reference was taken: then it draws again.
    const stored = await storedReferences(
      db,
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
}

/**
 * One statement for the group: the requests (each column as one array, so the statement is the same whatever the
 * group's size), then, for the rows that went in, their jobs and, for minors, the pending guardian consent. A row
 * skipped on a unique conflict gets neither. Answers the submission IDs stored.
 */
async function insertBookingsWithJobs(
  db: Kysely<Database>,
  drawn: readonly { entry: BookingEntry; reference: string }[],
  at: Date,
): Promise<Set<string>> {
  const requests = drawn.map(({ entry }) => entry.lead);
  const column = <Value>(value: (request: NewBookingRequest) => Value) => requests.map(value);
  const jobs = drawn.flatMap(({ entry, reference }) =>
    entry.jobsFor(reference, at.toISOString()).map((job) => ({ submissionId: entry.lead.submissionId, job })),
  );
  const { rows } = await sql<{ submission_id: string }>`${sql.raw(preparedStatementMark)}
    with request as (
      select * from unnest(
        ${column((request) => request.submissionId)}::uuid[], ${drawn.map(({ reference }) => reference)}::text[],
        ${column((request) => request.treatment)}::text[], ${column((request) => request.branch)}::text[],
        ${column((request) => request.preferredDate)}::date[], ${column((request) => request.timeWindow)}::text[],
        ${column((request) => request.locale)}::text[], ${column((request) => request.fullName)}::text[],
        ${column((request) => request.mobile ?? null)}::text[], ${column((request) => request.email ?? null)}::text[],
        ${column((request) => request.dateOfBirth)}::date[], ${column((request) => request.isMinor)}::boolean[],
        ${column((request) => request.helpText ?? null)}::text[],
        ${column((request) => request.guardian?.name ?? null)}::text[],
        ${column((request) => request.guardian?.relationship ?? null)}::text[],
        ${column((request) => request.guardian?.mobile ?? null)}::text[],
        ${column((request) => request.guardian?.email ?? null)}::text[],
        ${column((request) => request.consents.whatsappUpdates)}::boolean[],
        ${column((request) => request.consents.emailNews)}::boolean[],
        ${column((request) => (!request.isMinor && request.attribution ? JSON.stringify(request.attribution) : null))}::jsonb[],
        ${column((request) => request.sentQuickly ?? false)}::boolean[]
      ) with ordinality as request(
        submission_id, reference, treatment, branch, preferred_date, time_window, locale, full_name, mobile_e164,
        email, date_of_birth, is_minor, help_text, guardian_name, guardian_relationship, guardian_mobile_e164,
        guardian_email, whatsapp_updates, email_news, attribution, sent_quickly, position
      )
    ),
    inserted as (
      insert into booking_requests (
        submission_id, reference, treatment, branch, preferred_date, time_window, locale, full_name, mobile_e164,
        email, date_of_birth, is_minor, help_text, guardian_name, guardian_relationship, guardian_mobile_e164,
        guardian_email, guardian_consent_at, consent_privacy_notice_at, consent_whatsapp_at, consent_email_news_at,
        attribution, sent_quickly, created_at
      )
      select
        submission_id, reference, treatment, branch, preferred_date, time_window, locale, full_name, mobile_e164,
        email, date_of_birth, is_minor, help_text, guardian_name, guardian_relationship, guardian_mobile_e164,
        guardian_email, case when guardian_name is not null then ${at}::timestamptz end, ${at}::timestamptz,
        case when whatsapp_updates then ${at}::timestamptz end, case when email_news then ${at}::timestamptz end,
        attribution, sent_quickly, ${at}::timestamptz
      from request
      order by position
      on conflict do nothing
      returning id, submission_id, reference, guardian_name
    ),
    jobs as (
      insert into outbox_jobs (booking_request_id, lead_reference, kind, payload)
      select inserted.id, inserted.reference, job.kind, job.payload
      from unnest(
        ${jobs.map(({ submissionId }) => submissionId)}::uuid[], ${jobs.map(({ job }) => job.kind)}::text[],
        ${jobs.map(({ job }) => JSON.stringify(job.payload))}::jsonb[]
      ) with ordinality as job(submission_id, kind, payload, position)
      join inserted using (submission_id)
      order by job.position
    ),
    consents as (
      insert into guardian_consents (booking_request_id, created_at)
      select id, ${at}::timestamptz from inserted where guardian_name is not null
    )
    select submission_id from inserted
  `.execute(db);
  return new Set(rows.map((row) => row.submission_id));
}

function entryAt<Entry>(entries: readonly Entry[], index: number): Entry {
  const entry = entries[index];
  if (entry === undefined) throw new RangeError(`No entry ${index}`);
  return entry;
}

async function storedReferences(db: Kysely<Database>, submissionIds: readonly string[]): Promise<Map<string, string>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db
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
