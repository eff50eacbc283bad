import { expect, test } from '@playwright/test';
import { pageTypes } from './page-types.ts';

test('every response carries the security headers', async ({ request }) => {
  for (const path of [pageTypes.home, '/robots.txt', '/favicon.svg', '/does-not-exist/']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['strict-transport-security'], path).toMatch(/max-age=\d{8,}/);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-frame-options'], path).toBe('DENY');
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('camera=()');
  }
});

test("a page's scripts carry the headers that apply to them, and not the document-only ones", async ({
  page,
  request,
}) => {
  await page.goto(pageTypes.home);
  const script = await page.locator('script[type="module"][src^="/_astro/"]').first().getAttribute('src');
  const headers = (await request.get(script ?? '')).headers();
  expect(headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBeUndefined();
  expect(headers['permissions-policy']).toBeUndefined();
});

test("pages carry Astro's hashed Content-Security-Policy for scripts and styles", async ({ page }) => {
  await page.goto(pageTypes.home);
  const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self'/);
  expect(policy).toMatch(/style-src 'self' 'sha256-/);
  expect(policy).not.toContain('unsafe-inline');
});

test('text is compressed and hashed assets are cached for a year', async ({ page, request }) => {
  const html = await request.get(pageTypes.home, { headers: { 'Accept-Encoding': 'gzip, br' } });
  expect(html.headers()['content-encoding']).toMatch(/gzip|br/);
  await page.goto(pageTypes.home);
  const asset = await page.locator('main img').first().getAttribute('src');
  expect(asset).toMatch(/^\/_astro\//);
  const response = await request.get(asset ?? '');
  expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
});
