import { expect } from '@playwright/test';
import { servicesIn } from './tracker-stubs.ts';
import { banner, choose, cookieSettings, preferences, consentTest as test } from './visit.ts';

const footerLinks = ['Privacy policy', 'Terms of use', 'Grievance officer', 'Cookie settings'];

test.describe('on a 390 × 844 phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the banner takes at most a third of the screen, and the footer links stay clickable beside it', async ({
    page,
  }) => {
    await page.goto('/treatments/dental-implants/');
    const dialog = banner(page);
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    expect(box?.height ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(844 / 3);
    // Accept all and Reject all side by side and equal in size, as the first thing a thumb reaches.
    const [accept, reject] = await Promise.all(
      ['Accept all', 'Reject all'].map((name) => dialog.getByRole('button', { name, exact: true }).boundingBox()),
    );
    expect(accept?.y).toBe(reject?.y);
    expect(accept?.width).toBe(reject?.width);

    for (const name of footerLinks) {
      const link = page.getByRole('contentinfo').getByRole('link', { name, exact: true });
      await link.scrollIntoViewIfNeeded();
      // Playwright's actionability check: visible, stable and the element that would receive the tap.
      await link.click({ trial: true });
      const uncovered = await link.evaluate((element) => {
        const { left, top, width, height } = element.getBoundingClientRect();
        return element.contains(document.elementFromPoint(left + width / 2, top + height / 2));
      });
      expect(uncovered, `${name} is covered`).toBe(true);
    }
    await expect(dialog).toBeVisible();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Grievance officer' }).click();
    await expect(page).toHaveURL(/\/privacy-policy\/#grievances-and-complaints$/);
  });
});

test('the banner links the policies and the rights page, spaced without stray separators', async ({ page }) => {
  await page.goto('/');
  const links = banner(page).locator('.cm__footer a');
  expect(await links.evaluateAll((anchors) => anchors.map((a) => [a.textContent, a.getAttribute('href')]))).toEqual([
    ['Cookie policy', '/cookie-policy/'],
    ['Privacy policy', '/privacy-policy/'],
    ['Your privacy rights', '/privacy-rights/'],
  ]);
  await expect(banner(page).locator('.cm__footer')).not.toContainText('·');
  const gaps = await links.evaluateAll((anchors) =>
    anchors
      .slice(1)
      .map((a, index) => a.getBoundingClientRect().left - (anchors[index]?.getBoundingClientRect().right ?? 0)),
  );
  for (const gap of gaps) expect(gap).toBeGreaterThan(8);

  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = preferences(page);
  await expect(dialog.getByRole('link', { name: 'Your privacy rights' })).toHaveAttribute('href', '/privacy-rights/');
  await expect(dialog.getByRole('link', { name: 'Grievance Officer' })).toHaveAttribute(
    'href',
    '/privacy-policy/#grievances-and-complaints',
  );
  await expect(dialog.getByRole('link', { name: 'Data Protection Board of India' })).toHaveAttribute(
    'href',
    'https://www.dpb.gov.in',
  );
});

test('saving a choice says so, and what it is', async ({ page, trackerRequests }) => {
  await page.goto('/about/');
  await choose(page, ['analytics']);
  await expect(page.getByRole('status')).toHaveText('Your cookie choices are saved. Analytics: on. Marketing: off.');
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
  // Saving again without a change is confirmed too.
  await cookieSettings(page).click();
  await preferences(page).getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('status')).toHaveText('Your cookie choices are saved. Analytics: on. Marketing: off.');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('"Cookie settings" leads to the cookie policy, which explains that nothing loads', async ({ page }) => {
    await page.goto('/locations/');
    await cookieSettings(page).click();
    await expect(page).toHaveURL(/\/cookie-policy\/#cookie-settings$/);
    const heading = page.getByRole('heading', { name: 'Cookie settings', level: 3 });
    await expect(heading).toBeInViewport();
    await expect(page.locator('.prose')).toContainText(
      'without JavaScript, this site loads no analytics or marketing tools at all',
    );
  });
});
