import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { maxLeadBytes } from '#functions/http/lead-forms.ts';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';
import { createBookingIntake } from '#functions/intake/booking-intake.ts';
import { adultBookingValues, minorBookingValues, today, treatments } from '../support/lead-fixtures.ts';
import { leadHandler } from '../support/lead-handler.ts';
import { emptyStoreForSuite, postgresBackend } from '../support/store-backends.ts';

const opened = emptyStoreForSuite(postgresBackend);
const client = '198.51.100.23';
/** The clinic's "today" in the fixtures, at noon IST. */
const now = () => new Date(`${today}T06:30:00Z`);
const humanSignals = () => ({ website: '', startedAt: now().getTime() - 60_000 });

function handler(points = 1000) {
  return leadHandler({
    intake: createBookingIntake({
      database: async () => opened.store.db,
      treatments: async () => treatments,
      siteUrl: 'https://www.clinic.test',
      signingKey: async () => 'a-test-key-that-is-long-enough-to-sign-with',
      now,
    }),
    rateLimit: createClientRateLimiter({ points, windowSeconds: 600 }),
    invalidErrorCode: 'invalid_booking',
    checkboxFields: [],
  });
}

const post = (body: string, contentType = 'application/json', headers: Record<string, string> = {}) =>
  new Request('http://localhost/api/booking', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType, ...headers },
  });

