/**
 * A parent's request for their teenager from the form to the CRM and back, through the real intake, the worker,
 * the real SDKs and the fakes: the guardian's email with its link, the consent verified by it (or by staff), the
 * deal turning verified; and an unverified request deleted after its period, here and in the CRM.
 */
import { randomUUID } from 'node:crypto';
import { addDays } from 'date-fns/addDays';
import { describe, expect, it } from 'vitest';
import { createBookingIntake } from '#functions/intake/booking-intake.ts';
import { createGuardianConsentActions, verifyGuardian } from '#functions/intake/guardian-consent.ts';
import { purgeExpired } from '#functions/privacy/retention-purge.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { createJobRunner } from '#functions/worker/worker.ts';
import { fakeProvidersForSuite, quietLogger, testSiteUrl } from '../support/fake-providers.ts';
import { minorBookingValues, today, treatments } from '../support/lead-fixtures.ts';
import { databaseNow } from '../support/outbox-fixtures.ts';
import { emptyStoreForSuite, pgliteBackend } from '../support/store-backends.ts';

const opened = emptyStoreForSuite(pgliteBackend);
const providers = fakeProvidersForSuite();

/** The clinic's "today" in the fixtures, at noon IST. */
const now = () => new Date(`${today}T06:30:00Z`);

function setUp() {
  const { db } = opened.store;
  const runner = createJobRunner({ db, deliveries: providers.deliveries, logger: quietLogger });
  const intake = createBookingIntake({
    database: async () => db,
    treatments: async () => treatments,
    siteUrl: testSiteUrl,
    signingKey: (database) => linkSigningKey(database),
    now,
  });
  const drain = async () => {
    while ((await runner.runOnce()) > 0) {
      // Until every due job is delivered.
    }
  };
  const book = async (mobile: string, email: string) => {
    const answer = await intake({
      ...minorBookingValues({ mobile, email }),
      submissionId: randomUUID(),
      website: '',
      startedAt: now().getTime() - 60_000,
    });
    if (answer.kind !== 'accepted') throw new Error('Not accepted');
    return answer.reference;
  };
  const dealOf = (reference: string) =>
    providers.hubspot.deals().find(({ properties }) => properties.clinic_booking_reference === reference);
  return { db, drain, book, dealOf };
}

describe("a parent's request for their teenager, end to end", () => {
  it('emails the guardian a link (and the patient nothing); following it verifies the consent and the deal', async () => {
    const { db, drain, book, dealOf } = setUp();
    const email = `${randomUUID()}@example.com`;
    const reference = await book('98765 11111', email);
    await drain();

    expect(dealOf(reference)?.properties).toMatchObject({
      clinic_patient_name: 'Kiran Rao',
      clinic_guardian_consent: 'pending',
    });
    const sent = providers.resend.emails.filter((message) => message.subject.includes(reference));
    expect(sent.map((message) => message.to).sort()).toEqual([email, 'desk@clinic.test'].sort());
    const toGuardian = sent.find((message) => message.to === email);
    expect(toGuardian?.subject).toBe(
      `Kalpa Clinics: please confirm your consent to an appointment request (${reference})`,
    );
    const verifyUrl = /href="([^"]*\/book\/guardian-consent\/[^"]*)"/.exec(toGuardian?.html ?? '')?.[1] ?? '';
    const token = new URL(verifyUrl.replaceAll('&amp;', '&')).searchParams.get('token') ?? '';

    const actions = createGuardianConsentActions({ database: async () => db, signingKey: linkSigningKey, now });
    expect(await actions.view(token)).toMatchObject({ status: 'ready', request: { patientName: 'Kiran Rao' } });
    expect(await actions.verify(token)).toMatchObject({ status: 'verified', method: 'email-link' });
    await drain();

    expect(dealOf(reference)?.properties).toMatchObject({
      clinic_guardian_consent: 'verified',
      clinic_guardian_consent_method: 'email-link',
    });
    expect(providers.hubspot.contacts().filter(({ properties }) => properties.email === email)).toHaveLength(1);
  });

  it('without a guardian email, sends the front desk alone, whose verification by phone turns the deal verified', async () => {
    const { db, drain, book, dealOf } = setUp();
    const before = providers.resend.emails.length;
    const reference = await book('98765 22222', '');
    await drain();
    expect(providers.resend.emails.slice(before).map((message) => message.to)).toEqual(['desk@clinic.test']);

    await verifyGuardian(db, reference, { method: 'phone', verifiedBy: 'Meera' });
    await drain();
    expect(dealOf(reference)?.properties).toMatchObject({
      clinic_guardian_consent: 'verified',
      clinic_guardian_consent_method: 'phone',
    });
  });

  it('deletes a request still unverified after its period from the store and, through the worker, from the CRM', async () => {
    const { db, drain, book, dealOf } = setUp();
    const reference = await book('98765 33333', `${randomUUID()}@example.com`);
    await drain();
    const deal = dealOf(reference);
    expect(deal).toBeDefined();
    const contactsBefore = providers.hubspot.contacts().length;

    const counts = await purgeExpired(db, { now: addDays(await databaseNow(db), 8) });
    expect(counts.unverifiedMinorRequests).toMatchObject({ deleted: 1, crmDeletionsQueued: 1 });
    const stored = await db.selectFrom('booking_requests').select('id').where('reference', '=', reference).execute();
    expect(stored).toEqual([]);
    await drain();

    expect(dealOf(reference)).toBeUndefined();
    expect(providers.hubspot.associations().filter(({ dealId }) => dealId === deal?.id)).toEqual([]);
    // The parent's contact stays: it holds no child's data, and may be a patient's or subscriber's own.
    expect(providers.hubspot.contacts()).toHaveLength(contactsBefore);
    const jobs = await db
      .selectFrom('outbox_jobs')
      .select(['kind', 'status'])
      .where('lead_reference', '=', reference)
      .execute();
    expect(jobs).toEqual([{ kind: 'crm.booking-deletion', status: 'done' }]);
  });
});
