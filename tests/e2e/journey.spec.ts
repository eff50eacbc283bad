/**
 * The patient's journey on a 390×844 phone, measured: what is on the first screen, how far the send button is,
 * where the sticky Call / WhatsApp / Book bar sits against the banner, the footer and a focused control, and
 * where a form sent without JavaScript lands when it has errors.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo, addYearsTo } from '#functions/clinic/dates.ts';
import { hydrateForm } from './form-islands.ts';
import { pageTypes, pathsFromSitemap } from './page-types.ts';

const screen = { width: 390, height: 844 };
test.use({ viewport: screen, isMobile: true, hasTouch: true });

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`${locator} has no box`);
  return found;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Records a cookie choice, so that later pages show no banner (a returning visitor). */
async function chooseNoCookies(page: Page) {
  await page.goto(pageTypes.about);
  await page.getByRole('button', { name: 'Reject all', exact: true }).click();
}

const actionBar = (page: Page) => page.getByRole('navigation', { name: 'Call, WhatsApp or book' });

/** Where the bar is on the screen, or undefined while it has stepped aside (hidden). */
const barOnScreen = (page: Page): Promise<Box | undefined> =>
  page.locator('.action-bar').evaluate((bar) => {
    if (getComputedStyle(bar).visibility !== 'visible' || getComputedStyle(bar).display === 'none') return undefined;
    const { x, y, width, height } = bar.getBoundingClientRect();
    return { x, y, width, height };
  });

test('on /book/ the first field is on the first screen, and an adult reaches Send within about three screens', async ({
  page,
}) => {
  await page.goto(pageTypes.booking);
  const treatment = page.getByLabel('Treatment');
  await expect(treatment).toBeInViewport({ ratio: 1 });
  await hydrateForm(page);
  // An adult's form, hydrated: no guardian's questions.
  await page.getByLabel('Date of birth').fill('1990-05-10');
  // Measured once the form has dropped the guardian's questions, not while it re-renders.
  await expect(page.getByRole('group', { name: /Parent or guardian/ })).toHaveCount(0);
  // Polled: on a busy machine the first measure can fall while the form is still laying out its last change.
  const send = page.getByRole('button', { name: 'Send booking request' });
  await expect
    .poll(async () => {
      const { y, height } = await box(send);
      return (y + height) / screen.height;
    })
    .toBeLessThanOrEqual(3.25);
});

test("each treatment page offers its own booking link on the first screen, clear of the phone's bar", async ({
  page,
}) => {
  await chooseNoCookies(page);
  const sitemap = await (await page.request.get('/sitemap-0.xml')).text();
  const treatments = pathsFromSitemap(sitemap).filter((path) => /^\/treatments\/[\w-]+\/$/.test(path));
  expect(treatments).toHaveLength(12);
  for (const path of treatments) {
    await page.goto(path);
    const id = path.split('/')[2];
    const book = page.locator(`main a[href="/book/?treatment=${id}"]`).first();
    await expect(book, path).toBeInViewport({ ratio: 1 });
    const bar = await barOnScreen(page);
    expect(bar, path).toBeDefined();
    expect(overlaps(await box(book), bar ?? (await box(book))), `${path}: the booking link is under the bar`).toBe(
      false,
    );
  }
});

test('the phone bar stays at the bottom while scrolling, with Call, WhatsApp and Book, and never over the footer links', async ({
  page,
}) => {
  await chooseNoCookies(page);
  await page.goto(pageTypes.treatment);
  const bar = actionBar(page);
  await page.mouse.wheel(0, 2500);
  await expect(bar).toBeInViewport({ ratio: 1 });
  const resting = await box(bar);
  expect(Math.abs(resting.y + resting.height - screen.height)).toBeLessThanOrEqual(1);
  await expect(bar.getByRole('link', { name: 'Call' })).toHaveAttribute('href', /^tel:\+91/);
  await expect(bar.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/91/);
  await expect(bar.getByRole('link', { name: 'Book' })).toHaveAttribute('href', '/book/?treatment=dental-implants');

  // Down through the footer, a screen's quarter at a time: no footer link is ever under the bar.
  const footerLinks = page.getByRole('contentinfo').locator('a, button');
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const footerTop = await page
    .getByRole('contentinfo')
    .evaluate((footer) => footer.getBoundingClientRect().top + window.scrollY);
  for (let y = footerTop - screen.height; y <= pageHeight; y += screen.height / 4) {
    await page.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y);
    const barBox = await barOnScreen(page);
    if (!barBox) continue;
    for (const link of await footerLinks.all()) {
      const linkBox = await link.boundingBox();
      if (linkBox) expect(overlaps(linkBox, barBox), `${await link.textContent()} at ${y}`).toBe(false);
    }
  }
});