async function storedCounts() {
  const count = async (table: 'booking_requests' | 'outbox_jobs') =>
    Number(
      (
        await opened.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { bookings: await count('booking_requests'), jobs: await count('outbox_jobs') };
}

async function expectNothingStored(response: Response, status: number) {
  const before = await storedCounts();
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await storedCounts()).toEqual(before);
  return response.json() as Promise<{ error?: string; fields?: Record<string, string> }>;
}

describe('POST /api/booking', () => {
  it('stores an adult booking with its jobs and answers 201 with a reference', async () => {
    const before = await storedCounts();
    const response = await handler()(post(JSON.stringify({ ...adultBookingValues(), ...humanSignals() })), client);
    expect(response.status).toBe(201);
    expect((await response.json()).reference).toMatch(/^KC-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const after = await storedCounts();
    expect(after.bookings).toBe(before.bookings + 1);
    expect(after.jobs).toBeGreaterThan(before.jobs);
  });

  it('returns the first reference for a repeated submission and stores nothing new', async () => {
    const body = JSON.stringify({ ...adultBookingValues(), ...humanSignals() });
    const first = await (await handler()(post(body), client)).json();
    const counts = await storedCounts();
    const again = await handler()(post(body), client);
    expect(again.status).toBe(201);
    expect((await again.json()).reference).toBe(first.reference);
    expect(await storedCounts()).toEqual(counts);
  });

  it('accepts and silently discards a filled honeypot', async () => {
    const before = await storedCounts();
    const honeypot = await handler()(
      post(JSON.stringify({ ...adultBookingValues(), ...humanSignals(), website: 'x' })),
      client,
    );
    expect(honeypot.status).toBe(201);
    expect(await storedCounts()).toEqual(before);
  });

  it('keeps a request sent within seconds of the form opening, marked for the front desk to check', async () => {
    const values = adultBookingValues();
    const instant = await handler()(
      post(JSON.stringify({ ...values, website: '', startedAt: now().getTime() })),
      client,
    );
    expect(instant.status).toBe(201);
    const { reference } = (await instant.json()) as { reference: string };
    const stored = await opened.store.db
      .selectFrom('booking_requests')
      .select(['reference', 'sent_quickly'])
      .where('submission_id', '=', values.submissionId)
      .execute();
    expect(stored).toEqual([{ reference, sent_quickly: true }]);
    const frontDesk = await opened.store.db
      .selectFrom('outbox_jobs')
      .select('payload')
      .where('lead_reference', '=', reference)
      .where('kind', '=', 'email.front-desk')
      .executeTakeFirstOrThrow();
    expect(frontDesk.payload).toMatchObject({ sentQuickly: true });
  });

  describe('bad input gets a specific answer and stores nothing', () => {
    it('415 for a body that is not JSON', async () => {
      const body = await expectNothingStored(await handler()(post('fullName=Asha', 'text/plain'), client), 415);
      expect(body.error).toBe('unsupported_media_type');
    });

    it('400 for malformed JSON', async () => {
      const body = await expectNothingStored(await handler()(post('{"fullName": "Asha",'), client), 400);
      expect(body.error).toBe('malformed_json');
    });

    it('413 for a body over the limit, even with a false Content-Length', async () => {
      const huge = JSON.stringify({ ...adultBookingValues(), helpText: 'x'.repeat(maxLeadBytes) });
      await expectNothingStored(await handler()(post(huge), client), 413);
      await expectNothingStored(
        await handler()(post(huge, 'application/json', { 'Content-Length': '20' }), client),
        413,
      );
    });

    it('400 with field errors for wrong types', async () => {
      const body = await expectNothingStored(
        await handler()(
          post(
            JSON.stringify({
              ...adultBookingValues({ mobile: 9876543210 as never, consents: 'yes' as never }),
              ...humanSignals(),
            }),
          ),
          client,
        ),
        400,
      );
      expect(Object.keys(body.fields ?? {})).toEqual(expect.arrayContaining(['mobile', 'consents']));
    });

    it('400 when the privacy notice is not acknowledged', async () => {
      const values = adultBookingValues({
        consents: { privacyNotice: false, whatsappUpdates: false, emailNews: false },
      });
      const body = await expectNothingStored(
        await handler()(post(JSON.stringify({ ...values, ...humanSignals() })), client),
        400,
      );
      expect(body.fields?.['consents.privacyNotice']).toMatch(/privacy notice/i);
    });

    it('400 for a minor without a parent or guardian, naming each missing field', async () => {
      const { guardian: _guardian, ...withoutGuardian } = minorBookingValues();
      const body = await expectNothingStored(
        await handler()(post(JSON.stringify({ ...withoutGuardian, ...humanSignals() })), client),
        400,
      );
      expect(Object.keys(body.fields ?? {}).some((field) => field.startsWith('guardian'))).toBe(true);
    });

    it('400 for huge, script and SQL-like values in a name, never a 500', async () => {
      for (const fullName of [
        '<script>alert(1)</script>',
        "Robert'); DROP TABLE booking_requests;--",
        '𝔄'.repeat(300),
      ]) {
        const body = await expectNothingStored(
          await handler()(post(JSON.stringify({ ...adultBookingValues({ fullName }), ...humanSignals() })), client),
          400,
        );
        expect(body.fields?.fullName).toBeTruthy();
      }
    });

    it('400 for unknown fields, so nothing unexpected can be stored', async () => {
      const body = await expectNothingStored(
        await handler()(
          post(JSON.stringify({ ...adultBookingValues(), ...humanSignals(), isMinor: false, diagnosis: 'x' })),
          client,
        ),
        400,
      );
      expect(body.fields).toMatchObject({ isMinor: 'Unknown field', diagnosis: 'Unknown field' });
    });

    it('429 with Retry-After once a client sends too many', async () => {
      const limited = handler(2);
      const body = JSON.stringify({ ...adultBookingValues(), submissionId: randomUUID(), ...humanSignals() });
      await limited(post(body), '192.0.2.99');
      await limited(post(body), '192.0.2.99');
      const response = await limited(post(body), '192.0.2.99');
      await expectNothingStored(response, 429);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  it('answers 500 without internals and stores nothing when the database fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failing = leadHandler({
      intake: createBookingIntake({
        database: async () => {
          throw new Error('connection refused');
        },
        treatments: async () => treatments,
        siteUrl: 'https://www.clinic.test',
        signingKey: async () => 'a-test-key-that-is-long-enough-to-sign-with',
        now,
      }),
      rateLimit: createClientRateLimiter({ points: 10, windowSeconds: 60 }),
      invalidErrorCode: 'invalid_booking',
      checkboxFields: [],
    });
    const body = await expectNothingStored(
      await failing(post(JSON.stringify({ ...adultBookingValues(), ...humanSignals() })), client),
      500,
    );
    expect(JSON.stringify(body)).not.toContain('connection refused');
    vi.restoreAllMocks();
  });
});
