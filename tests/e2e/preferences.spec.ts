/**
 * The preferences page as a patient uses it, on a server of its own that delivers to a fake HubSpot and a fake
 * Resend: an adult books, the booking confirmation arrives with its preferences link, the page shows both choices
 * on, each is turned off (the CRM's contact loses them) and clinic news back on (a new consent time in HubSpot), with
 * and without JavaScript, at phone size, in Hindi once. A changed token gives the 400 page and changes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo } from '#functions/clinic/dates.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { englishUi } from '#src/lib/ui-en.ts';
import { hindiUi } from '#src/lib/ui-hi.ts';
import type { FakeHubSpot } from '../support/fake-hubspot.ts';
import type { FakeResend, SentEmail } from '../support/fake-resend.ts';
import {
  type SiteWithFakeProviders,
  startSiteWithFakeProviders,
  uniqueMobile,
} from '../support/site-with-fake-providers.ts';

// The worker looks for jobs every 5 seconds.
const delivered = { timeout: 45_000, intervals: [500] };
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const text = englishUi.preferences;

let hubspot: FakeHubSpot;
let resend: FakeResend;
let dataDir: string;
let running: SiteWithFakeProviders;
let site: SiteWithFakeProviders['site'];

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'clinic-preferences-'));
  running = await startSiteWithFakeProviders({ DATA_DIR: dataDir });
  ({ site, hubspot, resend } = running);
});

test.afterAll(async () => {
  await running?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Books as an adult who ticks both choices, on the booking page of `locale` (the form works with or without JS). */
async function bookAsAdult(
  page: Page,
  { email, mobile, hindi = false }: { email: string; mobile: string; hindi?: boolean },
) {
  const labels = (hindi ? hindiFormMessages : englishFormMessages).booking.labels;
  await page.goto(`${site.origin}${hindi ? '/hi' : ''}/book/?treatment=teeth-whitening`);
  await page.getByLabel(labels.branch, { exact: true }).selectOption('bengaluru-indiranagar');
  await page.getByLabel(labels.preferredDate).fill(addDaysTo(todayInClinic(new Date()), 2));
  await page.locator('input[name="timeWindow"][value="morning"]').check();
  await page.getByLabel(labels.fullName, { exact: true }).fill('Asha Rao');
  await page
    .getByLabel(new RegExp(`^${labels.mobile}`))
    .first()
    .fill(mobile);
  await page
    .getByLabel(new RegExp(`^${labels.email}`))
    .first()
    .fill(email);
  await page.getByLabel(labels.dateOfBirth).fill('1990-05-10');
  await page.getByLabel(new RegExp(labels.privacyNotice.link)).check();
  await page.getByLabel(labels.whatsappUpdates).check();
  await page.getByLabel(labels.emailNews).check();
  await page.waitForTimeout(3100);
  await page.getByRole('button', { name: labels.submit }).click();
  await expect(page).toHaveURL(/\/book\/thank-you\//);
}

/** The booking confirmation that reached `to`, and the preferences link it carries. */
async function preferencesLinkFor(to: string): Promise<{ email: SentEmail; link: string }> {
  await expect.poll(() => resend.emails.some((sent) => sent.to === to), delivered).toBe(true);
  const email = resend.emails.find((sent) => sent.to === to) as SentEmail;
  const link = (/href="([^"]*\/preferences\/\?token=[^"]*)"/.exec(email.html ?? '')?.[1] ?? '').replaceAll(
    '&amp;',
    '&',
  );
  expect(link).not.toBe('');
  return { email, link };
}

const contactOf = (email: string) =>
  hubspot.contacts().find(({ properties }) => properties.email === email)?.properties;

const choice = (page: Page, name: string) => page.getByRole('region', { name });

async function expectState(page: Page, name: string, state: 'On' | 'Off' | string) {
  await expect(choice(page, name).locator('strong')).toHaveText(state);
}

test('an adult turns each choice off from the booking email, the CRM hears it, and clinic news goes back on', async ({
  page,
}) => {
  const email = `asha-${crypto.randomUUID()}@example.com`;
  await bookAsAdult(page, { email, mobile: uniqueMobile() });
  const { email: confirmation, link } = await preferencesLinkFor(email);
  expect(confirmation.text).toContain('/preferences/?token=');
  // The booking has reached HubSpot with both consents before anything is changed.
  await expect
    .poll(() => contactOf(email), delivered)
    .toMatchObject({ clinic_email_news_consent: 'true', clinic_whatsapp_updates_consent: 'true' });
  const givenAt = contactOf(email)?.clinic_email_news_consent_at ?? '';

  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.headings.ready);
  await expectState(page, text.emailNews.name, 'On');
  await expectState(page, text.whatsappUpdates.name, 'On');
  expect((await new AxeBuilder({ page }).withTags(axeTags).analyze()).violations.map((v) => v.id)).toEqual([]);

  await page.getByRole('button', { name: text.emailNews.turnOff }).click();
  await expect(page.getByRole('status')).toHaveText(`${text.done.emailNews.off} ${text.done.crm}`);
  await expectState(page, text.emailNews.name, 'Off');
  await expectState(page, text.whatsappUpdates.name, 'On');

  await page.getByRole('button', { name: text.whatsappUpdates.turnOff }).click();
  await expect(page.getByRole('status')).toHaveText(`${text.done.whatsappUpdates.off} ${text.done.crm}`);
  await expectState(page, text.whatsappUpdates.name, 'Off');
  await expect
    .poll(() => contactOf(email), delivered)
    .toMatchObject({ clinic_email_news_consent: 'false', clinic_whatsapp_updates_consent: 'false' });

  await page.getByRole('button', { name: text.emailNews.turnOn }).click();
  await expect(page.getByRole('status')).toHaveText(`${text.done.emailNews.on} ${text.done.crm}`);
  await expectState(page, text.emailNews.name, 'On');
  await expect.poll(() => contactOf(email)?.clinic_email_news_consent, delivered).toBe('true');
  // A new consent: its own time, later than the booking's.
  const renewedAt = contactOf(email)?.clinic_email_news_consent_at ?? '';
  expect(Date.parse(renewedAt)).toBeGreaterThan(Date.parse(givenAt));
  expect(contactOf(email)?.clinic_email_news_agreed_at).toBe(renewedAt);
  expect(contactOf(email)?.clinic_whatsapp_updates_consent).toBe('false');

  // A changed token: the page says the link does not work, and nothing changes.
  const before = contactOf(email);
  const tampered = link.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
  const response = await page.goto(tampered);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.headings.invalid);
  const posted = await page.request.post(tampered, {
    form: { token: new URL(tampered).searchParams.get('token') ?? '', choice: 'emailNews', on: 'false' },
    headers: { Origin: site.origin },
  });
  expect(posted.status()).toBe(400);
  await page.goto(link);
  await expectState(page, text.emailNews.name, 'On');
  await page.waitForTimeout(1000);
  expect(contactOf(email)).toEqual(before);
});