test('the phone bar steps aside while the cookie banner is open, and comes back once a choice is made', async ({
  page,
}) => {
  await page.goto(pageTypes.treatment);
  const banner = page.locator('#cc-main .cm');
  await expect(banner).toBeVisible();
  const bar = await barOnScreen(page);
  if (bar) expect(overlaps(bar, await box(banner))).toBe(false);
  await page.getByRole('button', { name: 'Reject all', exact: true }).click();
  await expect(actionBar(page)).toBeVisible();
});

test('keyboard focus is never hidden under the phone bar', async ({ page }) => {
  await chooseNoCookies(page);
  await page.goto(pageTypes.treatment);
  // For each link in the page, the worst case: it sits just inside the screen's bottom edge, where the bar is,
  // when the keyboard moves focus to it from the one before.
  const links = await page.locator('main a').all();
  for (const [index, link] of links.entries()) {
    if (index === 0) continue;
    await links[index - 1]?.focus();
    await link.evaluate((element) => {
      const { bottom } = element.getBoundingClientRect();
      window.scrollBy({ top: bottom - (window.innerHeight - 4), behavior: 'instant' });
    });
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();
    // The page scrolls smoothly, so the answer is where the scroll comes to rest.
    const underBar = async () => {
      const bar = await barOnScreen(page);
      return bar !== undefined && overlaps(await box(link), bar);
    };
    await expect.poll(underBar, { message: `${await link.textContent()} is under the bar`, timeout: 2000 }).toBe(false);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a booking sent with errors lands on its error summary, focused and in view, problems in field order', async ({
    page,
  }) => {
    await page.goto('/book/?treatment=hair-transplant');
    // Mumbai has no hair care; a patient of 15 with no guardian; no name.
    await page.getByLabel('Clinic', { exact: true }).selectOption('mumbai-bandra');
    await page.getByLabel('Preferred date').fill(addDaysTo(todayInClinic(new Date()), 3));
    await page.getByLabel(/^Morning/).check();
    await page.getByLabel('Mobile number', { exact: true }).fill('98765 43210');
    await page.getByLabel('Date of birth').fill(addYearsTo(todayInClinic(new Date()), -15));
    await page.getByLabel(/I have read the privacy notice/).check();
    await page.getByRole('button', { name: 'Send booking request' }).click();

    const summary = page.locator('#error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    const targets = await summary
      .getByRole('link')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(targets).toEqual([
      '#field-branch',
      '#field-fullName',
      '#field-guardian-name',
      '#field-guardian-relationship',
      '#field-guardian-consent',
    ]);
  });

  test("the footer's newsletter form, refused on a long page, lands on the newsletter page's focused error summary", async ({
    page,
  }) => {
    await page.goto(pageTypes.treatment);
    const footer = page.getByRole('contentinfo');
    await footer.getByLabel('Email', { exact: true }).fill('reader@example.com');
    await footer.getByLabel('Year of birth').fill(String(Number(todayInClinic(new Date()).slice(0, 4)) - 14));
    await footer.getByLabel(/Email me the newsletter/).check();
    await footer.getByRole('button', { name: 'Sign up' }).click();
    await expect(page).toHaveURL(/\/newsletter\/$/);
    const summary = page.locator('#error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toBeInViewport();
    await expect(page.locator('#field-birthYear-error')).toContainText('under 18');
  });
});
