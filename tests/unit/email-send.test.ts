import { Resend } from 'resend';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retryAfterMs } from '#functions/delivery/delivery.ts';
import { type OutgoingEmail, type SendOptions, sendEmailBatch } from '#functions/delivery/email/send.ts';
import { type FakeResend, startFakeResend } from '../support/fake-resend.ts';

const email: OutgoingEmail = {
  from: 'Kalpa Clinics <hello@mail.clinic.test>',
  to: 'asha@example.com',
  replyTo: 'care@example.com',
  subject: 'A subject',
  html: '<p>Hello</p>',
  text: 'Hello',
};
const idempotencyKey = 'job-42';

let fake: FakeResend;
let resend: Resend;

/** One email, as a batch of one. */
async function sendEmail(client: Resend, one: OutgoingEmail, options: SendOptions) {
  const [outcome] = await sendEmailBatch(client, [one], options);
  return outcome;
}

beforeAll(async () => {
  fake = await startFakeResend();
  resend = new Resend('re_test_key', { baseUrl: fake.baseUrl });
});
afterEach(() => fake.reset());
afterAll(() => fake.stop());

describe("sendEmailBatch through the Resend SDK's batch endpoint", () => {
  it('sends the email with the API key and the idempotency key, and reports it delivered', async () => {
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({ status: 'delivered' });
    expect(fake.emails).toEqual([
      expect.objectContaining({
        from: email.from,
        to: email.to,
        reply_to: email.replyTo,
        subject: email.subject,
        html: email.html,
        text: email.text,
      }),
    ]);
    expect(fake.requests[0]).toMatchObject({ idempotencyKey, authorization: 'Bearer re_test_key' });
  });

  it('sends one email when the same key is sent again', async () => {
    await sendEmail(resend, email, { idempotencyKey });
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({ status: 'delivered' });
    expect(fake.requests).toHaveLength(2);
    expect(fake.emails).toHaveLength(1);
  });

  it('retries a rate limit, after the Retry-After Resend gave', async () => {
    fake.failNext(1, { status: 429, retryAfterSeconds: 7 });
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({
      status: 'retry',
      error: 'Resend answered 429 rate_limit_exceeded',
      retryAfterMs: 7000,
    });
    expect(fake.emails).toHaveLength(0);
  });

  it('retries a server error, and the next attempt sends the email once', async () => {
    fake.failNext(1, { status: 500 });
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({
      status: 'retry',
      error: 'Resend answered 500 internal_server_error',
    });
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({ status: 'delivered' });
    expect(fake.emails).toHaveLength(1);
  });

  it('retries during an outage', async () => {
    fake.setOutage(true);
    expect(await sendEmail(resend, email, { idempotencyKey })).toMatchObject({ status: 'retry' });
  });

  it('retries a request timeout and a request still in progress under the same key', async () => {
    fake.failNext(1, { status: 408, name: 'application_error' });
    fake.failNext(1, { status: 409, name: 'concurrent_idempotent_requests' });
    expect(await sendEmail(resend, email, { idempotencyKey })).toMatchObject({ status: 'retry' });
    expect(await sendEmail(resend, email, { idempotencyKey })).toMatchObject({ status: 'retry' });
  });

  it('fails on a refusal that another attempt cannot change, without quoting the email', async () => {
    for (const [status, name] of [
      [400, 'validation_error'],
      [422, 'validation_error'],
      [403, 'invalid_api_key'],
      [409, 'invalid_idempotent_request'],
    ] as const) {
      fake.failNext(1, { status, name });
      const outcome = await sendEmail(resend, email, { idempotencyKey });
      expect(outcome).toEqual({ status: 'failed', error: `Resend answered ${status} ${name}` });
    }
  });

  it('retries when Resend does not answer in time; the retry gets the first answer and sends nothing more', async () => {
    fake.delayNext(1, 5_000);
    expect(await sendEmail(resend, email, { idempotencyKey, timeoutMs: 200 })).toEqual({
      status: 'retry',
      error: 'Resend did not answer within 200 ms',
    });
    expect(await sendEmail(resend, email, { idempotencyKey })).toEqual({ status: 'delivered' });
    expect(fake.emails).toHaveLength(1);
  });

  it('retries when Resend cannot be reached', async () => {
    const stopped = await startFakeResend();
    await stopped.stop();
    const unreachable = new Resend('re_test_key', { baseUrl: stopped.baseUrl });
    expect(await sendEmail(unreachable, email, { idempotencyKey })).toEqual({
      status: 'retry',
      error: 'Resend could not be reached',
    });
  });
});

describe('retryAfterMs', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('reads a delay in seconds or an HTTP date', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Mon, 23 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing or unreadable header', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
