import { createHash } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { sentIn, servicesIn } from './tracker-stubs.ts';
import { banner, cookieSettings, preferences, consentTest as test } from './visit.ts';

const trackerHost = /googletagmanager|google-analytics|clarity\.ms|facebook/;

async function acceptAll(page: Page, path: string) {
  await page.goto(path);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
}

test('nothing typed into the footer form of a tracked page reaches a tracker, not even hashed', async ({
  page,
  trackerRequests,
}) => {
  await acceptAll(page, '/treatments/teeth-whitening/');
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4', 'meta']);
  const footer = page.getByRole('contentinfo');
  // Stay on the page after "Sign up", so that every tracker has its chance to report the form.
  await footer.locator('form').evaluate((form) => form.addEventListener('submit', (event) => event.preventDefault()));
  const email = 'asha.rao@example.com';
  const year = '1979';
  await footer.getByLabel('Email', { exact: true }).pressSequentially(email);
  await footer.getByLabel('Year of birth').pressSequentially(year);
  await footer.getByRole('checkbox').check();
  await footer.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('heading', { level: 1 }).click();
  await page.waitForTimeout(1000);

  // The stubs saw the form (Clarity its input, masked; GA4 its documented form interactions): nothing typed went.
  expect(trackerRequests.some((request) => request.url().includes('kind=input'))).toBe(true);
  const sent = trackerRequests.map(sentIn).join('\n');
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  for (const typed of [email, 'asha.rao', year, sha256(email), sha256(year)]) expect(sent).not.toContain(typed);
  expect(sent).not.toMatch(/ud\[/);
  expect(sent).not.toContain('SubscribedButtonClick');
});

test('the page for teenagers stays tracker-free after "Accept all", its policy allowing no tracker host', async ({
  page,
  context,
  trackerRequests,
}) => {
  await acceptAll(page, '/');
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4', 'meta']);
  const policyOf = (tab: Page) => tab.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(await policyOf(page)).toMatch(trackerHost);

  const teen = await context.newPage();
  await teen.goto('/treatments/braces-for-teens/');
  await teen.getByRole('heading', { level: 1 }).click();
  await teen.getByRole('contentinfo').getByLabel('Email', { exact: true }).fill('teen@example.com');
  await teen.waitForTimeout(1000);
  expect(trackerRequests.filter((request) => request.frame().page() === teen).map((request) => request.url())).toEqual(
    [],
  );
  await expect(teen.locator('#cc-main')).toHaveCount(0);
  expect(await policyOf(teen)).not.toMatch(trackerHost);
  await expect(teen.locator('body')).toHaveAttribute('data-clarity-mask', 'true');

  // Its "Cookie settings" opens the choices on the cookie policy, which names the page among the tracker-free ones.
  await cookieSettings(teen).click();
  await expect(preferences(teen)).toBeVisible();
  await teen.keyboard.press('Escape');
  const section = teen.locator('h2#pages-that-never-load-trackers ~ ul').first();
  await expect(section.getByRole('link', { name: 'Braces for teens' })).toHaveAttribute(
    'href',
    '/treatments/braces-for-teens/',
  );
});
