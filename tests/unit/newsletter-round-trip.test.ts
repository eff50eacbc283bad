import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOneClickUnsubscribeHandler } from '#functions/http/one-click-unsubscribe.ts';
import { confirmWithLink } from '#functions/newsletter/links.ts';
import { createNewsletterIntake } from '#functions/newsletter/newsletter-intake.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { createJobRunner } from '#functions/worker/worker.ts';
import { fakeProvidersForSuite, quietLogger, testSiteUrl } from '../support/fake-providers.ts';
import { emptyStoreForSuite, pgliteBackend } from '../support/store-backends.ts';

const opened = emptyStoreForSuite(pgliteBackend);
const providers = fakeProvidersForSuite();

describe('the newsletter from sign-up to one-click unsubscribe, through the real SDKs and the worker', () => {
  it('emails a confirmation with RFC 8058 headers, subscribes in the CRM on confirmation, withdraws on one click', async () => {
    const { db } = opened.store;
    const { hubspot, resend, deliveries } = providers;
    const runner = createJobRunner({ db, deliveries, logger: quietLogger });
    const intake = createNewsletterIntake({
      database: async () => db,
      siteUrl: testSiteUrl,
      signingKey: (database) => linkSigningKey(database),
    });
    const email = `${randomUUID()}@example.com`;

    const accepted = await intake({
      submissionId: randomUUID(),
      email,
      birthYear: '1985',
      marketingConsent: true,
      website: '',
    });
    expect(accepted).toMatchObject({ kind: 'accepted', created: true });
    expect(await runner.runOnce()).toBe(1);

    const [confirmation, ...otherEmails] = resend.emails;
    expect(otherEmails).toEqual([]);
    expect(confirmation?.to).toBe(email);
    expect(hubspot.contacts()).toEqual([]);
    const unsubscribeUrl = /^<(.+)>$/.exec(confirmation?.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? '';
    expect(unsubscribeUrl.startsWith(`${testSiteUrl}/api/newsletter/unsubscribe?token=`)).toBe(true);
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
