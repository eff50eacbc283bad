import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import { erasePersonData, exportPersonData, type PersonDataCounts } from '#functions/privacy/person-data.ts';
import { erasureText, exportDocument, exportNoteText } from '#functions/privacy/report.ts';
import type { PersonIdentifier } from '#functions/store/person-records.ts';
import type { Database } from '#functions/store/schema.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const asha = {
  email: { type: 'email', email: 'asha@example.com' },
  mobile: { type: 'mobile', mobile: '+919876543210' },
} as const satisfies Record<string, PersonIdentifier>;

const tables = [
  'outbox_jobs',
  'booking_requests',
  'newsletter_subscriptions',
  'rights_requests',
  'privacy_audit',
] as const;

async function emptyTables(db: Kysely<Database>) {
  for (const table of tables) await db.deleteFrom(table).execute();
}

/** How many rows of each table mention the text anywhere, in any column. */
async function rowsMentioning(db: Kysely<Database>, text: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from ${sql.table(table)} as t
      where strpos(lower(to_jsonb(t)::text), ${text.toLowerCase()}) > 0`.execute(db);
    found[table] = rows[0]?.count ?? 0;
  }
  return found;
}

const mentionsNone = {
  outbox_jobs: 0,
  booking_requests: 0,
  newsletter_subscriptions: 0,
  rights_requests: 0,
  privacy_audit: 0,
};

/**
 * Asha's own booking (email and mobile), her son's booking with her as the guardian (her mobile only), her
 * newsletter subscription, and Ravi's booking and subscription; one of Ravi's jobs names Asha's address, as a
 * payload may after a staff correction.
 */
async function ashaAndRavi(db: Kysely<Database>) {
  const own = await storeBookingRequest(db, adultBooking(), guardianLinks);
  const son = await storeBookingRequest(
    db,
    minorBooking({ mobile: '+91 98765 43210', email: '', patientMobile: '91234 56780' }),
    guardianLinks,
  );
  const newsletter = await storeNewsletterSignup(
    db,
    { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
    newsletterLinks,
  );
  const ravi = await storeBookingRequest(
    db,
    adultBooking({ fullName: 'Ravi Kumar', mobile: '99887 76655', email: 'ravi@example.com' }),
    guardianLinks,
  );
  await storeNewsletterSignup(
    db,
    { submissionId: randomUUID(), email: 'ravi@example.com', locale: 'en' },
    newsletterLinks,
  );
  const raviBooking = await db
    .selectFrom('booking_requests')
    .select('id')
    .where('reference', '=', ravi.reference)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('outbox_jobs')
    .values({
      kind: 'email.booking-confirmation',
      booking_request_id: raviBooking.id,
      lead_reference: ravi.reference,
      payload: JSON.stringify({ reference: ravi.reference, to: 'asha@example.com', fullName: 'Ravi Kumar' }),
      status: 'done',
    })
    .execute();
  return { own: own.reference, son: son.reference, newsletter: newsletter.reference, ravi: ravi.reference };
}

async function requestRights(
  db: Kysely<Database>,
  request: Omit<RightsRequest, 'submissionId' | 'requesterRole' | 'locale'>,
) {
  const recorded = await storeRightsRequest(
    db,
    { submissionId: randomUUID(), requesterRole: 'self', locale: 'en', ...request },
    new Date(),
    { acknowledgeWithinHours: 48, resolveWithinDays: 30 },
  );
  return recorded.reference;
}

/**
 * Asha's erasure request (email and mobile), her access request by phone (mobile only), and Ravi's request,
 * whose details name Asha's address in free text (not a JSON string value of its own, so never matched).
 */
async function rightsRequestsOfAshaAndRavi(db: Kysely<Database>) {
  const erasure = await requestRights(db, {
    requestType: 'erasure',
    fullName: 'Asha Rao',
    email: 'asha@example.com',
    mobile: '+919876543210',
  });
  const access = await requestRights(db, { requestType: 'access', fullName: 'Asha Rao', mobile: '+919876543210' });
  const ravi = await requestRights(db, {
    requestType: 'correction',
    fullName: 'Ravi Kumar',
    email: 'ravi@example.com',
    details: 'My wife writes from asha@example.com',
  });
  return { erasure, access, ravi };
}

async function deliverAll(db: Kysely<Database>) {
  await db.updateTable('outbox_jobs').set({ status: 'done' }).execute();
}

async function auditRows(db: Kysely<Database>) {
  return db.selectFrom('privacy_audit').selectAll().orderBy('performed_at').orderBy('action').execute();
}

function exportsAndErases(opened: OpenedStore) {
  beforeEach(() => emptyTables(opened.store.db));

  it("exports by mobile: the person's own booking and the one naming them as guardian, with jobs and payloads", async () => {
    const { db } = opened.store;
    const references = await ashaAndRavi(db);

    const exported = await exportPersonData(db, asha.mobile);
    const { data } = exported;
    expect(data.bookingRequests.map((booking) => [booking.record.reference, booking.matchedOn])).toEqual([
      [references.own, ['mobile']],
      [references.son, ['guardianMobile']],
    ]);
    expect(data.bookingRequests[1]?.record).toMatchObject({ full_name: 'Kiran Rao', is_minor: true });
    expect(data.bookingRequests[0]?.outboxJobs.map((job) => job.kind).sort()).toEqual([
      'crm.booking',
      'email.booking-confirmation',
      'email.front-desk',
    ]);
    expect(data.bookingRequests[1]?.outboxJobs.find((job) => job.kind === 'crm.booking')?.payload).toMatchObject({
      contact: { fullName: 'Asha Rao', mobile: '+919876543210' },
    });
    expect(data.bookingRequests[1]?.guardianConsent).toMatchObject({ status: 'pending', method: null });
    expect(data.bookingRequests[0]?.guardianConsent).toBeUndefined();
    // A newsletter subscription holds an email address only, and Ravi's job names Asha's email, not her mobile.
    expect(data.newsletterSubscriptions).toEqual([]);
    expect(data.otherOutboxJobs).toEqual([]);
    expect(exported.counts).toEqual({
      identifierType: 'mobile',
      bookingRequests: 2,
      bookingRequestsMatchedOn: { email: 0, mobile: 1, guardianEmail: 0, guardianMobile: 1 },
      newsletterSubscriptions: 0,
      rightsRequests: 0,
      rightsRequestsMatchedOn: { email: 0, mobile: 0 },
      outboxJobs: 5,
      outboxJobsOfOtherLeads: 0,
      notDelivered: { pending: 5, running: 0, dead: 0 },
      preferenceChanges: 0,
    } satisfies PersonDataCounts);
  });

  it('exports by email: bookings, newsletter subscriptions, and other jobs naming the address', async () => {
    const { db } = opened.store;
    const references = await ashaAndRavi(db);

    const exported = await exportPersonData(db, asha.email, { requestReference: 'GRV-2026-014' });
    const document = JSON.parse(JSON.stringify(exportDocument(asha.email, exported.data, exported.exportedAt)));
    expect(document.identifier).toEqual({ type: 'email', email: 'asha@example.com' });
    expect(document.bookingRequests).toMatchObject([
      {
        matchedOn: ['email'],
        record: { reference: references.own, email: 'asha@example.com', mobile_e164: '+919876543210' },
      },
    ]);
    expect(document.bookingRequests[0].outboxJobs).toHaveLength(3);
    expect(document.newsletterSubscriptions).toMatchObject([
      {
        matchedOn: ['email'],
        record: { reference: references.newsletter, email: 'asha@example.com', status: 'pending' },
        outboxJobs: [{ kind: 'email.newsletter-confirmation', payload: { to: 'asha@example.com' } }],
      },
    ]);
    expect(document.otherOutboxJobs).toMatchObject([
      { matchedOn: ['payload'], leadReference: references.ravi, status: 'done', payload: { to: 'asha@example.com' } },
    ]);
    expect(document.notes).toHaveLength(2);
    expect(JSON.stringify(document)).not.toContain('ravi@example.com');

    expect(await auditRows(db)).toEqual([
      {
        id: exported.auditId,
        action: 'export',
        counts: exported.counts,
        request_reference: 'GRV-2026-014',
        performed_at: exported.exportedAt,
      },
    ]);
    expect(await rowsMentioning(db, 'asha')).toMatchObject({ privacy_audit: 0 });
    expect(await rowsMentioning(db, '9876543210')).toMatchObject({ privacy_audit: 0 });
  });

  it('matches an email address stored in another case', async () => {
    const { db } = opened.store;
    const references = await ashaAndRavi(db);
    await db
      .updateTable('booking_requests')
      .set({ email: 'Asha@Example.COM' })
      .where('reference', '=', references.own)
      .execute();

    const { data } = await exportPersonData(db, asha.email);
    expect(data.bookingRequests.map((booking) => [booking.record.reference, booking.matchedOn])).toEqual([
      [references.own, ['email']],
    ]);
  });

  it("finds a child's booking by the guardian's email too, with its consent record, and erases the record with it", async () => {
    const { db } = opened.store;
    const { reference } = await storeBookingRequest(db, minorBooking(), guardianLinks);
    await deliverAll(db);

    const { data, counts } = await exportPersonData(db, asha.email);
    expect(data.bookingRequests.map((booking) => [booking.record.reference, booking.matchedOn])).toEqual([
      [reference, ['guardianEmail']],
    ]);
    expect(counts.bookingRequestsMatchedOn).toEqual({ email: 0, mobile: 0, guardianEmail: 1, guardianMobile: 0 });
    expect(exportDocument(asha.email, data, new Date()).bookingRequests[0]).toMatchObject({
      guardianConsent: { status: 'pending' },
    });

    expect(await erasePersonData(db, asha.email, { dropNotDelivered: false })).toMatchObject({ status: 'erased' });
    expect(await db.selectFrom('guardian_consents').selectAll().execute()).toEqual([]);
    expect(await rowsMentioning(db, 'Kiran')).toEqual(mentionsNone);
  });

  it('refuses to erase while jobs are undelivered, changing nothing and logging nothing', async () => {
    const { db } = opened.store;
    await ashaAndRavi(db);
    const before = await rowsMentioning(db, 'asha@example.com');

    const outcome = await erasePersonData(db, asha.email, { dropNotDelivered: false });
    expect(outcome).toEqual({
      status: 'needs-confirmation',
      counts: expect.objectContaining({ bookingRequests: 1, newsletterSubscriptions: 1, outboxJobs: 5 }),
    });
    expect(outcome.counts.notDelivered).toEqual({ pending: 4, running: 0, dead: 0 });
    expect(erasureText(outcome)[0]).toBe(
      'Nothing erased: erasing would drop 4 jobs not yet delivered (4 waiting), so that lead, withdrawal or ' +
        'data-rights request would never reach the front desk or the CRM.',
    );
    expect(await rowsMentioning(db, 'asha@example.com')).toEqual(before);
    expect(await auditRows(db)).toEqual([]);
  });

  it('erases everything naming the person, keeps everyone else, and logs counts without the identifier', async () => {
    const { db } = opened.store;
    const references = await ashaAndRavi(db);
    await db
      .updateTable('outbox_jobs')
      .set({ status: 'running' })
      .where('lead_reference', '=', references.son)
      .execute();
    await db.updateTable('outbox_jobs').set({ status: 'dead' }).where('kind', '=', 'email.front-desk').execute();

    const byEmail = await erasePersonData(db, asha.email, { dropNotDelivered: true, requestReference: 'GRV-2026-014' });
    expect(byEmail).toEqual({
      status: 'erased',
      auditId: expect.any(String),
      counts: {
        identifierType: 'email',
        bookingRequests: 1,
        bookingRequestsMatchedOn: { email: 1, mobile: 0, guardianEmail: 0, guardianMobile: 0 },
        newsletterSubscriptions: 1,
        rightsRequests: 0,
        rightsRequestsMatchedOn: { email: 0, mobile: 0 },
        outboxJobs: 5,
        outboxJobsOfOtherLeads: 1,
        notDelivered: { pending: 3, running: 0, dead: 1 },
        preferenceChanges: 0,
      },
    });
    // Only the CRM's erasure job names her, until it is delivered (which empties it).
    expect(await rowsMentioning(db, 'asha@example.com')).toEqual({ ...mentionsNone, outbox_jobs: 1 });
    // Her son's booking names her only by her mobile number, which the next request names.
    expect(await rowsMentioning(db, '+919876543210')).toMatchObject({ booking_requests: 1 });

    const byMobile = await erasePersonData(db, asha.mobile, { dropNotDelivered: true });
    expect(byMobile.counts).toMatchObject({
      bookingRequests: 1,
      bookingRequestsMatchedOn: { guardianMobile: 1 },
      outboxJobs: 2,
      notDelivered: { pending: 0, running: 1, dead: 1 },
    });
    expect(erasureText(byMobile)).toContain(
      'A delivery that was under way may still have reached the CRM or the email service: check them.',
    );
    for (const trace of ['Kiran Rao', references.newsletter]) {
      expect(await rowsMentioning(db, trace), trace).toEqual(mentionsNone);
    }
    // Each erasure's CRM job names her (by email, then by mobile) and the bookings it erased, until delivered.
    for (const trace of ['asha', '9876543210', references.own, references.son]) {
      expect(await rowsMentioning(db, trace), trace).toEqual({ ...mentionsNone, outbox_jobs: 1 });
    }
    const crmErasures = await db
      .selectFrom('outbox_jobs')
      .select('payload')
      .where('kind', '=', 'crm.erasure')
      .execute();
    expect(crmErasures.map(({ payload }) => payload)).toEqual([
      { email: 'asha@example.com', bookingReferences: [references.own], rightsRequestReferences: [] },
      { mobile: '+919876543210', bookingReferences: [references.son], rightsRequestReferences: [] },
    ]);

    // Ravi keeps his booking, his subscription and his own jobs.
    expect(await rowsMentioning(db, 'ravi@example.com')).toMatchObject({
      booking_requests: 1,
      newsletter_subscriptions: 1,
    });
    expect(await rowsMentioning(db, references.ravi)).toMatchObject({ booking_requests: 1, outbox_jobs: 3 });

    const audit = await auditRows(db);
    expect(audit.map((row) => [row.action, row.request_reference, row.counts])).toEqual([
      ['erase', 'GRV-2026-014', byEmail.counts],
      ['erase', null, byMobile.counts],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/asha|9876543210|Rao/i);
  });

  it('erases without confirmation when everything was delivered, and answers a stranger with nothing', async () => {
    const { db } = opened.store;
    await ashaAndRavi(db);
    await deliverAll(db);

    const outcome = await erasePersonData(db, asha.mobile, { dropNotDelivered: false });
    expect(outcome.status).toBe('erased');
    expect(outcome.counts).toMatchObject({ bookingRequests: 2, outboxJobs: 5 });
    expect(erasureText(outcome)[0]).toBe(
      "Erased 2 booking requests (1 by mobile, 1 by guardian's mobile), 0 newsletter subscriptions, " +
        '0 data-rights requests, 5 outbox jobs.',
    );

    const stranger = { type: 'email', email: 'nobody@example.com' } as const;
    const nothing = await erasePersonData(db, stranger, { dropNotDelivered: false });
    expect(nothing.status).toBe('erased');
    expect(erasureText(nothing)[0]).toBe('Nothing to erase: the website database holds nothing about this person.');
    const exported = await exportPersonData(db, stranger);
    expect(exported.data).toEqual({
      bookingRequests: [],
      newsletterSubscriptions: [],
      rightsRequests: [],
      // HubSpot may know them all the same: the CRM's erasure is queued for them.
      otherOutboxJobs: [expect.objectContaining({ kind: 'crm.erasure', status: 'pending' })],
      preferenceChanges: [],
    });
    expect((await auditRows(db)).map((row) => row.action)).toEqual(['erase', 'erase', 'export']);
  });

  it('exports data-rights requests by email and by mobile, saying which matched, with their jobs', async () => {
    const { db } = opened.store;
    const references = await rightsRequestsOfAshaAndRavi(db);

    const byEmail = await exportPersonData(db, asha.email);
    expect(byEmail.data.rightsRequests).toMatchObject([
      {
        matchedOn: ['email'],
        record: { reference: references.erasure, request_type: 'erasure', full_name: 'Asha Rao' },
      },
    ]);
    expect(byEmail.data.rightsRequests[0]?.outboxJobs.map((job) => [job.kind, job.status])).toEqual([
      ['crm.rights-request', 'pending'],
      ['email.rights-acknowledgement', 'pending'],
    ]);
    // The request's own jobs name her address: they come with the request, not as other leads' jobs.
    expect(byEmail.data.otherOutboxJobs).toEqual([]);
    expect(byEmail.counts).toMatchObject({
      bookingRequests: 0,
      rightsRequests: 1,
      rightsRequestsMatchedOn: { email: 1, mobile: 0 },
      outboxJobs: 2,
      outboxJobsOfOtherLeads: 0,
      notDelivered: { pending: 2, running: 0, dead: 0 },
      preferenceChanges: 0,
    });
    const document = JSON.parse(JSON.stringify(exportDocument(asha.email, byEmail.data, byEmail.exportedAt)));
    expect(document.rightsRequests).toMatchObject([
      {
        matchedOn: ['email'],
        record: { reference: references.erasure, email: 'asha@example.com', mobile_e164: '+919876543210' },
        outboxJobs: [
          { kind: 'crm.rights-request', leadReference: references.erasure, payload: { requestType: 'erasure' } },
          { kind: 'email.rights-acknowledgement', payload: { to: 'asha@example.com' } },
        ],
      },
    ]);
    expect(JSON.stringify(document)).not.toContain('Ravi');

    const byMobile = await exportPersonData(db, asha.mobile);
    expect(byMobile.data.rightsRequests.map((request) => [request.record.reference, request.matchedOn])).toEqual([
      [references.erasure, ['mobile']],
      [references.access, ['mobile']],
    ]);
    expect(byMobile.data.rightsRequests[1]?.outboxJobs.map((job) => job.kind)).toEqual(['crm.rights-request']);
    expect(byMobile.counts).toMatchObject({
      rightsRequests: 2,
      rightsRequestsMatchedOn: { email: 0, mobile: 2 },
      outboxJobs: 3,
    });
    expect(exportNoteText(byMobile.counts, byMobile.auditId)).toBe(
      'Exported 0 booking requests, 0 newsletter subscriptions, 2 data-rights requests (2 by mobile), 3 outbox jobs. ' +
        `Audit entry ${byMobile.auditId} (counts only).`,
    );
  });

  it('erases data-rights requests with their jobs, the erasure request itself included, once told to', async () => {
    const { db } = opened.store;
    const references = await rightsRequestsOfAshaAndRavi(db);
    await ashaAndRavi(db);
    await deliverAll(db);
    // The privacy team's ticket for the erasure request has not reached the CRM yet.
    await db
      .updateTable('outbox_jobs')
      .set({ status: 'pending' })
      .where('lead_reference', '=', references.erasure)
      .where('kind', '=', 'crm.rights-request')
      .execute();
    const before = await rowsMentioning(db, 'asha@example.com');

    const refused = await erasePersonData(db, asha.email, { dropNotDelivered: false });
    expect(refused.status).toBe('needs-confirmation');
    expect(refused.counts).toMatchObject({ rightsRequests: 1, notDelivered: { pending: 1, running: 0, dead: 0 } });
    expect(erasureText(refused)[1]).toBe(
      'Found 1 booking request (1 by email), 1 newsletter subscription, 1 data-rights request (1 by email), ' +
        '7 outbox jobs (1 of other leads naming them).',
    );
    expect(await rowsMentioning(db, 'asha@example.com')).toEqual(before);

    const byEmail = await erasePersonData(db, asha.email, {
      dropNotDelivered: true,
      requestReference: references.erasure,
    });
    expect(byEmail.status).toBe('erased');
    expect(byEmail.counts).toMatchObject({
      bookingRequests: 1,
      newsletterSubscriptions: 1,
      rightsRequests: 1,
      rightsRequestsMatchedOn: { email: 1, mobile: 0 },
      outboxJobs: 7,
      notDelivered: { pending: 1, running: 0, dead: 0 },
    });
    expect(erasureText(byEmail)).toEqual([
      'Erased 1 booking request (1 by email), 1 newsletter subscription, 1 data-rights request (1 by email), ' +
        '7 outbox jobs (1 of other leads naming them).',
      'Dropped 1 job not yet delivered (1 waiting).',
      "The person's data-rights requests are erased too, an erasure request made on the website included: the " +
        'audit entry (with the --request reference) is the record that it was handled.',
      expect.stringMatching(/^Audit entry [0-9a-f-]{36} \(counts only\)\.$/),
      expect.stringContaining('Queued crm.erasure'),
    ]);
    // The CRM's erasure job is queued under the request's reference.
    expect(await rowsMentioning(db, references.erasure)).toEqual({ ...mentionsNone, outbox_jobs: 1, privacy_audit: 1 });
    // Her request by phone holds her mobile number only; Ravi's free text is his own request's, and stays.
    expect(await rowsMentioning(db, references.access)).toMatchObject({ rights_requests: 1, outbox_jobs: 1 });
    expect(await rowsMentioning(db, 'asha@example.com')).toMatchObject({ rights_requests: 1, outbox_jobs: 2 });

    const byMobile = await erasePersonData(db, asha.mobile, { dropNotDelivered: false });
    expect(byMobile.counts).toMatchObject({
      bookingRequests: 1,
      rightsRequests: 1,
      rightsRequestsMatchedOn: { email: 0, mobile: 1 },
      outboxJobs: 3,
    });
    // What is left of her is in the CRM's erasure jobs (one by email, one by mobile) until they are delivered.
    for (const trace of ['9876543210', references.erasure, references.access]) {
      expect(await rowsMentioning(db, trace), trace).toMatchObject({ rights_requests: 0, outbox_jobs: 1 });
    }
    expect(await rowsMentioning(db, references.ravi)).toMatchObject({ rights_requests: 1, outbox_jobs: 2 });
    const audit = await auditRows(db);
    expect(audit.map((row) => [row.action, row.request_reference])).toEqual([
      ['erase', references.erasure],
      ['erase', null],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/asha|9876543210|Rao/i);
  });
}

describe.each([pgliteBackend, postgresBackend])('privacy requests on $name', (backend) => {
  exportsAndErases(emptyStoreForSuite(backend));
});
