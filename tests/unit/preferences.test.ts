import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import { checkLink, signLink } from '#functions/links/signed-links.ts';
import type { CrmBookingPayload, PreferenceLeadKind } from '#functions/outbox/jobs.ts';
import { preferencesLink, preferencesToken, readPreferencesToken } from '#functions/preferences/preference-links.ts';
import { createPreferenceActions, type PreferencesView } from '#functions/preferences/preferences.ts';
import { erasePersonData, exportPersonData } from '#functions/privacy/person-data.ts';
import { purgePreferenceChangesOfNobody } from '#functions/store/retention.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const key = 'a-preferences-test-key-of-32-characters!';
const deadlines = { acknowledgeWithinHours: 48, resolveWithinDays: 30 };

describe('the preferences link', () => {
  const lead = { kind: 'booking', reference: 'KC-7Q4M-X2P9' } as const;

  it('names the request, in the page of its language, and reads back as it', () => {
    const english = new URL(preferencesLink('https://www.clinic.test', key, lead, 'en'));
    const hindi = new URL(preferencesLink('https://www.clinic.test', key, lead, 'hi'));
    expect(english.pathname).toBe('/preferences/');
    expect(hindi.pathname).toBe('/hi/preferences/');
    const token = english.searchParams.get('token') ?? '';
    expect(token).toBe(hindi.searchParams.get('token'));
    expect(token).toMatch(/^booking_KC-7Q4M-X2P9\.never\./);
    expect(readPreferencesToken(key, token)).toEqual(lead);
    expect(
      readPreferencesToken(key, preferencesToken(key, { kind: 'rights-request', reference: 'KC-7Q4M-X2P9' })),
    ).toEqual({ kind: 'rights-request', reference: 'KC-7Q4M-X2P9' });
  });

  it('never expires: it works as long as the store holds its request', () => {
    const token = preferencesToken(key, lead);
    expect(checkLink(key, 'preferences', token, new Date('2126-01-01T00:00:00Z'))).toEqual({
      ok: true,
      reference: 'booking_KC-7Q4M-X2P9',
    });
  });

  it('refuses a token changed, cut short, signed with another key, or made for another link', () => {
    const token = preferencesToken(key, lead);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(readPreferencesToken(key, `${token.slice(0, -1)}${last}`)).toBeUndefined();
    expect(readPreferencesToken(key, token.replace('KC-7Q4M-X2P9', 'KC-7Q4M-X2P8'))).toBeUndefined();
    expect(readPreferencesToken(key, token.replace('booking_', 'newsletter_'))).toBeUndefined();
    expect(readPreferencesToken(key, token.slice(0, -3))).toBeUndefined();
    expect(readPreferencesToken(key, token.slice(0, token.lastIndexOf('.')))).toBeUndefined();
    expect(readPreferencesToken(key, '')).toBeUndefined();
    expect(readPreferencesToken(`${key}-other`, token)).toBeUndefined();
    // Another purpose's token, for the very same subject, is not a preferences token, and the other way round.
    for (const purpose of ['newsletter-unsubscribe', 'newsletter-confirm', 'guardian-consent'] as const) {
      expect(readPreferencesToken(key, signLink(key, purpose, 'booking_KC-7Q4M-X2P9'))).toBeUndefined();
      expect(checkLink(key, purpose, token, new Date()).ok).toBe(false);
    }
    // A genuine token whose subject names no kind the page knows.
    expect(readPreferencesToken(key, signLink(key, 'preferences', 'KC-7Q4M-X2P9'))).toBeUndefined();
    expect(readPreferencesToken(key, signLink(key, 'preferences', 'deal_KC-7Q4M-X2P9'))).toBeUndefined();
  });
});

