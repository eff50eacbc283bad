import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { createRightsRequestSchema } from '#functions/forms/rights-request-schema.ts';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';
import { storeBookingRequest, storeNewsletterSignup } from '#functions/intake/lead-records.ts';
import { toMobileE164 } from '#functions/intake/phone.ts';
import { createRightsRequestIntake } from '#functions/intake/rights-request-intake.ts';
import { confirmSubscription } from '#functions/newsletter/links.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import type { Database } from '#functions/store/schema.ts';
import { adultBooking, guardianLinks, newsletterLinks } from '../support/lead-fixtures.ts';
import { leadHandler } from '../support/lead-handler.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const schema = createRightsRequestSchema({ parseMobile: toMobileE164, messages: englishFormMessages });
const receivedAt = new Date('2026-11-23T06:30:00Z');

function requestValues(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    requestType: 'access',
    fullName: 'Asha Rao',
    email: `${randomUUID()}@example.com`,
    mobile: '',
    requesterRole: 'self',
    locale: 'en',
    subjectName: '',
    details: '',
    ...overrides,
  };
}

function fieldsOf(values: unknown) {
  const result = parseWithFieldErrors(schema, values);
  if (result.ok) throw new Error('Expected the request to be refused');
  return result.fields;
}

describe('the rights request schema', () => {
  it('keeps what staff need, with the mobile in E.164 and no empty fields', () => {
    const values = requestValues({ email: ' Asha@Example.com ', mobile: '98765 43210', details: ' Please. ' });
    expect(schema.parse(values)).toEqual({
      submissionId: values.submissionId,
      requestType: 'access',
      fullName: 'Asha Rao',
      email: 'asha@example.com',
      mobile: '+919876543210',
      requesterRole: 'self',
      locale: 'en',
      details: 'Please.',
    });
  });

  it('needs a way to reach the person, and the name of whoever else the request is about', () => {
    expect(fieldsOf(requestValues({ email: '', mobile: '' }))).toEqual({
      email: 'Enter an email address or a mobile number, so we can find your records and reply.',
    });
    expect(fieldsOf(requestValues({ requesterRole: 'parent-or-guardian' }))).toEqual({
      subjectName: 'Enter the full name of the person this request is about.',
    });
    const forChild = schema.parse(requestValues({ requesterRole: 'parent-or-guardian', subjectName: 'Kabir Rao' }));
    expect(forChild).toMatchObject({ requesterRole: 'parent-or-guardian', subjectName: 'Kabir Rao' });
    expect(schema.parse(requestValues({ subjectName: 'Kabir Rao' }))).not.toHaveProperty('subjectName');
  });

  it('reports a missing way to reach the person beside the other problems, not after them', () => {
    expect(fieldsOf(requestValues({ requestType: '', fullName: '', email: '' }))).toEqual({
      requestType: 'Choose what you would like us to do.',
      fullName: 'Enter your full name.',
      email: 'Enter an email address or a mobile number, so we can find your records and reply.',
    });
  });

  it('refuses unknown types, roles and fields, and over-long details', () => {
    expect(fieldsOf(requestValues({ requestType: 'sell-my-data', requesterRole: 'admin', extra: 1 }))).toEqual({
      requestType: 'Choose what you would like us to do.',
      requesterRole: 'Choose whose information this is about.',
      extra: 'Unknown field',
    });
    expect(fieldsOf(requestValues({ details: 'x'.repeat(2001) }))).toEqual({ details: 'Use at most 2000 characters.' });
  });
});

async function jobsOf(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('outbox_jobs')
    .select(['kind', 'status', 'payload'])
    .where('lead_reference', '=', reference)
    .orderBy('kind')
    .execute();
}

