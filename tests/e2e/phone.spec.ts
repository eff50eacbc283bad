import { expect, test } from '@playwright/test';
import { pageTypes } from './page-types.ts';

for (const [pageType, path] of Object.entries(pageTypes)) {
  test(`the ${pageType} page fits a phone screen without sideways scrolling`, async ({ page }) => {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });
}

test('on a phone the first screen offers booking and the hero image is light', async ({ page }) => {
  const images: number[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'image') images.push((await response.body()).length);
  });
  await page.goto(pageTypes.home);
  await expect(page.getByRole('link', { name: 'Request an appointment' })).toBeInViewport();
  await page.waitForLoadState('networkidle');
  expect(images.length).toBeGreaterThan(0);
  for (const size of images) expect(size).toBeLessThanOrEqual(80 * 1024);
});

test('tap targets in the header and footer are at least 24 by 24 CSS pixels', async ({ page }) => {
  await page.goto(pageTypes.home);
  const small = await page.locator('header a, footer a').evaluateAll((links) =>
    links
      .map((link) => ({ text: link.textContent?.trim(), box: link.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ text }) => text),
  );
  expect(small).toEqual([]);
});
