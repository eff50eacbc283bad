import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { signLink } from '#functions/links/signed-links.ts';
import { e2eLinkSigningKey } from '../support/e2e-settings.ts';
import { hydrateForm } from './form-islands.ts';

const currentYear = Number(todayInClinic(new Date()).slice(0, 4));
const uniqueEmail = () => `reader-${crypto.randomUUID()}@example.com`;

async function openNewsletterPage(page: Page) {
  await page.goto('/newsletter/');
  await hydrateForm(page);
}

/** The server marks a form sent within three seconds of loading for a check (kept, but flagged to staff). */
const afterHumanPause = (page: Page) => page.waitForTimeout(3100);
const signUp = (page: Page) => page.getByRole('button', { name: 'Sign up' }).click();
const main = (page: Page) => page.getByRole('main');

function referenceFrom(page: Page): string {
  return new URL(page.url()).searchParams.get('ref') ?? '';
}

/** The link a confirmation email would carry for this sign-up, valid for a week. */
function confirmLink(reference: string): string {
  const token = signLink(e2eLinkSigningKey, 'newsletter-confirm', reference, new Date(Date.now() + 7 * 86_400_000));
  return `/newsletter/confirm/?token=${token}`;
}

function unsubscribeLink(reference: string): string {
  return `/api/newsletter/unsubscribe?token=${signLink(e2eLinkSigningKey, 'newsletter-unsubscribe', reference)}`;
}

