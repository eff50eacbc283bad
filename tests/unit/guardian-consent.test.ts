import { addDays } from 'date-fns/addDays';
import type { Kysely } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  createGuardianConsentActions,
  guardianConsentLink,
  verifyGuardian,
} from '#functions/intake/guardian-consent.ts';
import { storeBookingRequest } from '#functions/intake/lead-records.ts';
import { checkLink } from '#functions/links/signed-links.ts';
import type { Database } from '#functions/store/schema.ts';
import { adultBooking, minorBooking } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const signingKey = 'a-test-key-that-is-long-enough-to-sign-with';
const settings = { siteUrl: 'https://www.clinic.test', signingKey };
const requestedAt = new Date('2026-11-23T06:30:00.000Z');

describe('guardianConsentLink', () => {
  it('leads a request from a Hindi page to the Hindi consent page, with the same token', () => {
    const hindi = new URL(guardianConsentLink(settings, 'KC-7Q4M-X2P9', requestedAt, 'hi').verifyUrl);
    const english = new URL(guardianConsentLink(settings, 'KC-7Q4M-X2P9', requestedAt).verifyUrl);
    expect(hindi.pathname).toBe('/hi/book/guardian-consent/');
    expect(hindi.search).toBe(english.search);
  });

  it('links the consent page with a token for this request only, working as long as an unverified request is kept', () => {
    const link = guardianConsentLink(settings, 'KC-7Q4M-X2P9', requestedAt);
    expect(link.expiresAt).toBe('2026-11-30T06:30:00.000Z');
    const url = new URL(link.verifyUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://www.clinic.test/book/guardian-consent/');
    const token = url.searchParams.get('token') ?? '';
    expect(checkLink(signingKey, 'guardian-consent', token, requestedAt)).toEqual({
      ok: true,
      reference: 'KC-7Q4M-X2P9',
    });
    expect(checkLink(signingKey, 'newsletter-confirm', token, requestedAt)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkLink(signingKey, 'guardian-consent', token, new Date(link.expiresAt))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});

async function consentOf(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('guardian_consents')
    .innerJoin('booking_requests', 'booking_requests.id', 'guardian_consents.booking_request_id')
    .select(['status', 'method', 'verified_by', 'verified_at'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

async function consentJobs(db: Kysely<Database>, reference: string) {
  return db
    .selectFrom('outbox_jobs')
    .select(['kind', 'payload'])
    .where('lead_reference', '=', reference)
    .where('kind', '=', 'crm.guardian-consent')
    .execute();
}

function verifiesConsents(opened: OpenedStore) {
  let now = requestedAt;
  let db: Kysely<Database>;
  let tokens: Record<string, string>;
  const actions = () =>
    createGuardianConsentActions({ database: async () => db, signingKey: async () => signingKey, now: () => now });

  beforeEach(async () => {
    db = opened.store.db;
    now = requestedAt;
    tokens = {};
    const tokenFor = (reference: string) => {
      const link = guardianConsentLink(settings, reference, requestedAt);
      tokens[reference] = new URL(link.verifyUrl).searchParams.get('token') ?? '';
      return link;
    };
    await storeBookingRequest(db, minorBooking(), tokenFor);
  });

  const onlyReference = () => Object.keys(tokens)[0] ?? '';

  it('shows the request for a genuine link, changing nothing; pressing the button verifies it once', async () => {
    const reference = onlyReference();
    const token = tokens[reference] ?? '';

    expect(await actions().view(token)).toEqual({
      status: 'ready',
      request: {
        reference,
        patientName: 'Kiran Rao',
        guardianName: 'Asha Rao',
        treatment: 'teeth-whitening',
        branch: 'bengaluru-indiranagar',
        preferredDate: '2026-11-25',
        status: 'pending',
      },
    });
    expect(await consentOf(db, reference)).toMatchObject({ status: 'pending' });

    const verified = await actions().verify(token);
    expect(verified).toEqual({
      status: 'verified',
      reference,
      method: 'email-link',
      verifiedAt: expect.stringMatching(/^\d{4}-/),
      verifiedBy: null,
    });
    expect(await actions().verify(token)).toMatchObject({ status: 'already-verified', method: 'email-link' });
    expect(await actions().view(token)).toMatchObject({ status: 'already-verified' });
    expect(await consentOf(db, reference)).toMatchObject({
      status: 'verified',
      method: 'email-link',
      verified_by: null,
    });
    const verifiedAt = typeof verified === 'object' && 'verifiedAt' in verified ? verified.verifiedAt : '';
    expect(await consentJobs(db, reference)).toEqual([
      { kind: 'crm.guardian-consent', payload: { reference, method: 'email-link', verifiedAt } },
    ]);
  });

  it('refuses a tampered or expired link with its reason, and changes nothing', async () => {
    const reference = onlyReference();
    const token = tokens[reference] ?? '';
    const [, expiry, signature] = token.split('.');
    for (const tampered of [`KC-2222-2222.${expiry}.${signature}`, `${token}x`, 'not-a-token', '']) {
      expect(await actions().view(tampered)).toBe('invalid');
      expect(await actions().verify(tampered)).toBe('invalid');
    }
    now = addDays(requestedAt, 8);
    expect(await actions().view(token)).toBe('expired');
    expect(await actions().verify(token)).toBe('expired');
    expect(await consentOf(db, reference)).toEqual({
      status: 'pending',
      method: null,
      verified_by: null,
      verified_at: null,
    });
    expect(await consentJobs(db, reference)).toEqual([]);
  });

  it("answers a genuine link whose request is gone, or an adult's, as not found", async () => {
    const adult = await storeBookingRequest(db, adultBooking(), (reference) =>
      guardianConsentLink(settings, reference, requestedAt),
    );
    const adultToken = new URL(guardianConsentLink(settings, adult.reference, requestedAt).verifyUrl).searchParams.get(
      'token',
    );
    expect(await actions().view(adultToken ?? '')).toBe('not-found');
    expect(await actions().verify(adultToken ?? '')).toEqual({ status: 'not-needed' });
    const reference = onlyReference();
    await db.deleteFrom('booking_requests').where('reference', '=', reference).execute();
    expect(await actions().view(tokens[reference] ?? '')).toBe('not-found');
    expect(await actions().verify(tokens[reference] ?? '')).toEqual({ status: 'not-found' });
  });

  it("keeps the front desk's verification: the link then finds it already verified, by phone", async () => {
    const reference = onlyReference();
    expect(await verifyGuardian(db, reference, { method: 'phone', verifiedBy: 'Meera' })).toMatchObject({
      status: 'verified',
      method: 'phone',
      verifiedBy: 'Meera',
    });
    expect(await actions().verify(tokens[reference] ?? '')).toMatchObject({
      status: 'already-verified',
      method: 'phone',
      verifiedBy: 'Meera',
    });
    expect(await consentJobs(db, reference)).toHaveLength(1);
  });

  it('verifies once when the link and the front desk act at the same moment', async () => {
    const reference = onlyReference();
    const outcomes = await Promise.all([
      actions().verify(tokens[reference] ?? ''),
      verifyGuardian(db, reference, { method: 'phone', verifiedBy: 'Meera' }),
      actions().verify(tokens[reference] ?? ''),
    ]);
    const statuses = outcomes.map((outcome) => (typeof outcome === 'string' ? outcome : outcome.status)).sort();
    expect(statuses).toEqual(['already-verified', 'already-verified', 'verified']);
    expect(await consentJobs(db, reference)).toHaveLength(1);
  });

  it('refuses a verification record without its facts: the database holds how, when and by whom', async () => {
    const reference = onlyReference();
    const update = (set: Record<string, unknown>) =>
      db
        .updateTable('guardian_consents')
        .set(set)
        .where(
          'booking_request_id',
          'in',
          db.selectFrom('booking_requests').select('id').where('reference', '=', reference),
        )
        .execute();
    await expect(update({ status: 'verified' })).rejects.toThrow(/guardian_consents_verification/);
    await expect(update({ status: 'verified', method: 'phone', verified_at: new Date() })).rejects.toThrow(
      /guardian_consents_verification/,
    );
    await expect(
      update({ status: 'verified', method: 'email-link', verified_at: new Date(), verified_by: 'Meera' }),
    ).rejects.toThrow(/guardian_consents_verification/);
  });
}

describe.each([pgliteBackend, postgresBackend])('guardian consent on $name', (backend) => {
  verifiesConsents(emptyStoreForSuite(backend));
});
