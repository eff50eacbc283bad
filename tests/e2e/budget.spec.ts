import { expect, test } from '@playwright/test';
import { measurePageWeight } from '../support/page-weight.ts';
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
  test(`the ${pageType} page, with its form island, stays within 110 KB of JavaScript`, async ({ page }) => {
    const weight = await measurePageWeight(page, path);
    expect(weight.js).toBeLessThanOrEqual(110 * KB);
    expect(weight.total).toBeLessThanOrEqual(300 * KB);
  });
}
