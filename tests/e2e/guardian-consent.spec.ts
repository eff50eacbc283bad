/**
 * A parent books for their teenager in the browser, with and without JavaScript, on a server of its own that
 * delivers to a fake HubSpot and a fake Resend (its in-process worker, on a throwaway PostgreSQL, so that the
 * staff command can run beside it): the guardian's email arrives, its link opens a page with a button, pressing
 * it verifies the consent, and the deal turns verified. The front desk's command does the same; an expired or
 * tampered link gives a clear page and changes nothing.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import type { Kysely } from 'kysely';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo, addYearsTo } from '#functions/clinic/dates.ts';
import { guardianConsentCheck } from '#functions/clinic/policy-wording.ts';
import { signLink } from '#functions/links/signed-links.ts';
import { openStore, type Store } from '#functions/store/open.ts';
import type { Database } from '#functions/store/schema.ts';
import type { FakeHubSpot } from '../support/fake-hubspot.ts';
import type { FakeResend, SentEmail } from '../support/fake-resend.ts';
import { createEmptyDatabase } from '../support/postgres-database.ts';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/postgres-server.ts';
import { testFrontDeskEmail } from '../support/provider-settings.ts';
import {
  type SiteWithFakeProviders,
  startSiteWithFakeProviders,
  uniqueMobile,
} from '../support/site-with-fake-providers.ts';
import { hydrateForm } from './form-islands.ts';

const signingKey = 'guardian-consent-browser-tests-key-not-a-secret';
const frontDesk = testFrontDeskEmail;
// The worker looks for jobs every 5 seconds.
const delivered = { timeout: 45_000, intervals: [500] };

let hubspot: FakeHubSpot;
let resend: FakeResend;
let postgres: ThrowawayPostgres;
let databaseUrl: string;
let store: Store;
let running: SiteWithFakeProviders;
let site: SiteWithFakeProviders['site'];

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  postgres = await startThrowawayPostgres({ durable: false });
  databaseUrl = await createEmptyDatabase(postgres.adminUrl);
  running = await startSiteWithFakeProviders({ DATABASE_URL: databaseUrl, LINK_SIGNING_KEY: signingKey });
  ({ site, hubspot, resend } = running);
  store = await openStore({ databaseUrl, dataDir: '/nonexistent' });
});

test.afterAll(async () => {
  await running?.stop();
  await store?.close();
  postgres?.stop();
});

const db = (): Kysely<Database> => store.db;
const clinicDate = ({ days = 0, years = 0 } = {}) => addYearsTo(addDaysTo(todayInClinic(new Date()), days), years);
const uniqueEmail = () => `asha-${crypto.randomUUID()}@example.com`;

/** Fills the form as a parent booking for their 15-year-old, with the parent's own mobile and email. */
async function bookForTeenager(page: Page, { email, mobile }: { email: string; mobile: string }) {
  await page.getByLabel('Clinic', { exact: true }).selectOption('bengaluru-indiranagar');
  await page.getByLabel('Preferred date').fill(clinicDate({ days: 2 }));
  await page.getByLabel(/^Morning/).check();
  await page.getByLabel('Full name', { exact: true }).fill('Kiran Rao');
  await page
    .getByLabel(/mobile number$/i)
    .first()
    .fill(mobile);
  await page.getByLabel(/^(Email|Parent or guardian's email) \(optional\)$/).fill(email);
  await page.getByLabel('Date of birth').fill(clinicDate({ years: -15 }));
  const guardian = page.getByRole('group', { name: /Parent or guardian/ });
  await guardian.getByLabel("Parent or guardian's full name").fill('Asha Rao');
  await guardian.getByLabel('Relationship to the patient').selectOption('parent');
  await guardian.getByLabel(/I am the patient's parent or legal guardian/).check();
  await page.getByLabel(/I have read the privacy notice/).check();
  await page.waitForTimeout(3100);
  await page.getByRole('button', { name: 'Send booking request' }).click();
  await expect(page).toHaveURL(/\/book\/thank-you\//);
  // The address carries nothing of the request: the reference is read from the page, as the parent reads it.
  const reference = page.getByRole('main').getByText(/^KC-\w{4}-\w{4}$/);
  return (await reference.textContent()) ?? '';
}

const emailsFor = (reference: string) => resend.emails.filter((email) => email.subject.includes(reference));

async function guardianEmail(reference: string, to: string): Promise<SentEmail> {
  await expect
    .poll(
      () =>
        emailsFor(reference)
          .map((email) => email.to)
          .sort(),
      delivered,
    )
    .toEqual([frontDesk, to].sort());
  const email = emailsFor(reference).find((sent) => sent.to === to);
  if (!email) throw new Error('No guardian email');
  return email;
}

function linkIn(email: SentEmail): string {
  const href = /href="([^"]*\/book\/guardian-consent\/[^"]*)"/.exec(email.html ?? '')?.[1] ?? '';
  return href.replaceAll('&amp;', '&');
}

const dealOf = (reference: string) =>
  hubspot.deals().find(({ properties }) => properties.clinic_booking_reference === reference)?.properties;

async function consentOf(reference: string) {
  return db()
    .selectFrom('guardian_consents')
    .innerJoin('booking_requests', 'booking_requests.id', 'guardian_consents.booking_request_id')
    .select(['status', 'method', 'verified_by'])
    .where('reference', '=', reference)
    .executeTakeFirst();
}

/** Opens the emailed link, checks what it shows, and presses the button. */
async function confirmWithLink(page: Page, link: string) {
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your consent');
  await expect(page.getByText("I am Kiran Rao's parent or legal guardian and I agree to this request.")).toBeVisible();
  await page.getByRole('button', { name: 'Confirm my consent' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you: your consent is recorded');
}

test('a parent books for a teenager with JavaScript, confirms through the emailed link, and the deal turns verified', async ({
  page,
}) => {
  const email = uniqueEmail();
  await page.goto(`${site.origin}/book/?treatment=braces-for-teens`);
  await hydrateForm(page);
  await expect(page.getByRole('complementary', { name: 'How we use what you send' })).toContainText(
    guardianConsentCheck,
  );
  const reference = await bookForTeenager(page, { email, mobile: uniqueMobile() });

  const toGuardian = await guardianEmail(reference, email);
  expect(toGuardian.text).toContain('Kiran Rao');
  await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('pending');
  const contact = hubspot.contacts().find(({ properties }) => properties.email === email);
  expect(contact?.properties).toMatchObject({ firstname: 'Asha', lastname: 'Rao' });
  expect(JSON.stringify(contact?.properties)).not.toContain('Kiran');

  await page.goto(linkIn(toGuardian));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
  // Opening the link, as a mail scanner does, changed nothing.
  expect(await consentOf(reference)).toMatchObject({ status: 'pending' });
  await confirmWithLink(page, linkIn(toGuardian));

  expect(await consentOf(reference)).toEqual({ status: 'verified', method: 'email-link', verified_by: null });
  await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('verified');
  expect(dealOf(reference)).toMatchObject({
    clinic_patient_name: 'Kiran Rao',
    clinic_guardian_consent_method: 'email-link',
  });
  // Pressed again (a second tab, say): the consent stands as it was.
  await page.goto(linkIn(toGuardian));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your consent is already recorded');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a parent books for a teenager and confirms through the emailed link, all as plain forms', async ({ page }) => {
    const email = uniqueEmail();
    await page.goto(`${site.origin}/book/?treatment=braces-for-teens`);
    await expect(
      page.getByRole('group', { name: 'Parent or guardian (only if the patient is under 18)' }),
    ).toBeVisible();
    const reference = await bookForTeenager(page, { email, mobile: uniqueMobile() });

    const link = linkIn(await guardianEmail(reference, email));
    // Verified before the deal exists, the deal's update would wait for a retry: let the deal come first.
    await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('pending');
    await confirmWithLink(page, link);
    await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('verified');
  });
});

test("the front desk records a parent's consent given on its call, and the deal turns verified", async ({ page }) => {
  await page.goto(`${site.origin}/book/?treatment=braces-for-teens`);
  await hydrateForm(page);
  const reference = await bookForTeenager(page, { email: '', mobile: uniqueMobile() });
  await expect.poll(() => emailsFor(reference).map((email) => email.to), delivered).toEqual([frontDesk]);
  await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('pending');

  const { DATA_DIR: _embedded, ...env } = process.env;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['functions/commands/leads.ts', 'verify-guardian', reference, '--method', 'phone', '--by', 'Meera'],
    { env: { ...env, DATABASE_URL: databaseUrl } },
  );
  expect(stdout).toContain(`${reference}: guardian consent verified`);

  expect(await consentOf(reference)).toEqual({ status: 'verified', method: 'phone', verified_by: 'Meera' });
  await expect.poll(() => dealOf(reference)?.clinic_guardian_consent, delivered).toBe('verified');
  expect(dealOf(reference)?.clinic_guardian_consent_method).toBe('phone');
});

test('an expired or tampered link gives a clear page and changes nothing', async ({ page }) => {
  const email = uniqueEmail();
  await page.goto(`${site.origin}/book/?treatment=braces-for-teens`);
  await hydrateForm(page);
  const reference = await bookForTeenager(page, { email, mobile: uniqueMobile() });
  const link = new URL(linkIn(await guardianEmail(reference, email)));
  const token = link.searchParams.get('token') ?? '';

  const tampered = new URL(link);
  tampered.searchParams.set('token', `${token.slice(0, -2)}xx`);
  const opened = await page.goto(tampered.href);
  expect(opened?.status()).toBe(400);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
  await expect(page.getByRole('button', { name: 'Confirm my consent' })).toHaveCount(0);
  // A genuine page whose form was tampered with before its button was pressed changes nothing either.
  await page.goto(link.href);
  await page.locator('input[name="token"]').evaluate(
    (input, value) => {
      (input as HTMLInputElement).value = value;
    },
    `${token.slice(0, -2)}xx`,
  );
  await page.getByRole('button', { name: 'Confirm my consent' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');

  const expired = new URL(link);
  expired.searchParams.set('token', signLink(signingKey, 'guardian-consent', reference, new Date(Date.now() - 60_000)));
  expect((await page.goto(expired.href))?.status()).toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired');
  await expect(page.getByRole('main')).toContainText('is deleted');

  expect(await consentOf(reference)).toEqual({ status: 'pending', method: null, verified_by: null });
  expect(dealOf(reference)?.clinic_guardian_consent).toBe('pending');
});