describe.each([pgliteBackend, postgresBackend])('the preferences page on $name', (backend) => {
  const opened: OpenedStore = emptyStoreForSuite(backend);
  const db = () => opened.store.db;
  const actions = createPreferenceActions({ database: async () => db(), signingKey: async () => key });
  const tokenOf = (kind: PreferenceLeadKind, reference: string) => preferencesToken(key, { kind, reference });

  const jobsOf = (reference: string) =>
    db()
      .selectFrom('outbox_jobs')
      .select(['kind', 'status', 'payload', 'run_after'])
      .where('lead_reference', '=', reference)
      .orderBy('created_at')
      .orderBy('kind')
      .execute();
  const changesOf = (reference: string) =>
    db()
      .selectFrom('preference_changes')
      .select(['choice', 'given', 'email', 'mobile_e164', 'changed_at'])
      .where('lead_reference', '=', reference)
      .orderBy('changed_at')
      .execute();
  const consentsOf = async (reference: string) =>
    ((await jobsOf(reference)).find((job) => job.kind === 'crm.booking')?.payload as CrmBookingPayload | undefined)
      ?.consents;
  const expectView = async (token: string) => {
    const view = await actions.view(token);
    if (typeof view === 'string') throw new Error(`The link failed: ${view}`);
    return view;
  };
  const changed = async (token: string, ...change: [choice: 'emailNews' | 'whatsappUpdates', on: boolean]) => {
    const outcome = await actions.change(token, ...change);
    if (typeof outcome === 'string') throw new Error(`The link failed: ${outcome}`);
    return outcome;
  };
  const uniqueMobile = () => `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  async function adult(consents = { privacyNotice: true, whatsappUpdates: true, emailNews: true }) {
    const email = `${randomUUID()}@example.com`;
    const mobile = uniqueMobile();
    const booking = await storeBookingRequest(db(), adultBooking({ email, mobile, consents }), guardianLinks);
    return {
      email,
      mobile: `+91${mobile}`,
      reference: booking.reference,
      token: tokenOf('booking', booking.reference),
    };
  }

  it("shows an adult's choices as their booking gave them, with the mobile's last digits", async () => {
    const { token, mobile } = await adult();
    const view = await expectView(token);
    expect(view).toMatchObject({
      forMinor: false,
      mobileEnding: mobile.slice(-4),
      choices: {
        emailNews: { on: true, available: true, mayTurnOn: true },
        whatsappUpdates: { on: true, available: true, mayTurnOn: true },
      },
    });
    expect(Date.parse(view.choices.emailNews.since ?? '')).not.toBeNaN();
    const unticked = await adult({ privacyNotice: true, whatsappUpdates: false, emailNews: false });
    expect((await expectView(unticked.token)).choices).toEqual({
      emailNews: { on: false, available: true, mayTurnOn: true },
      whatsappUpdates: { on: false, available: true, mayTurnOn: true },
    });
  });

  it('turns clinic news off at once: the change recorded, subscriptions ended, unsent CRM updates without it, the CRM told', async () => {
    const { token, email, reference } = await adult();
    const signup = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email, locale: 'en' },
      newsletterLinks,
    );

    const outcome = await changed(token, 'emailNews', false);

    expect(outcome.result).toBe('changed');
    expect(outcome.view.choices.emailNews).toMatchObject({ on: false, mayTurnOn: true });
    expect(outcome.view.choices.whatsappUpdates.on).toBe(true);
    const [change] = await changesOf(reference);
    expect(change).toMatchObject({ choice: 'emailNews', given: false, email, mobile_e164: null });
    expect(await consentsOf(reference)).toEqual({ whatsappUpdates: true, emailNews: false });
    const subscription = await db()
      .selectFrom('newsletter_subscriptions')
      .select('status')
      .where('reference', '=', signup.reference)
      .executeTakeFirstOrThrow();
    expect(subscription.status).toBe('unsubscribed');
    expect((await jobsOf(signup.reference)).map((job) => job.status)).toEqual(['cancelled']);
    const withdrawal = (await jobsOf(reference)).filter((job) => job.kind === 'crm.newsletter-withdrawal');
    expect(withdrawal.map((job) => [job.status, job.payload])).toEqual([
      ['pending', { reference, email, consents: ['emailNews'], withdrawnAt: change?.changed_at.toISOString() }],
    ]);

    // Pressed again (a double click, a second tab): nothing more happens.
    expect((await changed(token, 'emailNews', false)).result).toBe('unchanged');
    expect(await changesOf(reference)).toHaveLength(1);
    expect((await jobsOf(reference)).filter((job) => job.kind === 'crm.newsletter-withdrawal')).toHaveLength(1);
  });

  it('turns WhatsApp updates off for the mobile alone, and leaves clinic news as it was', async () => {
    const { token, mobile, reference } = await adult();
    const outcome = await changed(token, 'whatsappUpdates', false);
    expect(outcome.view.choices).toMatchObject({ emailNews: { on: true }, whatsappUpdates: { on: false } });
    expect(await consentsOf(reference)).toEqual({ whatsappUpdates: false, emailNews: true });
    const [change] = await changesOf(reference);
    expect(change).toMatchObject({ choice: 'whatsappUpdates', given: false, email: null, mobile_e164: mobile });
    expect(
      (await jobsOf(reference)).filter((job) => job.kind === 'crm.newsletter-withdrawal').map((job) => job.payload),
    ).toEqual([{ reference, mobile, consents: ['whatsappUpdates'], withdrawnAt: change?.changed_at.toISOString() }]);
  });

  it('turning back on is a new consent: a fresh time in the store, and the CRM gets it', async () => {
    const { token, email, mobile, reference } = await adult();
    const givenOnForm = (await expectView(token)).choices;
    await changed(token, 'emailNews', false);
    await changed(token, 'whatsappUpdates', false);

    const news = await changed(token, 'emailNews', true);
    const whatsapp = await changed(token, 'whatsappUpdates', true);

    expect(news.result).toBe('changed');
    expect(whatsapp.view.choices).toMatchObject({ emailNews: { on: true }, whatsappUpdates: { on: true } });
    const changes = await changesOf(reference);
    expect(changes.map(({ choice, given }) => [choice, given])).toEqual([
      ['emailNews', false],
      ['whatsappUpdates', false],
      ['emailNews', true],
      ['whatsappUpdates', true],
    ]);
    const newsOn = changes[2]?.changed_at.toISOString() ?? '';
    const whatsappOn = changes[3]?.changed_at.toISOString() ?? '';
    expect(Date.parse(newsOn)).toBeGreaterThan(Date.parse(givenOnForm.emailNews.since ?? ''));
    expect(whatsapp.view.choices.emailNews.since).toBe(newsOn);
    expect(whatsapp.view.choices.whatsappUpdates.since).toBe(whatsappOn);
    const jobs = (await jobsOf(reference)).map((job) => [job.kind, job.payload]);
    expect(jobs).toContainEqual(['crm.newsletter', { reference, email, consentAt: newsOn, confirmedAt: newsOn }]);
    expect(jobs).toContainEqual(['crm.whatsapp-consent', { reference, mobile, givenAt: whatsappOn }]);
  });

  it("reads the person's other records: a later stop-marketing request or unsubscribe counts", async () => {
    const { token, email, mobile } = await adult();
    await storeRightsRequest(
      db(),
      {
        submissionId: randomUUID(),
        requestType: 'stop-marketing',
        fullName: 'Asha Rao',
        mobile,
        requesterRole: 'self',
        locale: 'en',
      },
      new Date(),
      deadlines,
    );
    expect((await expectView(token)).choices).toMatchObject({
      emailNews: { on: false },
      whatsappUpdates: { on: false },
    });

    const subscriber = await adult({ privacyNotice: true, whatsappUpdates: false, emailNews: false });
    const signup = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email: subscriber.email, locale: 'en' },
      newsletterLinks,
    );
    const newsletterToken = tokenOf('newsletter', signup.reference);
    expect((await expectView(newsletterToken)).choices.emailNews.on).toBe(false);
    await db()
      .updateTable('newsletter_subscriptions')
      .set({ status: 'confirmed', confirmed_at: new Date() })
      .where('reference', '=', signup.reference)
      .execute();
    // The same address, through the booking's link and the sign-up's: one person.
    expect((await expectView(subscriber.token)).choices.emailNews.on).toBe(true);
    const viaNewsletter = await expectView(newsletterToken);
    expect(viaNewsletter).toMatchObject({ choices: { emailNews: { on: true } } });
    expect(viaNewsletter.choices.whatsappUpdates).toEqual({ on: false, available: false, mayTurnOn: false });
    expect(viaNewsletter).not.toHaveProperty('mobileEnding');
    expect(email).not.toBe(subscriber.email);
  });

  it("a child's request: the guardian's choices, clinic news never on and never turned on, WhatsApp as they chose", async () => {
    const guardianEmail = `${randomUUID()}@example.com`;
    const guardianMobile = uniqueMobile();
    const booking = await storeBookingRequest(
      db(),
      minorBooking({
        email: guardianEmail,
        mobile: guardianMobile,
        consents: { privacyNotice: true, whatsappUpdates: true, emailNews: false },
      }),
      guardianLinks,
    );
    const token = tokenOf('booking', booking.reference);
    const view: PreferencesView = await expectView(token);
    expect(view).toMatchObject({
      forMinor: true,
      mobileEnding: guardianMobile.slice(-4),
      choices: {
        emailNews: { on: false, available: true, mayTurnOn: false },
        whatsappUpdates: { on: true, available: true, mayTurnOn: true },
      },
    });

    const refused = await changed(token, 'emailNews', true);
    expect(refused.result).toBe('not-allowed');
    expect(refused.view.choices.emailNews.on).toBe(false);
    expect(await changesOf(booking.reference)).toEqual([]);
    expect((await jobsOf(booking.reference)).map((job) => job.kind).sort()).toEqual([
      'crm.booking',
      'email.front-desk',
      'email.guardian-consent',
    ]);

    expect((await changed(token, 'whatsappUpdates', false)).view.choices.whatsappUpdates.on).toBe(false);
    expect((await changed(token, 'whatsappUpdates', true)).view.choices.whatsappUpdates.on).toBe(true);
    expect((await changesOf(booking.reference)).map((change) => change.mobile_e164)).toEqual([
      `+91${guardianMobile}`,
      `+91${guardianMobile}`,
    ]);
  });

  it('offers nothing a request cannot have: no WhatsApp without a mobile number', async () => {
    const signup = await storeNewsletterSignup(
      db(),
      { submissionId: randomUUID(), email: `${randomUUID()}@example.com`, locale: 'hi' },
      newsletterLinks,
    );
    const outcome = await changed(tokenOf('newsletter', signup.reference), 'whatsappUpdates', true);
    expect(outcome.result).toBe('not-allowed');
    expect(await changesOf(signup.reference)).toEqual([]);
  });

  it('a changed or foreign token changes nothing; a request the store no longer holds is gone', async () => {
    const { token, reference } = await adult();
    const before = await jobsOf(reference);
    const tampered = `${token.slice(0, -1)}${token.at(-1) === 'A' ? 'B' : 'A'}`;
    const foreign = signLink(key, 'newsletter-unsubscribe', `booking_${reference}`);
    for (const bad of [tampered, foreign, token.slice(0, 20), `rights-request_${token}`]) {
      expect(await actions.view(bad)).toBe('invalid');
      expect(await actions.change(bad, 'emailNews', false)).toBe('invalid');
    }
    expect(await changesOf(reference)).toEqual([]);
    expect(await jobsOf(reference)).toEqual(before);

    await db().deleteFrom('outbox_jobs').where('lead_reference', '=', reference).execute();
    await db().deleteFrom('booking_requests').where('reference', '=', reference).execute();
    expect(await actions.view(token)).toBe('gone');
    expect(await actions.change(token, 'emailNews', false)).toBe('gone');
    expect(await changesOf(reference)).toEqual([]);
  });

  it('keeps changes as long as the person is held (clinic news turned on, while it stands), and erases them with the person', async () => {
    const { token, email, reference } = await adult({ privacyNotice: true, whatsappUpdates: true, emailNews: false });
    await changed(token, 'whatsappUpdates', false);
    await changed(token, 'emailNews', true);
    expect(await purgePreferenceChangesOfNobody(db())).toBe(0);
    await db().deleteFrom('outbox_jobs').where('lead_reference', '=', reference).execute();
    await db().deleteFrom('booking_requests').where('reference', '=', reference).execute();

    expect(await purgePreferenceChangesOfNobody(db())).toBe(1);
    expect((await changesOf(reference)).map(({ choice, given }) => [choice, given])).toEqual([['emailNews', true]]);

    const exported = await exportPersonData(db(), { type: 'email', email });
    expect(exported.data.preferenceChanges).toMatchObject([{ choice: 'emailNews', given: true, email }]);
    expect(exported.counts.preferenceChanges).toBe(1);
    const erased = await erasePersonData(db(), { type: 'email', email }, { dropNotDelivered: true });
    expect(erased.counts.preferenceChanges).toBe(1);
    expect(await changesOf(reference)).toEqual([]);
  });

  it('records each change in the processing record by the reference alone', async () => {
    const { token, reference } = await adult();
    await changed(token, 'whatsappUpdates', false);
    await changed(token, 'whatsappUpdates', true);
    const entries = await db()
      .selectFrom('processing_log')
      .select(['activity', 'purpose'])
      .where(sql<boolean>`${reference} = any(lead_references)`)
      .where('activity', 'in', ['confirmed', 'withdrawn'])
      .orderBy('recorded_at')
      .execute();
    expect(entries).toEqual([
      { activity: 'withdrawn', purpose: 'appointment-request' },
      { activity: 'confirmed', purpose: 'appointment-request' },
    ]);
  });
});
