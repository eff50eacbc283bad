/**
 * The Hindi site as a patient whose phone reads Hindi uses it: the booking page and its form in Hindi, with and
 * without JavaScript, for an adult and for a teenager; the language switch and hreflang both ways; axe; the byte
 * budgets. The banner in Hindi is tested with the other consent tests (consent/consent.spec.ts).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo } from '#functions/clinic/dates.ts';
import { hindiFormMessages } from '#functions/forms/messages-hi.ts';
import { measurePageWeight } from '../support/page-weight.ts';
import { hydrateForm } from './form-islands.ts';

const KB = 1024;
const { booking } = hindiFormMessages;
const labels = booking.labels;

/** A day the Indiranagar clinic is open in the morning: any day but Sunday has morning hours there. */
const preferredDate = addDaysTo(todayInClinic(new Date()), 2);

async function fillAdult(page: Page, dateOfBirth = '1990-05-10') {
  await page.getByLabel(labels.branch, { exact: true }).selectOption('bengaluru-indiranagar');
  await page.getByLabel(labels.preferredDate).fill(preferredDate);
  await page.getByLabel(/^सुबह/).check();
  await page.getByLabel(labels.fullName, { exact: true }).fill('आशा राव');
  await page.getByLabel(labels.mobile, { exact: true }).fill('98765 43210');
  await page.getByLabel(labels.dateOfBirth).fill(dateOfBirth);
  await page.getByLabel(new RegExp(labels.privacyNotice.link)).check();
}

/** The server marks a form sent within three seconds of loading for a check (kept, but flagged to staff). */
const afterHumanPause = (page: Page) => page.waitForTimeout(3100);
const send = (page: Page) => page.getByRole('button', { name: labels.submit }).click();
const fieldError = (page: Page, path: string) => page.locator(`#field-${path.replace(/\./g, '-')}-error`);

