import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from '#functions/delivery/delivery.ts';
import { createBookingDelivery } from '#functions/delivery/hubspot/booking.ts';
import { createNewsletterDelivery } from '#functions/delivery/hubspot/newsletter.ts';
import { withoutPersonalData } from '#functions/delivery/hubspot/outcome.ts';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import {
  type FakeHubSpot,
  fakeHubSpotClient,
  type InjectedFailure,
  startFakeHubSpot,
  startProvisionedHubSpot,
} from '../support/fake-hubspot.ts';
import { adultBooking, guardianLinks, requestedAt } from '../support/lead-fixtures.ts';

const attempt = { idempotencyKey: 'job-1', attempt: 1 };
const subscriber = {
  reference: 'KC-NEWS-2345',
  email: 'asha@example.com',
  consentAt: '2026-11-23T10:00:00.000Z',
  confirmedAt: '2026-11-23T10:05:00.000Z',
};

let fake: FakeHubSpot;

afterEach(() => fake.stop());

/** One newsletter delivery attempt through the real SDK, against a fake that fails its first request so. */
async function outcomeOf(failure: InjectedFailure) {
  fake = await startFakeHubSpot();
  fake.failNext(1, failure);
  return createNewsletterDelivery(fakeHubSpotClient(fake))(subscriber, attempt);
}

describe('a failed HubSpot call', () => {
  it('is retried after the Retry-After of a 429', async () => {
    const outcome = await outcomeOf({
      status: 429,
      headers: { 'retry-after': '7' },
      body: {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    });

    expect(outcome).toEqual({
      status: 'retry',
      error: 'HubSpot 429: You have reached your ten_secondly_rolling limit.',
      retryAfterMs: 7000,
    });
  });

  it('is retried an hour later when the daily limit is reached', async () => {
    const outcome = await outcomeOf({
      status: 429,
      body: { status: 'error', message: 'You have reached your daily limit.', policyName: 'DAILY' },
    });

    expect(outcome).toEqual({
      status: 'retry',
      error: 'HubSpot 429: You have reached your daily limit.',
      retryAfterMs: 60 * 60 * 1000,
    });
  });

  it('is retried after a 5xx or a 408, leaving the wait to the worker', async () => {
    expect(await outcomeOf({ status: 500 })).toEqual({ status: 'retry', error: 'HubSpot 500: INJECTED Injected 500' });
    await fake.stop();
    expect(await outcomeOf({ status: 408 })).toEqual({ status: 'retry', error: 'HubSpot 408: INJECTED Injected 408' });
  });

  it('is retried during an outage, and when HubSpot cannot be reached', async () => {
    fake = await startFakeHubSpot();
    const deliver = createNewsletterDelivery(fakeHubSpotClient(fake));
    fake.setOutage(true);
    expect(await deliver(subscriber, attempt)).toEqual({
      status: 'retry',
      error: 'HubSpot 503: SERVICE_UNAVAILABLE Service Unavailable',
    });

    await fake.stop();
    expect(await deliver(subscriber, attempt)).toEqual({
      status: 'retry',
      error: 'HubSpot request failed: ECONNREFUSED',
    });
  });

  it('is retried when HubSpot does not answer in time, and the next attempt goes through', async () => {
    const provisioned = await startProvisionedHubSpot({ requestTimeoutMs: 200 });
    fake = provisioned.fake;
    const deliver = createNewsletterDelivery(provisioned.client);
    fake.delayNext(1, 10_000);

    const started = Date.now();
    expect(await deliver(subscriber, attempt)).toEqual({ status: 'retry', error: 'HubSpot request failed: ETIMEDOUT' });
    expect(Date.now() - started).toBeLessThan(2000);

    expect(await deliver(subscriber, attempt)).toEqual({ status: 'delivered' });
  });

  it('fails on any other 4xx, with the reason but no personal data', async () => {
    const outcome = await outcomeOf({
      status: 400,
      body: {
        status: 'error',
        category: 'VALIDATION_ERROR',
        message: 'Property values were not valid: "asha@example.com" has the mobile +91 98765 43210',
      },
    });

    expect(outcome).toEqual({
      status: 'failed',
      error: 'HubSpot 400: VALIDATION_ERROR Property values were not valid: "[email]" has the mobile [number]',
    });
  });

  it("keeps the booking's names out of the error", async () => {
    fake = await startFakeHubSpot();
    fake.failNext(1, { status: 400, body: { category: 'VALIDATION_ERROR', message: 'Bad firstname Asha for Rao' } });
    const [job] = bookingJobs(adultBooking(), 'KC-7Q4M-X2P9', requestedAt, guardianLinks('KC-7Q4M-X2P9'));
    if (job?.kind !== 'crm.booking') throw new Error('No crm.booking job');

    const outcome = await createBookingDelivery(fakeHubSpotClient(fake))(job.payload, attempt);

    expect(outcome).toEqual({
      status: 'failed',
      error: 'HubSpot 400: VALIDATION_ERROR Bad firstname [redacted] for [redacted]',
    });
  });
});

describe("retryAfterMs, on HubSpot's Retry-After", () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});

describe('withoutPersonalData', () => {
  it('takes out email addresses, phone numbers and the values it is given, and shortens the text', () => {
    expect(withoutPersonalData('Contact a.b+c@example.co.in (+919876543210) exists', [])).toBe(
      'Contact [email] ([number]) exists',
    );
    expect(withoutPersonalData('Kiran Rao is invalid', ['Kiran Rao', 'Kiran', 'Rao'])).toBe('[redacted] is invalid');
    expect(withoutPersonalData('x'.repeat(500))).toHaveLength(201);
  });
});
