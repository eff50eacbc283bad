import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientRateLimiter } from '../../functions/http/rate-limit.ts';
import { configuredDeliveries } from '../../functions/jobs/configured-deliveries.ts';
import { createJobRunner, type WorkerLogger } from '../../functions/jobs/worker.ts';
import { createNewsletterIntake } from '../../functions/leads/newsletter-intake.ts';
import { confirmWithLink } from '../../functions/leads/newsletter-links.ts';
import { createOneClickUnsubscribeHandler } from '../../functions/leads/one-click-unsubscribe.ts';
import { linkSigningKey } from '../../functions/store/site-secrets.ts';
import { type FakeHubSpot, startProvisionedHubSpot } from '../support/fake-hubspot.ts';
import { type FakeResend, startFakeResend } from '../support/fake-resend.ts';
import { emptyStoreForSuite, pgliteBackend } from '../support/store-backends.ts';

const siteUrl = 'https://www.clinic.test';
const quiet: WorkerLogger = { info: () => {}, warn: () => {}, error: () => {} };

const opened = emptyStoreForSuite(pgliteBackend);
let hubspot: FakeHubSpot;
let resend: FakeResend;

beforeAll(async () => {
  ({ fake: hubspot } = await startProvisionedHubSpot());
  resend = await startFakeResend();
});
afterAll(async () => {
  await hubspot.stop();
  await resend.stop();
});

describe('the newsletter from sign-up to one-click unsubscribe, through the real SDKs and the worker', () => {
  it('emails a confirmation with RFC 8058 headers, subscribes in the CRM on confirmation, withdraws on one click', async () => {
    const { db } = opened.store;
    const { deliveries } = configuredDeliveries({
      HUBSPOT_ACCESS_TOKEN: 'pat-test',
      HUBSPOT_BASE_URL: hubspot.url,
      RESEND_API_KEY: 're_test',
      RESEND_BASE_URL: resend.baseUrl,
      EMAIL_FROM: 'Clinic <hello@mail.clinic.test>',
      FRONT_DESK_EMAIL: 'desk@clinic.test',
      SITE_URL: siteUrl,
    });
    const runner = createJobRunner({ db, deliveries, logger: quiet });
    const intake = createNewsletterIntake({
      rateLimit: createClientRateLimiter({ points: 10, windowSeconds: 600 }),
      database: async () => db,
      siteUrl,
    });
    const email = `${randomUUID()}@example.com`;

    const accepted = await intake(
      { submissionId: randomUUID(), email, birthYear: '1985', marketingConsent: true, website: '' },
      '192.0.2.1',
    );
    expect(accepted).toMatchObject({ kind: 'accepted', created: true });
    expect(await runner.runOnce()).toBe(1);

    const [confirmation, ...otherEmails] = resend.emails;
    expect(otherEmails).toEqual([]);
    expect(confirmation?.to).toBe(email);
    expect(hubspot.contacts()).toEqual([]);
    const unsubscribeUrl = /^<(.+)>$/.exec(confirmation?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(unsubscribeUrl.startsWith(`${siteUrl}/api/newsletter/unsubscribe?token=`)).toBe(true);
    expect(confirmation?.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const confirmUrl = /href="([^"]*\/newsletter\/confirm\/[^"]*)"/.exec(confirmation?.html ?? '')?.[1] ?? '';
    const confirmToken = new URL(confirmUrl.replaceAll('&amp;', '&')).searchParams.get('token') ?? '';

    expect(await confirmWithLink(db, await linkSigningKey(db), confirmToken, new Date())).toBe('confirmed');
    expect(await runner.runOnce()).toBe(1);
    const [contact, ...otherContacts] = hubspot.contacts();
    expect(otherContacts).toEqual([]);
    expect(contact?.properties).toMatchObject({
      email,
      lifecyclestage: 'subscriber',
      clinic_email_news_consent: 'true',
    });

    const oneClick = createOneClickUnsubscribeHandler({ database: async () => db, signingKey: linkSigningKey });
    const answer = await oneClick(
      new Request(unsubscribeUrl, {
        method: 'POST',
        body: 'List-Unsubscribe=One-Click',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(answer.status).toBe(200);
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(hubspot.contacts()).toHaveLength(1);
    expect(hubspot.contacts()[0]?.properties).toMatchObject({ email, clinic_email_news_consent: 'false' });
    expect(resend.emails).toHaveLength(1);
  });
});
