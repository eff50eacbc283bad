import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailDeliveries, type EmailDeliveries } from '#functions/delivery/email/deliveries.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import {
  adultConfirmation,
  adultFrontDesk,
  newsletterConfirmation,
  reference,
  rightsAcknowledgement,
} from '../support/email-payloads.ts';
import { type FakeResend, startFakeResend } from '../support/fake-resend.ts';
import { testPreferencesUrl } from '../support/preferences-url.ts';

const from = 'Kalpa Clinics <hello@mail.clinic.test>';
const frontDeskEmail = 'frontdesk@clinic.test';

let fake: FakeResend;
let deliveries: EmailDeliveries;

beforeAll(async () => {
  fake = await startFakeResend();
  deliveries = createEmailDeliveries({
    apiKey: 're_test_key',
    from,
    frontDeskEmail,
    siteUrl: 'https://www.clinic.test',
    preferencesUrl: testPreferencesUrl('https://www.clinic.test'),
    baseUrl: fake.baseUrl,
  });
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

const firstAttempt = { idempotencyKey: 'job-1', attempt: 1 };

describe('createEmailDeliveries', () => {
  it('sends the booking confirmation to the patient, replies going to the clinic', async () => {
    expect(await deliverAlone(deliveries['email.booking-confirmation'], adultConfirmation(), firstAttempt)).toEqual({
      status: 'delivered',
    });
    const [sent] = fake.emails;
    expect(sent).toMatchObject({ from, to: 'asha@example.com', reply_to: 'care@example.com' });
    expect(sent?.subject).toContain(reference);
    expect(sent?.text).toContain('Teeth whitening');
    expect(sent?.headers).toBeUndefined();
    expect(fake.requests[0]?.idempotencyKey).toBe('batch/job-1');
  });

  it("sends the front desk's notification to the front desk", async () => {
    await deliverAlone(deliveries['email.front-desk'], adultFrontDesk(), firstAttempt);
    expect(fake.emails).toEqual([expect.objectContaining({ from, to: frontDeskEmail })]);
    expect(fake.emails[0]?.text).toContain('A chipped front tooth');
  });

  it('sends the newsletter confirmation with one-click unsubscribe headers (RFC 8058)', async () => {
    await deliverAlone(deliveries['email.newsletter-confirmation'], newsletterConfirmation(), firstAttempt);
    expect(fake.emails[0]).toMatchObject({
      to: 'asha@example.com',
      headers: {
        'List-Unsubscribe': `<https://www.clinic.test/newsletter/unsubscribe/?token=${reference}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
  });

  it('acknowledges a data-rights request to the requester, replies going to the Grievance Officer', async () => {
    const attempt = { idempotencyKey: 'job-rights-1', attempt: 1 };
    expect(await deliverAlone(deliveries['email.rights-acknowledgement'], rightsAcknowledgement(), attempt)).toEqual({
      status: 'delivered',
    });
    const [sent] = fake.emails;
    expect(sent).toMatchObject({ from, to: 'asha@example.com', reply_to: 'privacy@example.com' });
    expect(sent?.subject).toContain(reference);
    expect(sent?.text).toContain('Data Protection Board of India');
    expect(sent?.headers).toBeUndefined();
    expect(fake.requests.map(({ idempotencyKey }) => idempotencyKey)).toEqual(['batch/job-rights-1']);
  });

  it('sends one acknowledgement for a rights request retried after a 429, waiting as long as Resend asks', async () => {
    const deliver = deliveries['email.rights-acknowledgement'];
    fake.failNext(1, { status: 429, retryAfterSeconds: 2 });
    expect(await deliverAlone(deliver, rightsAcknowledgement(), firstAttempt)).toMatchObject({
      status: 'retry',
      retryAfterMs: 2000,
    });
    expect(await deliverAlone(deliver, rightsAcknowledgement(), { ...firstAttempt, attempt: 2 })).toEqual({
      status: 'delivered',
    });
    expect(await deliverAlone(deliver, rightsAcknowledgement(), { ...firstAttempt, attempt: 3 })).toEqual({
      status: 'delivered',
    });
    expect(fake.requests.map((request) => request.idempotencyKey)).toEqual([
      'batch/job-1',
      'batch/job-1',
      'batch/job-1',
    ]);
    expect(fake.emails).toHaveLength(1);
  });

  it('sends one email for a job attempted again with its key, whatever happened to the first answer', async () => {
    const deliver = deliveries['email.booking-confirmation'];
    fake.failNext(1, { status: 503 });
    expect(await deliverAlone(deliver, adultConfirmation(), firstAttempt)).toMatchObject({ status: 'retry' });
    expect(await deliverAlone(deliver, adultConfirmation(), { ...firstAttempt, attempt: 2 })).toEqual({
      status: 'delivered',
    });
    expect(await deliverAlone(deliver, adultConfirmation(), { ...firstAttempt, attempt: 3 })).toEqual({
      status: 'delivered',
    });
    expect(fake.requests.map((request) => request.idempotencyKey)).toEqual([
      'batch/job-1',
      'batch/job-1',
      'batch/job-1',
    ]);
    expect(fake.emails).toHaveLength(1);
  });

  it('sends a batch of one kind in one request, each job its own email and outcome', async () => {
    const jobs = ['job-a', 'job-b', 'job-c'].map((idempotencyKey) => ({
      payload: adultConfirmation(),
      attempt: { idempotencyKey, attempt: 1 },
    }));
    jobs[1] = { ...jobs[1], payload: { ...adultConfirmation(), to: 'not an address' } } as (typeof jobs)[number];
    const outcomes = await deliveries['email.booking-confirmation'].deliverBatch(jobs, { key: 'batch-key-1' });
    expect(outcomes).toEqual([
      { status: 'delivered' },
      { status: 'failed', error: 'Resend refused this email of the batch' },
      { status: 'delivered' },
    ]);
    expect(fake.requests).toEqual([
      expect.objectContaining({ path: '/emails/batch', idempotencyKey: 'batch/batch-key-1' }),
    ]);
    expect(fake.emails).toHaveLength(2);
    // Sent again under its key, the batch sends nothing more.
    await deliveries['email.booking-confirmation'].deliverBatch(jobs, { key: 'batch-key-1' });
    expect(fake.emails).toHaveLength(2);
  });

  it('gives each job its own email', async () => {
    await deliverAlone(deliveries['email.booking-confirmation'], adultConfirmation(), firstAttempt);
    await deliverAlone(deliveries['email.booking-confirmation'], adultConfirmation(), {
      idempotencyKey: 'job-2',
      attempt: 1,
    });
    expect(fake.emails).toHaveLength(2);
  });
});
