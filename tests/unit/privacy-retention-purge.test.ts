import { randomUUID } from 'node:crypto';
import { utc } from '@date-fns/utc';
import { addDays } from 'date-fns/addDays';
import { addMinutes } from 'date-fns/addMinutes';
import { addMonths } from 'date-fns/addMonths';
import { type Kysely, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { retention } from '#functions/clinic/retention.ts';
import { verifyGuardian } from '#functions/intake/guardian-consent.ts';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import type { OutboxJobKind } from '#functions/outbox/jobs.ts';
import { purgeSummary } from '#functions/privacy/report.ts';
import { type PurgeCounts, purgeExpired, retentionCutoffs } from '#functions/privacy/retention-purge.ts';
import { startRetentionSchedule } from '#functions/privacy/retention-schedule.ts';
import { recordConsentReceipt } from '#functions/store/consent-receipts.ts';
import { openStore } from '#functions/store/open.ts';
import type { Database, OutboxJobStatus } from '#functions/store/schema.ts';
import { clinicTokens } from '#src/lib/clinic-tokens.ts';
import { necessaryOnlyReceipt } from '../support/consent-fixtures.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks } from '../support/lead-fixtures.ts';
import { databaseNow } from '../support/outbox-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

// The database stamps rows with its own clock; these move the purge's clock forward from that moment instead.
const monthsLater = (from: Date, months: number) => addMonths(from, months, { in: utc });
const daysLater = (from: Date, days: number) => addDays(from, days, { in: utc });
const justBefore = (moment: Date) => addMinutes(moment, -1);
const justAfter = (moment: Date) => addMinutes(moment, 1);

async function emptyTables(db: Kysely<Database>) {
  for (const table of [
    'outbox_jobs',
    'booking_requests',
    'newsletter_subscriptions',
    'rights_requests',
    'consent_receipts',
  ] as const) {
    await db.deleteFrom(table).execute();
  }
  await db.deleteFrom('privacy_audit').execute();
  await db.deleteFrom('processing_log').execute();
}

async function setJobs(
  db: Kysely<Database>,
  reference: string,
  status: OutboxJobStatus,
  kind?: OutboxJobKind,
): Promise<void> {
  let update = db
    .updateTable('outbox_jobs')
    .set({
      status,
      updated_at: sql<Date>`now()`,
      locked_until: status === 'running' ? sql<Date>`now() + interval '2 minutes'` : null,
    })
    .where('lead_reference', '=', reference);
  if (kind) update = update.where('kind', '=', kind);
  await update.execute();
}

async function bookingExists(db: Kysely<Database>, reference: string) {
  const row = await db
    .selectFrom('booking_requests')
    .select('reference')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

async function subscriptionStatus(db: Kysely<Database>, reference: string) {
  const row = await db
    .selectFrom('newsletter_subscriptions')
    .select('status')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row?.status;
}

async function rightsRequestExists(db: Kysely<Database>, reference: string) {
  const row = await db
    .selectFrom('rights_requests')
    .select('reference')
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row !== undefined;
}

/** An access request with an email address: jobs crm.rights-request and email.rights-acknowledgement. */
async function requestRights(db: Kysely<Database>): Promise<string> {
  const request = {
    submissionId: randomUUID(),
    requestType: 'access',
    fullName: 'Asha Rao',
    email: `${randomUUID()}@example.com`,
    requesterRole: 'self',
    locale: 'en',
  } as const;
  const deadlines = { acknowledgeWithinHours: 48, resolveWithinDays: 30 };
  return (await storeRightsRequest(db, request, new Date(), deadlines)).reference;
}

/** As if the request had been received `months` earlier. */
async function receivedMonthsEarlier(db: Kysely<Database>, reference: string, months: number): Promise<void> {
  await sql`update rights_requests set created_at = created_at - make_interval(months => ${months})
    where reference = ${reference}`.execute(db);
}

function jobsOf(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('outbox_jobs')
    .select(['kind', 'status', 'payload', 'updated_at'])
    .where('lead_reference', '=', reference)
    .orderBy('kind')
    .execute();
}

async function signUp(db: Kysely<Database>): Promise<string> {
  const signup = { submissionId: randomUUID(), email: `${randomUUID()}@example.com`, locale: 'en' } as const;
  return (await storeNewsletterSignup(db, signup, newsletterLinks)).reference;
}

/** As the unsubscribe link leaves a subscription: withdrawn, with its unsent jobs cancelled. */
async function unsubscribe(db: Kysely<Database>, reference: string, withdrawal?: OutboxJobStatus): Promise<void> {
  const row = await db
    .updateTable('newsletter_subscriptions')
    .set({ status: 'unsubscribed', unsubscribed_at: sql<Date>`now()` })
    .where('reference', '=', reference)
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  await db
    .updateTable('outbox_jobs')
    .set({ status: 'cancelled', updated_at: sql<Date>`now()` })
    .where('newsletter_subscription_id', '=', row.id)
    .where('status', 'in', ['pending', 'dead'])
    .execute();
  if (withdrawal) {
    // The withdrawal the CRM is told of, once it may have heard of the subscriber.
    await db
      .insertInto('outbox_jobs')
      .values({
        kind: 'crm.newsletter-withdrawal',
        newsletter_subscription_id: row.id,
        lead_reference: reference,
        payload: JSON.stringify({ reference, email: row.email, withdrawnAt: new Date().toISOString() }),
        status: withdrawal,
      })
      .execute();
  }
}

const nothingPurged: PurgeCounts = {
  bookingRequests: { deleted: 0, jobsDeleted: 0, keptUndelivered: 0 },
  unverifiedMinorRequests: { deleted: 0, jobsDeleted: 0, crmDeletionsQueued: 0, keptSending: 0 },
  rightsRequests: { deleted: 0, jobsDeleted: 0, keptUndelivered: 0 },
  deliveredJobPayloads: { cleared: 0 },
  unconfirmedNewsletterSignups: { deleted: 0, jobsDeleted: 0, keptSending: 0 },
  unsubscribedNewsletterSignups: { deleted: 0, jobsDeleted: 0, keptWithdrawalUndelivered: 0 },
  consentReceipts: { deleted: 0 },
  processingRecords: { deleted: 0 },
  preferenceChanges: { deleted: 0 },
};

describe('retention periods', () => {
  it('are the values the privacy policy states, and the policy tokens read them from here', () => {
    expect(retention).toEqual({
      websiteLeadMonths: 12,
      unverifiedMinorRequestDays: 7,
      deliveredJobPayloadDays: 30,
      pendingNewsletterDays: 7,
      consentReceiptMonths: 24,
      rightsRequestMonths: 36,
      processingLogMonths: 12,
      serverLogDays: 90,
      backupDays: 35,
      emailServiceLogDays: 30,
      frontDeskMailboxMonths: 12,
    });
    for (const [period, value] of Object.entries(retention)) {
      expect(clinicTokens.en[`retention.${period}`]).toBe(String(value));
    }
  });

  it('count calendar months and days back from the clock', () => {
    expect(retentionCutoffs(new Date('2027-03-31T10:00:00Z'), retention)).toEqual({
      bookingRequest: new Date('2026-03-31T10:00:00Z'),
      unverifiedMinorRequest: new Date('2027-03-24T10:00:00Z'),
      rightsRequest: new Date('2024-03-31T10:00:00Z'),
      deliveredJobPayload: new Date('2027-03-01T10:00:00Z'),
      pendingNewsletter: new Date('2027-03-24T10:00:00Z'),
      consentReceipt: new Date('2025-03-31T10:00:00Z'),
      processingRecord: new Date('2026-03-31T10:00:00Z'),
    });
    // A month back from the 31st, or a year back from 29 February, ends on the month's last day.
    const clamped = retentionCutoffs(new Date('2028-02-29T00:30:00Z'), { ...retention, websiteLeadMonths: 1 });
    expect(clamped.bookingRequest).toEqual(new Date('2028-01-29T00:30:00Z'));
    expect(clamped.consentReceipt).toEqual(new Date('2026-02-28T00:30:00Z'));
    expect(retentionCutoffs(new Date('2027-03-31T23:00:00Z'), { ...retention, websiteLeadMonths: 1 })).toMatchObject({
      bookingRequest: new Date('2027-02-28T23:00:00Z'),
    });
  });
});

function purgesExpiredRecords(opened: OpenedStore) {
  beforeEach(() => emptyTables(opened.store.db));

  it('deletes booking requests after 12 months with their jobs, but keeps one still undelivered', async () => {
    const { db } = opened.store;
    const delivered = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, delivered, 'done');
    // A minor's, whose guardian's consent was verified: kept for the whole period, like any other request.
    const givenUp = (await storeBookingRequest(db, minorBooking(), guardianLinks)).reference;
    await verifyGuardian(db, givenUp, { method: 'phone', verifiedBy: 'Front desk' });
    await setJobs(db, givenUp, 'dead');
    const waiting = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, waiting, 'done', 'crm.booking');
    const sending = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, sending, 'running', 'email.front-desk');
    const sent = await databaseNow(db);

    const almost = await purgeExpired(db, { now: justBefore(monthsLater(sent, 12)) });
    expect(almost.bookingRequests).toEqual(nothingPurged.bookingRequests);

    const expired = await purgeExpired(db, { now: justAfter(monthsLater(sent, 12)) });
    expect(expired.bookingRequests).toEqual({ deleted: 2, jobsDeleted: 7, keptUndelivered: 2 });
    expect(await bookingExists(db, delivered)).toBe(false);
    expect(await jobsOf(db, delivered)).toEqual([]);
    expect(await bookingExists(db, givenUp)).toBe(false);
    expect(await bookingExists(db, waiting)).toBe(true);
    expect((await jobsOf(db, waiting)).map((job) => job.status)).toEqual(['done', 'pending', 'pending']);
    expect(await bookingExists(db, sending)).toBe(true);

    // Delivered at last: the next run deletes it.
    await setJobs(db, waiting, 'done');
    const later = await purgeExpired(db, { now: monthsLater(sent, 14) });
    expect(later.bookingRequests).toEqual({ deleted: 1, jobsDeleted: 3, keptUndelivered: 1 });
    expect(await bookingExists(db, waiting)).toBe(false);
  });

  it("deletes a minor's request unverified after 7 days, delivered or not, and queues its deal's deletion in the CRM", async () => {
    const { db } = opened.store;
    const delivered = (await storeBookingRequest(db, minorBooking(), guardianLinks)).reference;
    await setJobs(db, delivered, 'done');
    await db.updateTable('outbox_jobs').set({ attempts: 1 }).where('lead_reference', '=', delivered).execute();
    // HubSpot not configured yet: the CRM never heard of it, so there is nothing to delete there.
    const neverSent = (await storeBookingRequest(db, minorBooking(), guardianLinks)).reference;
    const verified = (await storeBookingRequest(db, minorBooking(), guardianLinks)).reference;
    await verifyGuardian(db, verified, { method: 'email-link' });
    const sending = (await storeBookingRequest(db, minorBooking(), guardianLinks)).reference;
    await setJobs(db, sending, 'running', 'email.guardian-consent');
    const adult = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    const sent = await databaseNow(db);

    const almost = await purgeExpired(db, { now: justBefore(daysLater(sent, 7)) });
    expect(almost.unverifiedMinorRequests).toEqual(nothingPurged.unverifiedMinorRequests);

    const expired = await purgeExpired(db, { now: justAfter(daysLater(sent, 7)) });
    expect(expired.unverifiedMinorRequests).toEqual({
      deleted: 2,
      jobsDeleted: 6,
      crmDeletionsQueued: 1,
      keptSending: 1,
    });
    for (const gone of [delivered, neverSent]) expect(await bookingExists(db, gone)).toBe(false);
    // Their consent records went with them: the verified one's and the one being sent's are left.
    expect(await db.selectFrom('guardian_consents').select('status').orderBy('status').execute()).toEqual([
      { status: 'pending' },
      { status: 'verified' },
    ]);
    expect(await jobsOf(db, neverSent)).toEqual([]);
    // Only the reference survives, in the job that deletes the deal: the request belongs to no lead any more.
    const deletion = await db.selectFrom('outbox_jobs').selectAll().where('lead_reference', '=', delivered).execute();
    expect(deletion).toEqual([
      expect.objectContaining({
        kind: 'crm.booking-deletion',
        status: 'pending',
        booking_request_id: null,
        payload: { reference: delivered },
      }),
    ]);
    for (const kept of [verified, sending, adult]) expect(await bookingExists(db, kept)).toBe(true);

    await setJobs(db, sending, 'done', 'email.guardian-consent');
    const later = await purgeExpired(db, { now: daysLater(sent, 8) });
    expect(later.unverifiedMinorRequests).toMatchObject({ deleted: 1, crmDeletionsQueued: 0, keptSending: 0 });
    expect(await bookingExists(db, sending)).toBe(false);
    expect(await bookingExists(db, verified)).toBe(true);
  });

  it('deletes data-rights requests after 36 months with their jobs, but keeps a recent or undelivered one', async () => {
    const { db } = opened.store;
    const delivered = await requestRights(db);
    await setJobs(db, delivered, 'done');
    const givenUp = await requestRights(db);
    await setJobs(db, givenUp, 'dead');
    const ticketWaiting = await requestRights(db);
    await setJobs(db, ticketWaiting, 'done', 'email.rights-acknowledgement');
    const ticketSending = await requestRights(db);
    await setJobs(db, ticketSending, 'done');
    await setJobs(db, ticketSending, 'running', 'crm.rights-request');
    for (const old of [delivered, givenUp, ticketWaiting, ticketSending]) await receivedMonthsEarlier(db, old, 37);
    const recent = await requestRights(db);
    await setJobs(db, recent, 'done');
    const received = await databaseNow(db);

    const first = await purgeExpired(db, { now: received });
    expect(first.rightsRequests).toEqual({ deleted: 2, jobsDeleted: 4, keptUndelivered: 2 });
    expect(await rightsRequestExists(db, delivered)).toBe(false);
    expect(await jobsOf(db, delivered)).toEqual([]);
    expect(await rightsRequestExists(db, givenUp)).toBe(false);
    expect(await rightsRequestExists(db, ticketWaiting)).toBe(true);
    expect((await jobsOf(db, ticketWaiting)).map((job) => [job.kind, job.status])).toEqual([
      ['crm.rights-request', 'pending'],
      ['email.rights-acknowledgement', 'done'],
    ]);
    expect(await rightsRequestExists(db, ticketSending)).toBe(true);
    expect(await rightsRequestExists(db, recent)).toBe(true);
    expect(await jobsOf(db, recent)).toHaveLength(2);

    // The recent one goes when its own 36 months are up; the waiting one once its ticket is delivered.
    const almost = await purgeExpired(db, { now: justBefore(monthsLater(received, 36)) });
    expect(almost.rightsRequests).toEqual({ deleted: 0, jobsDeleted: 0, keptUndelivered: 2 });
    await setJobs(db, ticketWaiting, 'done');
    const expired = await purgeExpired(db, { now: justAfter(monthsLater(received, 36)) });
    expect(expired.rightsRequests).toEqual({ deleted: 2, jobsDeleted: 4, keptUndelivered: 1 });
    expect(await rightsRequestExists(db, recent)).toBe(false);
    expect(await rightsRequestExists(db, ticketWaiting)).toBe(false);
    expect(await rightsRequestExists(db, ticketSending)).toBe(true);
  });

  it('empties the payloads of jobs delivered or cancelled 30 days ago, keeping the rows', async () => {
    const { db } = opened.store;
    const finished = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, finished, 'done', 'crm.booking');
    await setJobs(db, finished, 'cancelled', 'email.booking-confirmation');
    await setJobs(db, finished, 'dead', 'email.front-desk');
    const unfinished = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, unfinished, 'running', 'crm.booking');
    const deliveredAt = await databaseNow(db);
    const before = await jobsOf(db, finished);

    const almost = await purgeExpired(db, { now: justBefore(daysLater(deliveredAt, 30)) });
    expect(almost.deliveredJobPayloads).toEqual({ cleared: 0 });

    const expired = await purgeExpired(db, { now: justAfter(daysLater(deliveredAt, 30)) });
    expect(expired).toEqual({ ...nothingPurged, deliveredJobPayloads: { cleared: 2 } });
    const after = await jobsOf(db, finished);
    expect(after.map((job) => [job.kind, job.status, job.payload])).toEqual([
      ['crm.booking', 'done', {}],
      ['email.booking-confirmation', 'cancelled', {}],
      ['email.front-desk', 'dead', before[2]?.payload],
    ]);
    // When each was delivered stays on record.
    expect(after.map((job) => job.updated_at)).toEqual(before.map((job) => job.updated_at));
    expect((await jobsOf(db, unfinished)).every((job) => JSON.stringify(job.payload).includes('Asha Rao'))).toBe(true);

    // Nothing left to clear: the next run changes nothing.
    expect((await purgeExpired(db, { now: daysLater(deliveredAt, 60) })).deliveredJobPayloads).toEqual({ cleared: 0 });
  });

  it('deletes newsletter sign-ups unconfirmed after 7 days, with their confirmation emails', async () => {
    const { db } = opened.store;
    const unconfirmed = await signUp(db);
    const emailNeverSent = await signUp(db);
    const emailBeingSent = await signUp(db);
    await setJobs(db, emailBeingSent, 'running');
    const confirmed = await signUp(db);
    await db
      .updateTable('newsletter_subscriptions')
      .set({ status: 'confirmed', confirmed_at: sql<Date>`now()` })
      .where('reference', '=', confirmed)
      .execute();
    await setJobs(db, confirmed, 'done');
    await setJobs(db, unconfirmed, 'done');
    const signedUp = await databaseNow(db);

    const almost = await purgeExpired(db, { now: justBefore(daysLater(signedUp, 7)) });
    expect(almost.unconfirmedNewsletterSignups).toEqual(nothingPurged.unconfirmedNewsletterSignups);

    const expired = await purgeExpired(db, { now: justAfter(daysLater(signedUp, 7)) });
    expect(expired.unconfirmedNewsletterSignups).toEqual({ deleted: 2, jobsDeleted: 2, keptSending: 1 });
    expect(await subscriptionStatus(db, unconfirmed)).toBeUndefined();
    expect(await jobsOf(db, emailNeverSent)).toEqual([]);
    expect(await subscriptionStatus(db, emailBeingSent)).toBe('pending');
    // A confirmed subscription stays until its subscriber leaves, however old.
    expect(await subscriptionStatus(db, confirmed)).toBe('confirmed');
    await purgeExpired(db, { now: monthsLater(signedUp, 36) });
    expect(await subscriptionStatus(db, confirmed)).toBe('confirmed');
  });

  it('deletes an unsubscribed sign-up at the next run, once the CRM has the withdrawal', async () => {
    const { db } = opened.store;
    const neverConfirmed = await signUp(db);
    await unsubscribe(db, neverConfirmed);
    const withdrawalWaiting = await signUp(db);
    await setJobs(db, withdrawalWaiting, 'done');
    await unsubscribe(db, withdrawalWaiting, 'pending');
    const withdrawalDead = await signUp(db);
    await setJobs(db, withdrawalDead, 'done');
    await unsubscribe(db, withdrawalDead, 'dead');
    const subscribed = await signUp(db);

    const first = await purgeExpired(db, { now: await databaseNow(db) });
    expect(first.unsubscribedNewsletterSignups).toEqual({ deleted: 1, jobsDeleted: 1, keptWithdrawalUndelivered: 2 });
    expect(await subscriptionStatus(db, neverConfirmed)).toBeUndefined();
    expect(await jobsOf(db, neverConfirmed)).toEqual([]);
    expect(await subscriptionStatus(db, withdrawalWaiting)).toBe('unsubscribed');
    expect(await subscriptionStatus(db, withdrawalDead)).toBe('unsubscribed');
    expect(await subscriptionStatus(db, subscribed)).toBe('pending');

    await setJobs(db, withdrawalWaiting, 'done', 'crm.newsletter-withdrawal');
    const second = await purgeExpired(db, { now: await databaseNow(db) });
    expect(second.unsubscribedNewsletterSignups).toEqual({ deleted: 1, jobsDeleted: 2, keptWithdrawalUndelivered: 1 });
    expect(await subscriptionStatus(db, withdrawalWaiting)).toBeUndefined();
    expect(await subscriptionStatus(db, withdrawalDead)).toBe('unsubscribed');
  });

  it('deletes consent receipts after 24 months', async () => {
    const { db } = opened.store;
    const receipt = necessaryOnlyReceipt;
    const { recordedAt } = await recordConsentReceipt(db, receipt());
    await recordConsentReceipt(db, receipt());

    const almost = await purgeExpired(db, { now: justBefore(monthsLater(recordedAt, 24)) });
    expect(almost.consentReceipts).toEqual({ deleted: 0 });
    const expired = await purgeExpired(db, { now: justAfter(monthsLater(await databaseNow(db), 24)) });
    expect(expired.consentReceipts).toEqual({ deleted: 2 });
    expect(await db.selectFrom('consent_receipts').selectAll().execute()).toEqual([]);
  });

  it('records each run in the privacy audit log as counts only', async () => {
    const { db } = opened.store;
    const delivered = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, delivered, 'done');
    const counts = await purgeExpired(db, { now: monthsLater(await databaseNow(db), 13) });

    const audit = await db.selectFrom('privacy_audit').selectAll().execute();
    expect(audit).toEqual([
      { id: expect.any(String), action: 'purge', counts, request_reference: null, performed_at: expect.any(Date) },
    ]);
    expect(counts.bookingRequests).toEqual({ deleted: 1, jobsDeleted: 3, keptUndelivered: 0 });
    // The booking's own processing records (collected, and its three deliveries) are 13 months old by now too.
    expect(counts.processingRecords).toEqual({ deleted: 4 });
    expect(purgeSummary(counts)).toBe(
      'Retention purge: booking requests 1 deleted (3 jobs), 0 kept until delivered; ' +
        'requests for patients under 18 never verified 0 deleted (0 jobs, 0 CRM deletions queued), 0 kept while a job is sent; ' +
        'data-rights requests 0 deleted (0 jobs), 0 kept until delivered; ' +
        'delivered job payloads 0 cleared; ' +
        'unconfirmed newsletter sign-ups 0 deleted (0 jobs), 0 kept while their email is sent; ' +
        'unsubscribed newsletter sign-ups 0 deleted (0 jobs), 0 kept until the CRM has the withdrawal; ' +
        'consent receipts 0 deleted; ' +
        'processing records 4 deleted; ' +
        'choices changed by people no longer held 0 deleted',
    );
  });
}