test('an adult signs up on the page, then confirms with the emailed link', async ({ page }) => {
  await openNewsletterPage(page);
  await main(page).getByLabel('Email', { exact: true }).fill(uniqueEmail());
  await main(page).getByLabel('Year of birth').fill('1988');
  await main(page)
    .getByLabel(/Email me the clinic's newsletter/)
    .check();
  await afterHumanPause(page);
  await signUp(page);
  await expect(page).toHaveURL(/\/newsletter\/thank-you\/\?ref=KC-/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('One more step: check your email');

  // Opening the link (as a mail scanner would) changes nothing; the button confirms.
  await page.goto(confirmLink(referenceFrom(page)));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your subscription');
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are subscribed');
});

test('a minor is refused kindly, and tracking is switched off in their browser', async ({ page }) => {
  await openNewsletterPage(page);
  await main(page).getByLabel('Email', { exact: true }).fill(uniqueEmail());
  await main(page)
    .getByLabel('Year of birth')
    .fill(String(currentYear - 14));
  await main(page)
    .getByLabel(/Email me the clinic's newsletter/)
    .check();
  await signUp(page);
  const year = main(page).getByLabel('Year of birth');
  await expect(year).toHaveAttribute('aria-invalid', 'true');
  await expect(year).toBeFocused();
  await expect(page.locator('#field-birthYear-error')).toContainText('A parent or guardian is welcome to subscribe');
  await expect(page).toHaveURL(/\/newsletter\/$/);
  expect(await page.evaluate(() => localStorage.getItem('clinic:minor-visitor'))).toBe('1');
});

test('someone who turns 18 this year is asked for the full date, and accepted if already 18', async ({ page }) => {
  await openNewsletterPage(page);
  await expect(main(page).getByLabel('Date of birth')).toHaveCount(0);
  await main(page).getByLabel('Email', { exact: true }).fill(uniqueEmail());
  await main(page)
    .getByLabel('Year of birth')
    .fill(String(currentYear - 18));
  await expect(main(page).getByLabel('Date of birth')).toBeVisible();
  await main(page)
    .getByLabel('Date of birth')
    .fill(`${currentYear - 18}-01-01`);
  await main(page)
    .getByLabel(/Email me the clinic's newsletter/)
    .check();
  await afterHumanPause(page);
  await signUp(page);
  await expect(page).toHaveURL(/\/newsletter\/thank-you\/\?ref=KC-/);
});

test('an empty sign-up asks for the year of birth under that field, and does not ask for a full date', async ({
  page,
}) => {
  await openNewsletterPage(page);
  await signUp(page);
  await expect(page.locator('#field-birthYear-error')).toContainText('Enter the year you were born');
  await expect(main(page).getByLabel('Date of birth')).toHaveCount(0);
  await expect(main(page)).not.toContainText('You turn 18 this year');
});

test('the page form is keyboard-friendly and axe-clean with its errors showing', async ({ page }) => {
  await openNewsletterPage(page);
  await main(page).getByLabel('Email', { exact: true }).focus();
  await page.keyboard.type('not-an-email');
  await page.keyboard.press('Tab');
  await expect(main(page).getByLabel('Year of birth')).toBeFocused();
  // Then the notice's links (the Grievance Officer, the Data Protection Board) and its "Read the full notice", then
  // the consent box it informs.
  const stops: string[] = [];
  for (let presses = 0; presses < 4; presses += 1) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(
        () => document.activeElement?.getAttribute('name') ?? document.activeElement?.textContent?.trim() ?? '',
      ),
    );
  }
  expect(stops).toEqual(['privacy@example.com', 'www.dpb.gov.in', 'Read the full notice', 'marketingConsent']);
  await page.keyboard.press('Space');
  await expect(main(page).getByLabel(/Email me the clinic's newsletter/)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /problems? with your request/ })).toBeVisible();
  await expect(main(page).getByLabel('Email', { exact: true })).toBeFocused();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test("the footer's form signs up from any page", async ({ page }) => {
  await page.goto('/treatments/');
  await page.getByRole('button', { name: 'Reject all' }).first().click();
  const footer = page.getByRole('contentinfo');
  await footer.getByLabel('Email', { exact: true }).fill(uniqueEmail());
  await footer.getByLabel('Year of birth').fill('1979');
  await footer.getByLabel(/Email me the newsletter/).check();
  await footer.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL(/\/newsletter\/thank-you\/\?ref=KC-/);
});

test('one-click unsubscribe works from a mail app, with no browser and no Origin', async ({ page, request }) => {
  const answer = await request.post('/api/newsletter', {
    data: { submissionId: crypto.randomUUID(), email: uniqueEmail(), birthYear: 1970, marketingConsent: true },
  });
  expect(answer.status()).toBe(201);
  const { reference } = (await answer.json()) as { reference: string };

  const oneClick = await request.post(unsubscribeLink(reference), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect([oneClick.status(), await oneClick.json()]).toEqual([200, { unsubscribed: true }]);
  const forged = await request.post(unsubscribeLink(reference).replace(reference, 'KC-2345-6789'), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(forged.status()).toBe(400);

  await page.goto(confirmLink(reference));
  await page.getByRole('button', { name: 'Confirm my subscription' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This address has unsubscribed');
});

test('the unsubscribe page asks before unsubscribing', async ({ page, request }) => {
  const answer = await request.post('/api/newsletter', {
    data: { submissionId: crypto.randomUUID(), email: uniqueEmail(), birthYear: 1975, marketingConsent: true },
  });
  const { reference } = (await answer.json()) as { reference: string };
  await page.goto(unsubscribeLink(reference));
  await expect(page).toHaveURL(/\/newsletter\/unsubscribe\/\?token=/);
  await page.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are unsubscribed');
  await page.goto('/newsletter/unsubscribe/?token=KC-2345-6789.never.forged');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("a minor's footer sign-up comes back on the newsletter page with the reason, then an adult's works", async ({
    page,
  }) => {
    await page.goto('/');
    const footer = page.getByRole('contentinfo');
    const email = uniqueEmail();
    await footer.getByLabel('Email', { exact: true }).fill(email);
    await footer.getByLabel('Year of birth').fill(String(currentYear - 12));
    await footer.getByLabel(/Email me the newsletter/).check();
    await footer.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL(/\/newsletter\/$/);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(main(page).getByLabel('Email', { exact: true })).toHaveValue(email);
    await expect(page.locator('#field-birthYear-error')).toContainText('under 18');

    await main(page).getByLabel('Year of birth').fill('1990');
    await main(page)
      .getByLabel(/Email me the clinic's newsletter/)
      .check();
    await afterHumanPause(page);
    await signUp(page);
    await expect(page).toHaveURL(/\/newsletter\/thank-you\/\?ref=KC-/);
  });

  test('an empty sign-up shows the year problem under Year of birth', async ({ page }) => {
    await page.goto('/newsletter/');
    await signUp(page);
    await expect(page.locator('#field-birthYear-error')).toContainText('Enter the year you were born');
    await expect(page.locator('#field-dateOfBirth-error')).toHaveCount(0);
  });
});
