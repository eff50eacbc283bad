import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import { storeBookingRequest, storeNewsletterSignup } from '#functions/intake/lead-records.ts';
import { countLeads, findLeadByReference, latestBookings } from '#functions/store/lead-reports.ts';
import type { Database } from '#functions/store/schema.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

// References the next draws return, to force collisions; random ones once it is empty.
const queuedReferences = vi.hoisted((): string[] => []);
vi.mock('#functions/intake/reference.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('#functions/intake/reference.ts')>();
  return { ...actual, generateReference: () => queuedReferences.shift() ?? actual.generateReference() };
});

const referencePattern = /^KC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

function signup(email = `${randomUUID()}@example.com`) {
  return { submissionId: randomUUID(), email, locale: 'en' as const };
}

async function bookingRows(db: Kysely<Database>, submissionId: string) {
  return db.selectFrom('booking_requests').selectAll().where('submission_id', '=', submissionId).execute();
}

async function jobsOf(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('outbox_jobs')
    .select(['kind', 'status', 'attempts', 'payload', 'booking_request_id', 'newsletter_subscription_id'])
    .where('lead_reference', '=', reference)
    .orderBy('kind')
    .execute();
}

async function subscriptionsOf(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('email', '=', email)
    .orderBy('created_at')
    .execute();
}

/** Makes every insert into outbox_jobs fail while `run` runs, as a failing job write would. */
async function withFailingJobWrites(db: Kysely<Database>, run: () => Promise<unknown>) {
  await sql`create function fail_job_write() returns trigger language plpgsql as $$
    begin raise exception 'job write failed'; end $$`.execute(db);
  await sql`create trigger fail_job_write before insert on outbox_jobs for each row execute function fail_job_write()`.execute(
    db,
  );
  try {
    await run();
  } finally {
    await sql`drop trigger fail_job_write on outbox_jobs`.execute(db);
    await sql`drop function fail_job_write()`.execute(db);
  }
}