describe.each([pgliteBackend, postgresBackend])('retention purge on $name', (backend) => {
  purgesExpiredRecords(emptyStoreForSuite(backend));
});

describe('retention schedule', () => {
  const opened = emptyStoreForSuite(pgliteBackend);

  function collectingLogger() {
    const lines: { level: 'info' | 'error'; line: string }[] = [];
    return {
      lines,
      logger: {
        info: (line: string) => lines.push({ level: 'info', line }),
        error: (line: string) => lines.push({ level: 'error', line }),
      },
      until: async (count: number) => {
        for (let waited = 0; lines.length < count && waited < 10_000; waited += 10) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
    };
  }

  it('purges at once and then at every interval, one line of counts each, until stopped', async () => {
    const { db } = opened.store;
    const delivered = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;
    await setJobs(db, delivered, 'done');
    const start = await databaseNow(db);
    let day = 0;
    const { lines, logger, until } = collectingLogger();

    // Each run's clock is a year later than the last, so the second run finds the booking expired.
    const schedule = startRetentionSchedule(db, {
      intervalMs: 20,
      logger,
      clock: () => monthsLater(start, 13 * day++),
    });
    await until(3);
    await schedule.stop();
    const runs = lines.length;
    await new Promise((resolve) => setTimeout(resolve, 60));

    expect(lines.length).toBe(runs);
    expect(lines.every((entry) => entry.level === 'info' && entry.line.startsWith('Retention purge: '))).toBe(true);
    expect(lines[0]?.line).toContain('booking requests 0 deleted');
    expect(lines[1]?.line).toContain('booking requests 1 deleted (3 jobs)');
    expect(lines.map((entry) => entry.line).join('\n')).not.toMatch(/Asha|@|\+91/);
    expect(await bookingExists(db, delivered)).toBe(false);
  });

  it('logs a failed run and tries again at the next', async () => {
    const broken = {
      transaction: () => {
        throw new Error('the store is closed');
      },
    } as unknown as Kysely<Database>;
    const { lines, logger, until } = collectingLogger();
    const schedule = startRetentionSchedule(broken, { intervalMs: 10, logger });
    await until(2);
    await schedule.stop();
    expect(lines.slice(0, 2)).toEqual([
      { level: 'error', line: 'Retention purge failed, trying again at the next run: the store is closed' },
      { level: 'error', line: 'Retention purge failed, trying again at the next run: the store is closed' },
    ]);
  });
});

describe('retention schedule across instances on one PostgreSQL', () => {
  const opened = emptyStoreForSuite(postgresBackend);

  it('purges once a day in all, whichever instance looks first', { timeout: 30_000 }, async () => {
    // Two instances: each its own connections to the one database, looking every 10 ms.
    const other = await openStore(opened.config);
    const quiet = { info: () => {}, error: () => {} };
    try {
      const schedules = [opened.store.db, other.db].flatMap((db) =>
        [1, 2].map(() => startRetentionSchedule(db, { lookEveryMs: 10, logger: quiet })),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      await Promise.all(schedules.map((schedule) => schedule.stop()));
      const purges = await opened.store.db
        .selectFrom('privacy_audit')
        .select('action')
        .where('action', '=', 'purge')
        .execute();
      expect(purges).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