async function withoutJavaScript(browser: Browser, run: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test('without JavaScript, on a phone: plain forms, the confirmation focused, keyboard only', async ({ browser }) => {
  await withoutJavaScript(browser, async (page) => {
    const email = `ravi-${crypto.randomUUID()}@example.com`;
    await bookAsAdult(page, { email, mobile: uniqueMobile() });
    const { link } = await preferencesLinkFor(email);
    await page.goto(link);
    await expectState(page, text.whatsappUpdates.name, 'On');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Keyboard only: Tab to the WhatsApp button and press Enter.
    const button = page.getByRole('button', { name: text.whatsappUpdates.turnOff });
    for (
      let presses = 0;
      presses < 40 && !(await button.evaluate((element) => element === document.activeElement));
      presses++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    const done = page.getByRole('status');
    await expect(done).toHaveText(`${text.done.whatsappUpdates.off} ${text.done.crm}`);
    await expect(done).toBeFocused();
    await expectState(page, text.whatsappUpdates.name, 'Off');
    await expect.poll(() => contactOf(email)?.clinic_whatsapp_updates_consent, delivered).toBe('false');
    expect(contactOf(email)?.clinic_email_news_consent).toBe('true');

    await page.getByRole('button', { name: text.whatsappUpdates.turnOn }).click();
    await expectState(page, text.whatsappUpdates.name, 'On');
    await expect.poll(() => contactOf(email)?.clinic_whatsapp_updates_consent, delivered).toBe('true');
  });
});

test('in Hindi, on a phone: the Hindi booking email links the Hindi page, which answers in Hindi', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const hindi = hindiUi.preferences;
  const email = `asha-hi-${crypto.randomUUID()}@example.com`;
  await bookAsAdult(page, { email, mobile: uniqueMobile(), hindi: true });
  const { link } = await preferencesLinkFor(email);
  expect(new URL(link).pathname).toBe('/hi/preferences/');
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi-IN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(hindi.headings.ready);
  await expectState(page, hindi.emailNews.name, hindi.on);
  await page.getByRole('button', { name: hindi.emailNews.turnOff }).click();
  await expect(page.getByRole('status')).toHaveText(`${hindi.done.emailNews.off} ${hindi.done.crm}`);
  await expectState(page, hindi.emailNews.name, hindi.off);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect((await new AxeBuilder({ page }).withTags(axeTags).analyze()).violations.map((v) => v.id)).toEqual([]);

  // The language switch keeps the signed link: the same choices, now in English.
  await page.locator('a[data-language-switch][hreflang="en"]').click();
  await expect(page).toHaveURL(/\/preferences\/\?token=/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-IN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.headings.ready);
  await expectState(page, text.emailNews.name, text.off);
});