function recordsBookings(opened: OpenedStore) {
  it("stores an adult's booking with its consents and three jobs", async () => {
    const { db } = opened.store;
    const request = adultBooking();
    const recorded = await storeBookingRequest(db, request, guardianLinks);

    expect(recorded).toEqual({ reference: expect.stringMatching(referencePattern), created: true });
    const [row, ...others] = await bookingRows(db, request.submissionId);
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      reference: recorded.reference,
      treatment: 'teeth-whitening',
      branch: 'bengaluru-indiranagar',
      preferred_date: '2026-11-25',
      time_window: 'morning',
      full_name: 'Asha Rao',
      mobile_e164: '+919876543210',
      email: 'asha@example.com',
      date_of_birth: '1990-05-01',
      is_minor: false,
      help_text: 'A chipped front tooth',
      guardian_name: null,
      guardian_consent_at: null,
      attribution: { utm_source: 'google', utm_campaign: 'whitening', landingPage: '/treatments/teeth-whitening/' },
    });
    // Every consent carries the moment of the request itself.
    expect(row?.consent_privacy_notice_at).toEqual(row?.created_at);
    expect(row?.consent_whatsapp_at).toEqual(row?.created_at);
    expect(row?.consent_email_news_at).toEqual(row?.created_at);

    const jobs = await jobsOf(db, recorded.reference);
    expect(jobs.map((job) => [job.kind, job.status, job.attempts, job.booking_request_id])).toEqual([
      ['crm.booking', 'pending', 0, row?.id],
      ['email.booking-confirmation', 'pending', 0, row?.id],
      ['email.front-desk', 'pending', 0, row?.id],
    ]);
    expect(jobs.find((job) => job.kind === 'email.front-desk')?.payload).toMatchObject({
      reference: recorded.reference,
      helpText: 'A chipped front tooth',
    });
    expect(JSON.stringify(jobs.find((job) => job.kind === 'crm.booking')?.payload)).not.toContain('chipped');
  });

  it("stores a minor's booking with the guardian and a pending consent record, without marketing, and no email to the patient", async () => {
    const { db } = opened.store;
    const request = minorBooking();
    const { reference } = await storeBookingRequest(db, request, guardianLinks);

    const [row] = await bookingRows(db, request.submissionId);
    expect(row).toMatchObject({
      is_minor: true,
      mobile_e164: null,
      email: null,
      guardian_name: 'Asha Rao',
      guardian_relationship: 'parent',
      guardian_mobile_e164: '+919876543210',
      guardian_email: 'asha@example.com',
      consent_email_news_at: null,
      attribution: null,
    });
    expect(row?.guardian_consent_at).toEqual(row?.created_at);
    const consents = await db
      .selectFrom('guardian_consents')
      .selectAll()
      .where('booking_request_id', '=', row?.id ?? '')
      .execute();
    expect(consents).toEqual([
      {
        id: expect.any(String),
        booking_request_id: row?.id,
        status: 'pending',
        method: null,
        verified_by: null,
        verified_at: null,
        created_at: row?.created_at,
      },
    ]);
    const jobs = await jobsOf(db, reference);
    expect(jobs.map((job) => job.kind)).toEqual(['crm.booking', 'email.front-desk', 'email.guardian-consent']);
    expect(jobs[0]?.payload).not.toHaveProperty('attribution');
    expect(jobs[0]?.payload).toMatchObject({ consents: { emailNews: false } });
  });

  it("gives an adult's booking no consent record, and the database refuses an adult without a mobile or with a guardian's email", async () => {
    const { db } = opened.store;
    const request = adultBooking();
    const { reference } = await storeBookingRequest(db, request, guardianLinks);
    const consents = db
      .selectFrom('guardian_consents')
      .innerJoin('booking_requests', 'booking_requests.id', 'guardian_consents.booking_request_id')
      .select('status')
      .where('reference', '=', reference);
    expect(await consents.execute()).toEqual([]);
    await expect(
      sql`update booking_requests set mobile_e164 = null where reference = ${reference}`.execute(db),
    ).rejects.toThrow(/booking_requests_adult_mobile/);
    await expect(
      sql`update booking_requests set guardian_email = 'x@example.com' where reference = ${reference}`.execute(db),
    ).rejects.toThrow(/booking_requests_guardian_email_for_minors/);
  });

  it("drops a minor's attribution even if a caller passes one, and the database refuses marketing for a minor", async () => {
    const { db } = opened.store;
    const request = { ...minorBooking(), attribution: { utm_source: 'google' } } as BookingRequest;
    const { reference } = await storeBookingRequest(db, request, guardianLinks);
    expect((await bookingRows(db, request.submissionId))[0]?.attribution).toBeNull();
    await expect(
      sql`update booking_requests set consent_email_news_at = now() where reference = ${reference}`.execute(db),
    ).rejects.toThrow(/booking_requests_no_marketing_for_minors/);
  });

  it('queues no confirmation for a booking without an email address', async () => {
    const { db } = opened.store;
    const { reference } = await storeBookingRequest(
      db,
      adultBooking({ email: '', consents: { privacyNotice: true } }),
      guardianLinks,
    );
    expect((await jobsOf(db, reference)).map((job) => job.kind)).toEqual(['crm.booking', 'email.front-desk']);
  });

  it('answers a repeated submission with the first reference and stores nothing new', async () => {
    const { db } = opened.store;
    const request = adultBooking();
    const first = await storeBookingRequest(db, request, guardianLinks);
    const repeat = await storeBookingRequest(db, { ...request, fullName: 'Someone Else' }, guardianLinks);

    expect(repeat).toEqual({ reference: first.reference, created: false });
    expect(await bookingRows(db, request.submissionId)).toMatchObject([{ full_name: 'Asha Rao' }]);
    expect(await jobsOf(db, first.reference)).toHaveLength(3);
  });

  it('stores concurrent submits of the same form once', async () => {
    const { db } = opened.store;
    const request = adultBooking();
    const results = await Promise.all(Array.from({ length: 5 }, () => storeBookingRequest(db, request, guardianLinks)));

    const [reference] = new Set(results.map((result) => result.reference));
    expect(new Set(results.map((result) => result.reference)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await bookingRows(db, request.submissionId)).toHaveLength(1);
    expect(await jobsOf(db, reference ?? '')).toHaveLength(3);
  });

  it('stores no booking when writing its jobs fails', async () => {
    const { db } = opened.store;
    const request = adultBooking();
    await withFailingJobWrites(db, () =>
      expect(storeBookingRequest(db, request, guardianLinks)).rejects.toThrow(/job write failed/),
    );
    expect(await bookingRows(db, request.submissionId)).toEqual([]);
    // The same submission goes through once the fault is gone.
    expect((await storeBookingRequest(db, request, guardianLinks)).created).toBe(true);
  });

  it('draws another reference when the first is taken, and gives up after five', async () => {
    const { db } = opened.store;
    const taken = (await storeBookingRequest(db, adultBooking(), guardianLinks)).reference;

    queuedReferences.push(taken);
    const second = await storeBookingRequest(db, adultBooking(), guardianLinks);
    expect(second.created).toBe(true);
    expect(second.reference).not.toBe(taken);

    const unlucky = adultBooking();
    queuedReferences.push(taken, taken, taken, taken, taken);
    await expect(storeBookingRequest(db, unlucky, guardianLinks)).rejects.toThrow(
      'No unused lead reference after 5 draws',
    );
    expect(await bookingRows(db, unlucky.submissionId)).toEqual([]);
  });
}

