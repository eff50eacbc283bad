import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { notFoundPath, pageTypes } from './page-types.ts';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

for (const [pageType, path] of Object.entries({ ...pageTypes, notFound: notFoundPath })) {
  test(`axe finds no WCAG 2.2 AA violations on the ${pageType} page`, async ({ page }) => {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.length} node(s)`)).toEqual([]);
  });
}

test('once the cookie choice is made, the skip link is the first stop for keyboard users and moves focus to the main content', async ({
  page,
}) => {
  await page.goto(pageTypes.treatment);
  await page.getByRole('button', { name: 'Reject all', exact: true }).click();
  await page.reload();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  const focusedInsideMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement));
  expect(focusedInsideMain).toBe(true);
});

test('focus is always visible on links and buttons', async ({ page }) => {
  await page.goto(pageTypes.home);
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return 'none';
      const style = getComputedStyle(element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(outline).toMatch(/^solid [2-9]/);
  }
});

test('every image has alternative text', async ({ page }) => {
  for (const path of [pageTypes.home, pageTypes.treatment]) {
    await page.goto(path);
    const missing = await page.locator('img:not([alt])').count();
    expect(missing, path).toBe(0);
  }
});
