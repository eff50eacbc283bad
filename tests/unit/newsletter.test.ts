import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { createOneClickUnsubscribeHandler } from '#functions/http/one-click-unsubscribe.ts';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';
import { confirmWithLink, unsubscribeWithLink } from '#functions/newsletter/links.ts';
import { createNewsletterIntake } from '#functions/newsletter/newsletter-intake.ts';
import type { Database } from '#functions/store/schema.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { today } from '../support/lead-fixtures.ts';
import { leadHandler } from '../support/lead-handler.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const siteUrl = 'https://www.clinic.test';
const client = '198.51.100.7';
/** The clinic's "today" in the fixtures, at noon IST. */
const noon = new Date(`${today}T06:30:00Z`);
const days = (count: number) => new Date(noon.getTime() + count * 24 * 60 * 60 * 1000);

function signupValues(overrides: Record<string, unknown> = {}) {
  return {
    submissionId: randomUUID(),
    email: `${randomUUID()}@example.com`,
    birthYear: 1990,
    marketingConsent: true,
    website: '',
    ...overrides,
  };
}

const post = (body: unknown, contentType = 'application/json') =>
  new Request(`${siteUrl}/api/newsletter`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': contentType },
  });

function oneClick(unsubscribeUrl: string, body = 'List-Unsubscribe=One-Click') {
  return new Request(unsubscribeUrl, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}

async function subscription(db: Kysely<Database>, reference: string) {
  return db.selectFrom('newsletter_subscriptions').selectAll().where('reference', '=', reference).executeTakeFirst();
}

async function jobs(db: Kysely<Database>, reference: string) {
  const rows = await db
    .selectFrom('outbox_jobs')
    .select(['id', 'kind', 'status', 'payload', 'run_after'])
    .where('lead_reference', '=', reference)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
  return rows.map((row) => ({ ...row, payload: row.payload as Record<string, string> }));
}

async function counts(db: Kysely<Database>) {
  const count = async (table: 'newsletter_subscriptions' | 'outbox_jobs') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { subscriptions: await count('newsletter_subscriptions'), jobs: await count('outbox_jobs') };
}

function newsletterFlows(opened: OpenedStore) {
  const db = () => opened.store.db;
  const handler = leadHandler({
    intake: createNewsletterIntake({
      database: async () => db(),
      siteUrl,
      signingKey: (database) => linkSigningKey(database),
      now: () => noon,
    }),
    rateLimit: createClientRateLimiter({ points: 1000, windowSeconds: 600 }),
    invalidErrorCode: 'invalid_signup',
    checkboxFields: [],
  });
  const oneClickHandler = createOneClickUnsubscribeHandler({
    database: async () => db(),
    signingKey: (database) => linkSigningKey(database),
  });
  let key: string;
  beforeAll(async () => {
    key = await linkSigningKey(db());
  });

  /** Signs up and answers the reference and the signed links of the confirmation email. */
  async function signUp(overrides: Record<string, unknown> = {}) {
    const response = await handler(post(signupValues(overrides)), client);
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    const [email] = await jobs(db(), reference);
    const confirmToken = new URL(email?.payload.confirmUrl ?? '').searchParams.get('token') ?? '';
    const unsubscribeUrl = email?.payload.unsubscribeUrl ?? '';
    return {
      reference,
      confirmToken,
      unsubscribeUrl,
      unsubscribeToken: new URL(unsubscribeUrl).searchParams.get('token') ?? '',
    };
  }

  it('stores an adult sign-up as pending with a confirmation email carrying signed links', async () => {
    const email = `${randomUUID()}@example.com`;
    const { reference, confirmToken, unsubscribeUrl } = await signUp({ email: email.toUpperCase() });
    expect(await subscription(db(), reference)).toMatchObject({ email, status: 'pending', confirmed_at: null });
    const [job, ...others] = await jobs(db(), reference);
    expect(others).toEqual([]);
    expect(job).toMatchObject({ kind: 'email.newsletter-confirmation', status: 'pending' });
    expect(job?.payload).toMatchObject({ reference, to: email, expiresAt: days(7).toISOString() });
    expect(job?.payload.confirmUrl).toBe(`${siteUrl}/newsletter/confirm/?token=${confirmToken}`);
    expect(unsubscribeUrl).toMatch(
      new RegExp(`^${siteUrl}/api/newsletter/unsubscribe\\?token=${reference}\\.never\\.`),
    );
  });

  it('keeps the same signing key for the database: links signed before a restart still work', async () => {
    expect(await linkSigningKey(db())).toBe(key);
    const rows = await db().selectFrom('site_secrets').select('name').execute();
    expect(rows).toEqual([{ name: 'link-signing-key' }]);
  });

  it('refuses a minor kindly, by year or by date, and stores nothing', async () => {
    const before = await counts(db());
    for (const age of [{ birthYear: 2010 }, { birthYear: undefined, dateOfBirth: '2008-11-24' }]) {
      const response = await handler(post(signupValues(age)), client);
      expect(response.status).toBe(400);
      expect(Object.values(((await response.json()) as { fields: object }).fields)).toEqual([
        englishFormMessages.newsletter.minor,
      ]);
    }
    expect(await counts(db())).toEqual(before);
  });

  it('answers bad input with its specific status and stores nothing', async () => {
    const before = await counts(db());
    const answers = [
      await handler(post('email=a@b.co', 'application/x-www-form-urlencoded'), client),
      await handler(post('{"email":'), client),
      await handler(post(signupValues({ marketingConsent: false })), client),
      await handler(post(signupValues({ email: '<script>alert(1)</script>' })), client),
      await handler(post(signupValues({ email: "x' OR 1=1 --@example.com", isAdmin: true })), client),
      await handler(post(signupValues({ email: `${'a'.repeat(20_000)}@example.com` })), client),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([415, 400, 400, 400, 400, 413]);
    expect(await answers[2]?.json()).toMatchObject({
      error: 'invalid_signup',
      fields: { marketingConsent: 'Tick the box to agree to receive our newsletter.' },
    });
    expect(await counts(db())).toEqual(before);
  });

  it('discards a filled honeypot, and keeps an instant sign-up and a form with no time (the footer)', async () => {
    const before = await counts(db());
    expect((await handler(post(signupValues({ website: 'spam' })), client)).status).toBe(201);
    expect(await counts(db())).toEqual(before);
    // The double opt-in is the check on a quick sign-up: nobody is subscribed until the address's owner confirms.
    expect((await handler(post(signupValues({ startedAt: noon.getTime() - 500 })), client)).status).toBe(201);
    await signUp();
    expect((await counts(db())).subscriptions).toBe(before.subscriptions + 2);
  });

  it('confirms once with the link, and only then tells the CRM, with both consent times', async () => {
    const { reference, confirmToken } = await signUp();
    expect(await confirmWithLink(db(), key, confirmToken, days(6))).toBe('confirmed');
    expect(await confirmWithLink(db(), key, confirmToken, days(6))).toBe('already-confirmed');
    const row = await subscription(db(), reference);
    expect(row).toMatchObject({ status: 'confirmed' });
    const crm = (await jobs(db(), reference)).filter((job) => job.kind === 'crm.newsletter');
    expect(crm).toHaveLength(1);
    expect(crm[0]?.payload).toEqual({
      reference,
      email: row?.email,
      consentAt: row?.consent_at.toISOString(),
      confirmedAt: row?.confirmed_at?.toISOString(),
    });
  });

  it('refuses an expired, tampered or unsubscribe link for confirming', async () => {
    const { reference, confirmToken, unsubscribeToken } = await signUp();
    expect(await confirmWithLink(db(), key, confirmToken, days(7))).toBe('expired');
    expect(await confirmWithLink(db(), key, `${confirmToken}x`, noon)).toBe('invalid');
    expect(await confirmWithLink(db(), key, unsubscribeToken, noon)).toBe('invalid');
    expect((await subscription(db(), reference))?.status).toBe('pending');
  });

  it('unsubscribes a pending sign-up: its confirmation email is cancelled and the CRM never hears', async () => {
    const { reference, confirmToken, unsubscribeUrl } = await signUp();
    const answer = await oneClickHandler(oneClick(unsubscribeUrl));
    expect([answer.status, await answer.json()]).toEqual([200, { unsubscribed: true }]);
    expect(await subscription(db(), reference)).toMatchObject({ status: 'unsubscribed' });
    expect((await jobs(db(), reference)).map((job) => [job.kind, job.status])).toEqual([
      ['email.newsletter-confirmation', 'cancelled'],
    ]);
    expect(await confirmWithLink(db(), key, confirmToken, noon)).toBe('unsubscribed');
  });

  it('tells the CRM of a withdrawal once its subscribe was delivered, and only once', async () => {
    const { reference, confirmToken, unsubscribeToken } = await signUp();
    await confirmWithLink(db(), key, confirmToken, noon);
    await db().updateTable('outbox_jobs').set({ status: 'done' }).where('lead_reference', '=', reference).execute();
    expect(await unsubscribeWithLink(db(), key, unsubscribeToken)).toBe('withdrawn');
    expect(await unsubscribeWithLink(db(), key, unsubscribeToken)).toBe('already-withdrawn');
    const withdrawals = (await jobs(db(), reference)).filter((job) => job.kind === 'crm.newsletter-withdrawal');
    expect(withdrawals).toHaveLength(1);
    expect(withdrawals[0]).toMatchObject({ status: 'pending', payload: { reference } });
  });

  it('cancels a subscribe the CRM has not had; one under way is followed by a withdrawal after its lease', async () => {
    const pending = await signUp();
    await confirmWithLink(db(), key, pending.confirmToken, noon);
    await unsubscribeWithLink(db(), key, pending.unsubscribeToken);
    expect((await jobs(db(), pending.reference)).map((job) => [job.kind, job.status])).toEqual([
      ['email.newsletter-confirmation', 'cancelled'],
      ['crm.newsletter', 'cancelled'],
    ]);

    const underWay = await signUp();
    await confirmWithLink(db(), key, underWay.confirmToken, noon);
    const lease = new Date(Date.now() + 90_000);
    await db()
      .updateTable('outbox_jobs')
      .set({ status: 'running', locked_until: lease })
      .where('lead_reference', '=', underWay.reference)
      .where('kind', '=', 'crm.newsletter')
      .execute();
    await unsubscribeWithLink(db(), key, underWay.unsubscribeToken);
    const withdrawal = (await jobs(db(), underWay.reference)).find((job) => job.kind === 'crm.newsletter-withdrawal');
    expect(withdrawal?.run_after.getTime()).toBe(lease.getTime());
  });

  it('answers one-click requests that are not one-click, or not signed, without changing anything', async () => {
    const { reference, unsubscribeUrl } = await signUp();
    const forged = unsubscribeUrl.replace(reference, 'KC-2222-3333');
    const answers = [
      await oneClickHandler(oneClick(unsubscribeUrl, 'List-Unsubscribe=Yes')),
      await oneClickHandler(oneClick(forged)),
      await oneClickHandler(
        new Request(unsubscribeUrl, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }),
      ),
      await oneClickHandler(new Request(unsubscribeUrl, { method: 'DELETE' })),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 415, 405]);
    expect((await subscription(db(), reference))?.status).toBe('pending');
    const opened = await oneClickHandler(new Request(unsubscribeUrl));
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(
      `/newsletter/unsubscribe/?token=${new URL(unsubscribeUrl).searchParams.get('token')}`,
    );
  });

  it('lets someone who unsubscribed sign up again, with a new reference', async () => {
    const email = `${randomUUID()}@example.com`;
    const first = await signUp({ email });
    await unsubscribeWithLink(db(), key, first.unsubscribeToken);
    const again = await signUp({ email });
    expect(again.reference).not.toBe(first.reference);
    expect(await subscription(db(), again.reference)).toMatchObject({ email, status: 'pending' });
  });
}

describe.each([pgliteBackend, postgresBackend])('the newsletter on $name', (backend) => {
  newsletterFlows(emptyStoreForSuite(backend));
});