function recordsNewsletterSignups(opened: OpenedStore) {
  it('stores a pending subscription and queues its confirmation email', async () => {
    const { db } = opened.store;
    const request = signup();
    const recorded = await storeNewsletterSignup(db, request, newsletterLinks);

    expect(recorded).toEqual({ reference: expect.stringMatching(referencePattern), created: true });
    const [row] = await subscriptionsOf(db, request.email);
    expect(row).toMatchObject({
      submission_id: request.submissionId,
      reference: recorded.reference,
      status: 'pending',
      confirmed_at: null,
      unsubscribed_at: null,
    });
    expect(row?.consent_at).toEqual(row?.created_at);
    expect(await jobsOf(db, recorded.reference)).toEqual([
      {
        kind: 'email.newsletter-confirmation',
        status: 'pending',
        attempts: 0,
        payload: {
          reference: recorded.reference,
          to: request.email,
          ...newsletterLinks(recorded.reference),
          locale: 'en',
        },
        booking_request_id: null,
        newsletter_subscription_id: row?.id,
      },
    ]);
  });

  it('answers a repeat, or a new sign-up of a live address, with the existing subscription', async () => {
    const { db } = opened.store;
    const request = signup();
    const first = await storeNewsletterSignup(db, request, newsletterLinks);

    expect(await storeNewsletterSignup(db, request, newsletterLinks)).toEqual({
      reference: first.reference,
      created: false,
    });
    expect(await storeNewsletterSignup(db, signup(request.email), newsletterLinks)).toEqual({
      reference: first.reference,
      created: false,
    });
    await db
      .updateTable('newsletter_subscriptions')
      .set({ status: 'confirmed' })
      .where('email', '=', request.email)
      .execute();
    expect(await storeNewsletterSignup(db, signup(request.email), newsletterLinks)).toEqual({
      reference: first.reference,
      created: false,
    });
    expect(await subscriptionsOf(db, request.email)).toHaveLength(1);
    expect(await jobsOf(db, first.reference)).toHaveLength(1);
  });

  it('takes a new subscription after an unsubscription, keeping the old one', async () => {
    const { db } = opened.store;
    const request = signup();
    const first = await storeNewsletterSignup(db, request, newsletterLinks);
    await db
      .updateTable('newsletter_subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: new Date() })
      .where('reference', '=', first.reference)
      .execute();

    const again = await storeNewsletterSignup(db, signup(request.email), newsletterLinks);
    expect(again.created).toBe(true);
    expect((await subscriptionsOf(db, request.email)).map((row) => row.status)).toEqual(['unsubscribed', 'pending']);
  });

  it('stores concurrent sign-ups of one address once', async () => {
    const { db } = opened.store;
    const email = `${randomUUID()}@example.com`;
    const results = await Promise.all(
      Array.from({ length: 5 }, () => storeNewsletterSignup(db, signup(email), newsletterLinks)),
    );

    expect(new Set(results.map((result) => result.reference)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(await subscriptionsOf(db, email)).toHaveLength(1);
  });

  it('stores no subscription when writing its job fails', async () => {
    const { db } = opened.store;
    const request = signup();
    await withFailingJobWrites(db, () =>
      expect(storeNewsletterSignup(db, request, newsletterLinks)).rejects.toThrow(/job write failed/),
    );
    expect(await subscriptionsOf(db, request.email)).toEqual([]);
  });
}

function reportsLeads(opened: OpenedStore) {
  it('counts leads and jobs, lists bookings without contacts, and finds a lead by reference', async () => {
    const { db } = opened.store;
    expect(await countLeads(db)).toEqual({
      bookings: 0,
      newsletter: { pending: 0, confirmed: 0, unsubscribed: 0 },
      rightsRequests: 0,
      jobs: [],
      oldestPendingJobAgeSeconds: undefined,
    });

    const adult = await storeBookingRequest(db, adultBooking(), guardianLinks);
    const minor = await storeBookingRequest(db, minorBooking(), guardianLinks);
    const subscription = await storeNewsletterSignup(db, signup(), newsletterLinks);
    await db.updateTable('outbox_jobs').set({ status: 'done' }).where('kind', '=', 'crm.booking').execute();

    const counts = await countLeads(db);
    expect(counts).toEqual({
      bookings: 2,
      newsletter: { pending: 1, confirmed: 0, unsubscribed: 0 },
      rightsRequests: 0,
      jobs: [
        { kind: 'crm.booking', status: 'done', count: 2 },
        { kind: 'email.booking-confirmation', status: 'pending', count: 1 },
        { kind: 'email.front-desk', status: 'pending', count: 2 },
        { kind: 'email.guardian-consent', status: 'pending', count: 1 },
        { kind: 'email.newsletter-confirmation', status: 'pending', count: 1 },
      ],
      oldestPendingJobAgeSeconds: expect.any(Number),
    });
    expect(counts.oldestPendingJobAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(counts.oldestPendingJobAgeSeconds).toBeLessThan(60);

    const listed = await latestBookings(db, 20);
    expect(listed.map((booking) => Object.keys(booking).sort())).toEqual([
      ['branch', 'createdAt', 'isMinor', 'reference', 'treatment'],
      ['branch', 'createdAt', 'isMinor', 'reference', 'treatment'],
    ]);
    expect(new Set(listed.map((booking) => booking.reference))).toEqual(new Set([adult.reference, minor.reference]));
    expect(await latestBookings(db, 1)).toHaveLength(1);

    const found = await findLeadByReference(db, minor.reference);
    expect(found?.type).toBe('booking');
    expect(found?.record).toMatchObject({ reference: minor.reference, is_minor: true });
    expect(found?.jobs.map((job) => [job.kind, job.status])).toEqual([
      ['crm.booking', 'done'],
      ['email.front-desk', 'pending'],
      ['email.guardian-consent', 'pending'],
    ]);
    expect(found?.type === 'booking' && found.guardianConsent).toMatchObject({ status: 'pending' });
    expect(await findLeadByReference(db, subscription.reference)).toMatchObject({
      type: 'newsletter',
      record: { status: 'pending' },
      jobs: [{ kind: 'email.newsletter-confirmation', status: 'pending', attempts: 0 }],
    });
    expect(await findLeadByReference(db, 'KC-2222-2222')).toBeUndefined();
  });
}

describe.each([pgliteBackend, postgresBackend])('leads on $name', (backend) => {
  describe('booking requests', () => recordsBookings(emptyStoreForSuite(backend)));
  describe('newsletter sign-ups', () => recordsNewsletterSignups(emptyStoreForSuite(backend)));
  describe('reports', () => reportsLeads(emptyStoreForSuite(backend)));
});
