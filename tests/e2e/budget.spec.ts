import { expect, test } from '@playwright/test';
import { measurePageWeight } from '../support/page-weight.ts';
import { hydrateForm } from './form-islands.ts';
import { pageTypes } from './page-types.ts';

const KB = 1024;

const { booking, newsletter, privacyRights, ...contentPages } = pageTypes;

for (const [pageType, path] of Object.entries(contentPages)) {
  test(`the ${pageType} page stays within 15 KB of JavaScript and 300 KB in total`, async ({ page }) => {
    const weight = await measurePageWeight(page, path);
    expect(weight.js).toBeLessThanOrEqual(15 * KB);
    expect(weight.total).toBeLessThanOrEqual(300 * KB);
  });
}

for (const [pageType, path] of Object.entries({ booking, newsletter, privacyRights })) {
  test(`the ${pageType} page loads no JavaScript until its form is used, then stays within 110 KB`, async ({
    page,
  }) => {
    expect((await measurePageWeight(page, path)).js).toBe(0);
    const used = await measurePageWeight(await page.context().newPage(), path, hydrateForm);
    expect(used.js).toBeGreaterThan(50 * KB);
    expect(used.js).toBeLessThanOrEqual(110 * KB);
    expect(used.total).toBeLessThanOrEqual(300 * KB);
  });
}
