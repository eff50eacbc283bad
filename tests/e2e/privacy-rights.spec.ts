import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { hydrateForm } from './form-islands.ts';

async function openRightsPage(page: Page, path = '/privacy-rights/') {
  await page.goto(path);
  await hydrateForm(page);
}

/** The server marks a form sent within three seconds of loading for a check (kept, but flagged to staff). */
const afterHumanPause = (page: Page) => page.waitForTimeout(3100);
const send = (page: Page) => page.getByRole('button', { name: 'Send my request' }).click();
const main = (page: Page) => page.getByRole('main');

test('a patient asks to stop marketing and gets a reference and the timelines', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Your privacy rights' }).click();
  await hydrateForm(page);
  await main(page).getByLabel('Stop marketing to me and withdraw my consent').check();
  await main(page).getByLabel('Your full name').fill('Asha Rao');
  await main(page).getByLabel('Email', { exact: true }).fill(`asha-${crypto.randomUUID()}@example.com`);
  await afterHumanPause(page);
  await send(page);
  await expect(page).toHaveURL(/\/privacy-rights\/thank-you\/\?ref=KC-/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We have your request');
  await expect(main(page)).toContainText('within 48 hours');
  await expect(main(page)).toContainText('within 30 days');
});

test('a parent acting for a child is asked for the child’s name; errors are listed, labelled and axe-clean', async ({
  page,
}) => {
  await openRightsPage(page);
  await expect(main(page).getByLabel('Their full name')).toHaveCount(0);
  await main(page)
    .getByLabel(/My child, or someone I am the legal guardian of/)
    .check();
  await expect(main(page).getByLabel('Their full name')).toBeVisible();
  await send(page);
  const summary = page.getByRole('alert').filter({ hasText: /problems? with your request/ });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Enter an email address or a mobile number');
  await expect(main(page).getByLabel('See the information you hold about me')).toBeFocused();
  await expect(main(page).getByLabel('Their full name')).toHaveAttribute('aria-invalid', 'true');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form works: errors come back on the page, then the request is accepted', async ({ page }) => {
    await page.goto('/privacy-rights/?type=access');
    await send(page);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(main(page).getByLabel('See the information you hold about me')).toBeChecked();
    await main(page).getByLabel('Your full name').fill('Rahul Menon');
    await main(page).getByLabel('Mobile number').fill('98200 12345');
    await afterHumanPause(page);
    await send(page);
    await expect(page).toHaveURL(/\/privacy-rights\/thank-you\/\?ref=KC-/);
  });
});