test.describe('booking on /hi/book/ at phone size', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('an adult books in Hindi: errors in Hindi beside their fields, then a Hindi thank-you page', async ({
    page,
  }) => {
    await page.goto('/hi/book/?treatment=root-canal-treatment');
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi-IN');
    await hydrateForm(page);
    await expect(page.getByLabel(labels.treatment)).toHaveValue('root-canal-treatment');
    await send(page);
    await expect(page.getByRole('alert').filter({ hasText: 'आपके अनुरोध में' })).toBeVisible();
    await expect(page.getByLabel(labels.fullName, { exact: true })).toHaveAccessibleDescription(
      new RegExp(booking.fullNameMissing),
    );
    await expect(page.getByLabel(labels.branch, { exact: true })).toHaveAccessibleDescription(
      new RegExp(booking.branchMissing),
    );
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await fillAdult(page);
    await afterHumanPause(page);
    await send(page);
    await expect(page).toHaveURL(/\/hi\/book\/thank-you\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('धन्यवाद, आपका अनुरोध हमें मिल गया है');
    const summary = page.locator('#request-summary');
    await expect(summary).toContainText('रूट कैनाल');
    await expect(summary).toContainText('इंदिरानगर, बेंगलुरु');
    await expect(summary).toContainText('सुबह (दोपहर 12 बजे से पहले)');
  });

  test("a teenager's request asks for the guardian in Hindi, and is taken once they are given", async ({ page }) => {
    await page.goto('/hi/book/?treatment=braces-for-teens');
    await hydrateForm(page);
    await fillAdult(page, addDaysTo(todayInClinic(new Date()), -15 * 365));
    await expect(page.getByRole('group', { name: labels.guardian })).toBeVisible();
    await send(page);
    await expect(fieldError(page, 'guardian.name')).toHaveText(new RegExp(booking.guardianNameMissing));
    await expect(fieldError(page, 'guardian.consent')).toHaveText(new RegExp(booking.guardianConsentMissing));
    await page.getByLabel(labels.guardianName).fill('आशा राव');
    await page.getByLabel(labels.relationship).selectOption('parent');
    await page.getByLabel(labels.guardianConsent).check();
    await afterHumanPause(page);
    await send(page);
    await expect(page).toHaveURL(/\/hi\/book\/thank-you\/$/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Hindi form answers in Hindi beside its fields, then takes an adult and a teenager', async ({ page }) => {
    for (const teen of [false, true]) {
      await page.goto('/hi/book/?treatment=braces-for-teens');
      await send(page);
      await expect(page).toHaveTitle(/^गलती: /);
      await expect(fieldError(page, 'fullName')).toHaveText(new RegExp(booking.fullNameMissing));
      await expect(fieldError(page, 'timeWindow')).toHaveText(new RegExp(booking.timeWindowMissing));
      await fillAdult(page, teen ? addDaysTo(todayInClinic(new Date()), -15 * 365) : '1990-05-10');
      if (teen) {
        await page.getByLabel(labels.guardianName).fill('आशा राव');
        await page.getByLabel(labels.relationship).selectOption('parent');
        await page.getByLabel(labels.guardianConsent).check();
      }
      await afterHumanPause(page);
      await send(page);
      await expect(page).toHaveURL(/\/hi\/book\/thank-you\/\?request=[\w-]+$/);
      await expect(page.locator('#request-summary')).toContainText('इंदिरानगर, बेंगलुरु');
    }
  });
});

test('the language switch keeps the page, and hreflang names each twin, both ways', async ({ page }) => {
  await page.goto('/hi/book/');
  await expect(page.locator('link[rel="alternate"][hreflang="en-IN"]')).toHaveAttribute('href', /[^i]\/book\/$/);
  await expect(page.locator('link[rel="alternate"][hreflang="hi-IN"]')).toHaveAttribute('href', /\/hi\/book\/$/);
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/book\/$/);
  expect(new URL(page.url()).pathname).toBe('/book/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-IN');
  await expect(page.locator('link[rel="alternate"][hreflang="hi-IN"]')).toHaveAttribute('href', /\/hi\/book\/$/);
  await page.getByRole('link', { name: 'हिंदी' }).click();
  expect(new URL(page.url()).pathname).toBe('/hi/book/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('अपॉइंटमेंट का अनुरोध करें');
});

test('Hindi pages keep the byte budgets: content pages 15 KB of JavaScript, the booking page none until used', async ({
  page,
}) => {
  for (const path of ['/hi/', '/hi/treatments/root-canal-treatment/']) {
    const weight = await measurePageWeight(page, path);
    expect(weight.js, path).toBeLessThanOrEqual(15 * KB);
    expect(weight.total, path).toBeLessThanOrEqual(300 * KB);
  }
  expect((await measurePageWeight(page, '/hi/book/')).js).toBe(0);
  const used = await measurePageWeight(await page.context().newPage(), '/hi/book/', hydrateForm);
  // The English form's budget: the island carries only its own language's catalogue, and none of the clinic's contacts.
  expect(used.js).toBeLessThanOrEqual(110 * KB);
  expect(used.total).toBeLessThanOrEqual(300 * KB);
});

test.describe('the policies in Hindi at phone size', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

  test('a Hindi page leads to the Hindi privacy and cookie policies: Hindi, hreflang both ways, axe clean, phone width', async ({
    page,
  }) => {
    await page.goto('/hi/book/');
    // The booking form's notice links to its section of the Hindi policy.
    await expect(
      page.locator('a[href="/hi/privacy-policy/#website-forms-and-appointment-requests"]').first(),
    ).toBeAttached();
    await page.goto('/hi/');
    const footer = page.getByRole('contentinfo');
    await footer.getByRole('link', { name: 'गोपनीयता नीति', exact: true }).click();
    await expect(page).toHaveURL(/\/hi\/privacy-policy\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi-IN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('गोपनीयता नीति');
    await expect(page.locator('link[rel="alternate"][hreflang="en-IN"]')).toHaveAttribute(
      'href',
      /[^i]\/privacy-policy\/$/,
    );
    await expect(page.locator('link[rel="alternate"][hreflang="hi-IN"]')).toHaveAttribute(
      'href',
      /\/hi\/privacy-policy\/$/,
    );
    await expect(page.locator('main')).toContainText('मीरा अय्यर (डेमो)');
    await expect(page.locator('main')).toContainText('भारतीय डेटा संरक्षण बोर्ड');
    // A contents link finds its section, whose id is the English one.
    await page
      .getByRole('navigation', { name: 'इस पेज पर' })
      .getByRole('link', { name: 'शिकायत और उसका समाधान' })
      .click();
    await expect(page).toHaveURL(/#grievances-and-complaints$/);
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole('contentinfo').getByRole('link', { name: 'कुकी नीति', exact: true }).click();
    await expect(page).toHaveURL(/\/hi\/cookie-policy\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi-IN');
    const table = page.getByRole('table', { name: 'इस साइट पर लग सकने वाली कुकीज़, सेवा के अनुसार' });
    await expect(table.getByRole('row').filter({ hasText: 'cc_cookie' })).toContainText('अत्यंत आवश्यक');
    await expect(table.getByRole('row').filter({ hasText: '_ga' }).first()).toContainText('Google Analytics 4');
    await expect(page.locator('link[rel="alternate"][hreflang="en-IN"]')).toHaveAttribute(
      'href',
      /[^i]\/cookie-policy\/$/,
    );
    expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // And back to English on the same page.
    await page.getByRole('link', { name: 'English' }).click();
    expect(new URL(page.url()).pathname).toBe('/cookie-policy/');
    await expect(page.locator('link[rel="alternate"][hreflang="hi-IN"]')).toHaveAttribute(
      'href',
      /\/hi\/cookie-policy\/$/,
    );
  });

  test('the sitemap lists each policy with its twin in the other language', async ({ page }) => {
    const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
    for (const id of ['privacy-policy', 'cookie-policy', 'terms']) {
      expect(sitemap).toContain(`/hi/${id}/</loc>`);
      expect(sitemap).toMatch(new RegExp(`hreflang="hi-IN" href="[^"]*/hi/${id}/"`));
    }
  });
});
