import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEmailDeliveries, type EmailDeliveries } from '#functions/delivery/email/deliveries.ts';
import {
  adultConfirmation,
  adultFrontDesk,
  newsletterConfirmation,
  reference,
  rightsAcknowledgement,
} from '../support/email-payloads.ts';
import { type FakeResend, startFakeResend } from '../support/fake-resend.ts';

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
    baseUrl: fake.baseUrl,
  });
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

const firstAttempt = { idempotencyKey: 'job-1', attempt: 1 };

describe('createEmailDeliveries', () => {
  it('sends the booking confirmation to the patient, replies going to the clinic', async () => {
    expect(await deliveries['email.booking-confirmation'](adultConfirmation(), firstAttempt)).toEqual({
      status: 'delivered',
    });
    const [sent] = fake.emails;
    expect(sent).toMatchObject({ from, to: 'asha@example.com', reply_to: 'care@example.com' });
    expect(sent?.subject).toContain(reference);
    expect(sent?.text).toContain('Teeth whitening');
    expect(sent?.headers).toBeUndefined();
    expect(fake.requests[0]?.idempotencyKey).toBe('job-1');
  });

  it("sends the front desk's notification to the front desk", async () => {
    await deliveries['email.front-desk'](adultFrontDesk(), firstAttempt);
    expect(fake.emails).toEqual([expect.objectContaining({ from, to: frontDeskEmail })]);
    expect(fake.emails[0]?.text).toContain('A chipped front tooth');
  });

  it('sends the newsletter confirmation with one-click unsubscribe headers (RFC 8058)', async () => {
    await deliveries['email.newsletter-confirmation'](newsletterConfirmation(), firstAttempt);
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
    expect(await deliveries['email.rights-acknowledgement'](rightsAcknowledgement(), attempt)).toEqual({
      status: 'delivered',
    });
    const [sent] = fake.emails;
    expect(sent).toMatchObject({ from, to: 'asha@example.com', reply_to: 'privacy@example.com' });
    expect(sent?.subject).toContain(reference);
    expect(sent?.text).toContain('Data Protection Board of India');
    expect(sent?.headers).toBeUndefined();
    expect(fake.requests.map(({ idempotencyKey }) => idempotencyKey)).toEqual(['job-rights-1']);
  });

  it('sends one acknowledgement for a rights request retried after a 429, waiting as long as Resend asks', async () => {
    const deliver = deliveries['email.rights-acknowledgement'];
    fake.failNext(1, { status: 429, retryAfterSeconds: 2 });
    expect(await deliver(rightsAcknowledgement(), firstAttempt)).toMatchObject({ status: 'retry', retryAfterMs: 2000 });
    expect(await deliver(rightsAcknowledgement(), { ...firstAttempt, attempt: 2 })).toEqual({ status: 'delivered' });
    expect(await deliver(rightsAcknowledgement(), { ...firstAttempt, attempt: 3 })).toEqual({ status: 'delivered' });
    expect(fake.requests.map((request) => request.idempotencyKey)).toEqual(['job-1', 'job-1', 'job-1']);
    expect(fake.emails).toHaveLength(1);
  });

  it('sends one email for a job attempted again with its key, whatever happened to the first answer', async () => {
    const deliver = deliveries['email.booking-confirmation'];
    fake.failNext(1, { status: 503 });
    expect(await deliver(adultConfirmation(), firstAttempt)).toMatchObject({ status: 'retry' });
    expect(await deliver(adultConfirmation(), { ...firstAttempt, attempt: 2 })).toEqual({ status: 'delivered' });
    expect(await deliver(adultConfirmation(), { ...firstAttempt, attempt: 3 })).toEqual({ status: 'delivered' });
    expect(fake.requests.map((request) => request.idempotencyKey)).toEqual(['job-1', 'job-1', 'job-1']);
    expect(fake.emails).toHaveLength(1);
  });

  it('gives each job its own email', async () => {
    await deliveries['email.booking-confirmation'](adultConfirmation(), firstAttempt);
    await deliveries['email.booking-confirmation'](adultConfirmation(), { idempotencyKey: 'job-2', attempt: 1 });
    expect(fake.emails).toHaveLength(2);
  });
});