function rightsRequests(opened: OpenedStore) {
  const db = () => opened.store.db;
  const handler = leadHandler({
    intake: createRightsRequestIntake({
      database: async () => db(),
      deadlines: { acknowledgeWithinHours: 48, resolveWithinDays: 30 },
      now: () => receivedAt,
    }),
    rateLimit: createClientRateLimiter({ points: 1000, windowSeconds: 600 }),
    invalidErrorCode: 'invalid_request',
    checkboxFields: [],
  });
  const post = (body: unknown) =>
    handler(
      new Request('http://localhost/api/privacy-rights', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'Content-Type': 'application/json' },
      }),
      '192.0.2.5',
    );
  const human = { website: '', startedAt: receivedAt.getTime() - 60_000 };

  async function send(overrides: Record<string, unknown> = {}) {
    const response = await post({ ...requestValues(overrides), ...human });
    expect(response.status).toBe(201);
    return ((await response.json()) as { reference: string }).reference;
  }

  it('stores each request type with a ticket for the privacy team and an acknowledgement with the deadlines', async () => {
    const email = `${randomUUID()}@example.com`;
    const reference = await send({ requestType: 'erasure', email, details: 'Please delete my enquiry.' });
    const stored = await db().selectFrom('rights_requests').selectAll().where('reference', '=', reference).execute();
    expect(stored).toMatchObject([{ request_type: 'erasure', email, full_name: 'Asha Rao', mobile_e164: null }]);
    const receipt = {
      reference,
      receivedAt: '2026-11-23T06:30:00.000Z',
      resolveBy: '2026-12-23T06:30:00.000Z',
    };
    expect(await jobsOf(db(), reference)).toEqual([
      {
        kind: 'crm.rights-request',
        status: 'pending',
        payload: {
          ...receipt,
          acknowledgeBy: '2026-11-25T06:30:00.000Z',
          requestType: 'erasure',
          fullName: 'Asha Rao',
          email,
          requesterRole: 'self',
          locale: 'en',
          details: 'Please delete my enquiry.',
        },
      },
      {
        kind: 'email.rights-acknowledgement',
        status: 'pending',
        payload: { ...receipt, to: email, requestType: 'erasure', fullName: 'Asha Rao', locale: 'en' },
      },
    ]);
    // An erasure is for staff to carry out once they have checked who is asking: nothing else changed.
    for (const requestType of ['access', 'correction', 'restriction', 'portability', 'nomination', 'grievance']) {
      expect((await jobsOf(db(), await send({ requestType }))).map((job) => job.kind)).toEqual([
        'crm.rights-request',
        'email.rights-acknowledgement',
      ]);
    }
  });

  it('sends no acknowledgement email when only a mobile number was given', async () => {
    const reference = await send({ email: '', mobile: '98765 43210' });
    expect((await jobsOf(db(), reference)).map((job) => job.kind)).toEqual(['crm.rights-request']);
  });

  it('stores a repeated submission once and refuses bad input with nothing stored', async () => {
    const values = { ...requestValues(), ...human };
    const first = await (await post(values)).json();
    expect(await (await post(values)).json()).toEqual(first);
    expect(
      await db().selectFrom('rights_requests').select('id').where('submission_id', '=', values.submissionId).execute(),
    ).toHaveLength(1);
    const before = await db().selectFrom('rights_requests').select('id').execute();
    const refused = await post({ ...requestValues({ email: '', mobile: '', fullName: '<script>' }), ...human });
    expect(refused.status).toBe(400);
    expect(await db().selectFrom('rights_requests').select('id').execute()).toHaveLength(before.length);
  });

  it('stops marketing at once: newsletter ended, marketing jobs cancelled, pending CRM consent removed, CRM told', async () => {
    const email = `${randomUUID()}@example.com`;
    const pendingSignup = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email, locale: 'en' },
      newsletterLinks,
    );
    const booking = await storeBookingRequest(
      db(),
      adultBooking({ email, consents: { privacyNotice: true, whatsappUpdates: true, emailNews: true } }),
      guardianLinks,
    );

    const reference = await send({ requestType: 'stop-marketing', email: email.toUpperCase() });

    const subscription = await db()
      .selectFrom('newsletter_subscriptions')
      .select(['status', 'unsubscribed_at'])
      .where('reference', '=', pendingSignup.reference)
      .executeTakeFirstOrThrow();
    expect(subscription.status).toBe('unsubscribed');
    expect((await jobsOf(db(), pendingSignup.reference)).map((job) => [job.kind, job.status])).toEqual([
      ['email.newsletter-confirmation', 'cancelled'],
    ]);
    const crmBooking = (await jobsOf(db(), booking.reference)).find((job) => job.kind === 'crm.booking');
    expect(crmBooking?.payload).toMatchObject({ consents: { whatsappUpdates: true, emailNews: false } });
    expect((await jobsOf(db(), reference)).map((job) => [job.kind, job.status, job.payload])).toEqual([
      [
        'crm.newsletter-withdrawal',
        'pending',
        { reference, email, withdrawnAt: subscription.unsubscribed_at?.toISOString() },
      ],
      ['crm.rights-request', 'pending', expect.objectContaining({ requestType: 'stop-marketing' })],
      ['email.rights-acknowledgement', 'pending', expect.objectContaining({ to: email })],
    ]);
  });

  it('stops marketing by mobile alone: pending CRM updates of that mobile lose both consents, the CRM is told', async () => {
    const mobile = '98765 12345';
    const booking = await storeBookingRequest(
      db(),
      adultBooking({ email: '', mobile, consents: { privacyNotice: true, whatsappUpdates: true, emailNews: false } }),
      guardianLinks,
    );
    const other = await storeBookingRequest(
      db(),
      adultBooking({
        mobile: '98765 54321',
        consents: { privacyNotice: true, whatsappUpdates: true, emailNews: true },
      }),
      guardianLinks,
    );

    const reference = await send({ requestType: 'stop-marketing', email: '', mobile });

    const consentsOf = async (lead: string) =>
      ((await jobsOf(db(), lead)).find((job) => job.kind === 'crm.booking')?.payload as CrmBookingPayload | undefined)
        ?.consents;
    expect(await consentsOf(booking.reference)).toEqual({ whatsappUpdates: false, emailNews: false });
    expect(await consentsOf(other.reference)).toEqual({ whatsappUpdates: true, emailNews: true });
    expect((await jobsOf(db(), reference)).map((job) => [job.kind, job.payload])).toEqual([
      ['crm.newsletter-withdrawal', { reference, mobile: '+919876512345', withdrawnAt: expect.any(String) }],
      ['crm.rights-request', expect.objectContaining({ requestType: 'stop-marketing' })],
    ]);
  });

  it("does not touch anyone else's subscription, and ends a confirmed one too", async () => {
    const email = `${randomUUID()}@example.com`;
    const other = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email: `${randomUUID()}@example.com`, locale: 'en' },
      newsletterLinks,
    );
    const confirmed = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email, locale: 'en' },
      newsletterLinks,
    );
    await confirmSubscription(db(), confirmed.reference);
    await send({ requestType: 'stop-marketing', email });
    const statuses = await db()
      .selectFrom('newsletter_subscriptions')
      .select(['reference', 'status'])
      .where('reference', 'in', [other.reference, confirmed.reference])
      .orderBy('status')
      .execute();
    expect(statuses).toEqual([
      { reference: other.reference, status: 'pending' },
      { reference: confirmed.reference, status: 'unsubscribed' },
    ]);
    expect((await jobsOf(db(), confirmed.reference)).map((job) => [job.kind, job.status])).toEqual([
      ['crm.newsletter', 'cancelled'],
      ['email.newsletter-confirmation', 'cancelled'],
    ]);
  });
}

describe.each([pgliteBackend, postgresBackend])('rights requests on $name', (backend) => {
  rightsRequests(emptyStoreForSuite(backend));
});
