import { expect, test } from '@playwright/test';
import { localeOfPath } from '#functions/clinic/locales.ts';
import { englishUi } from '#src/lib/ui-en.ts';
import { hindiUi } from '#src/lib/ui-hi.ts';
import { pathsFromSitemap } from './page-types.ts';

const footerWords = { en: englishUi.footer, hi: hindiUi.footer };

test('every page in the sitemap has one h1, a unique title and description, canonical and Open Graph tags', async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  const paths = pathsFromSitemap(sitemap);
  expect(paths.length).toBeGreaterThanOrEqual(23);
  const titles = new Map<string, string>();
  const descriptions = new Map<string, string>();

  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator('h1'), path).toHaveCount(1);

    const title = await page.title();
    expect(titles.get(title), `${path} repeats the title of ${titles.get(title)}`).toBeUndefined();
    titles.set(title, path);

    const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
    expect(description.length, path).toBeGreaterThanOrEqual(50);
    expect(description.length, path).toBeLessThanOrEqual(160);
    expect(descriptions.get(description), `${path} repeats a description`).toBeUndefined();
    descriptions.set(description, path);

    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '').pathname, path).toBe(path);
    await expect(page.locator('meta[property="og:title"]'), path).toHaveAttribute('content', title);
    await expect(page.locator('meta[property="og:image"]'), path).toHaveAttribute('content', /og-image\.png$/);

    const footer = page.locator('footer');
    const words = footerWords[localeOfPath(path)];
    for (const legal of [words.privacyPolicy, words.cookiePolicy, words.terms]) {
      await expect(footer.getByRole('link', { name: legal }).first(), path).toBeVisible();
    }
  }
});

test('content pages ship no framework JavaScript: only the consent script, as a module', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  for (const path of ['/', '/treatments/dental-implants/', '/privacy-policy/']) {
    await page.goto(path);
    // Data (JSON-LD, the banner's words) is not code.
    const inlineScripts = await page
      .locator('script:not([type="application/ld+json"]):not([type="application/json"]):not([src])')
      .count();
    expect(inlineScripts, path).toBe(0);
  }
  // The consent script, and the small chunk of the site's languages it shares with the form islands; no framework.
  const loaded = [...new Set(scripts)];
  expect(loaded[0]).toMatch(/^\/_astro\/BaseLayout\.astro_astro_type_script_index_0_lang\.[\w-]+\.js$/);
  expect(
    loaded.slice(1).every((script) => /^\/_astro\/locales\.[\w-]+\.js$/.test(script)),
    loaded.join(' '),
  ).toBe(true);
});

test('a treatment page answers what, who, how, visits, recovery, risks, price and FAQs, with a booking call to action', async ({
  page,
}) => {
  await page.goto('/treatments/root-canal-treatment/');
  for (const heading of [
    'What it is',
    'Who it suits',
    'How it works, step by step',
    'Recovery',
    'Risks and side effects',
    'Price',
    'Questions people ask',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
  }
  await expect(page.getByText('Starting from', { exact: true })).toBeVisible();
  await expect(page.getByText(/₹[\d,]+/).first()).toBeVisible();
  const book = page.getByRole('link', { name: 'Request an appointment' }).last();
  await expect(book).toHaveAttribute('href', '/book/?treatment=root-canal-treatment');
});

test("a treatment page shows who you will see: its specialty's doctors with registration and years in practice", async ({
  page,
}) => {
  await page.goto('/treatments/hair-transplant/');
  const who = page.locator('section[aria-labelledby="who-you-will-see"]');
  await expect(who.getByRole('heading', { level: 3 })).toHaveText(['Dr Vikram Sethi', 'Dr Meghana Shetty']);
  await expect(who).toContainText('Delhi Medical Council, no. DMC/R/04471');
  await expect(who).toContainText(/\d+ years \(since 2006\)/);
  await expect(who).not.toContainText('Dental Council');
  await expect(page.getByRole('main')).toContainText(/First consultation ₹800/);
});

test('headings keep clear of the header, and phone numbers in buttons stay on one line', async ({ page }) => {
  for (const path of ['/book/thank-you/', '/this-page-does-not-exist/']) {
    await page.goto(path);
    const header = await page.locator('header').boundingBox();
    const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
    expect((heading?.y ?? 0) - ((header?.y ?? 0) + (header?.height ?? 0)), path).toBeGreaterThanOrEqual(16);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ['/contact/', '/locations/mumbai-bandra/', '/treatments/teeth-whitening/']) {
    await page.goto(path);
    const lines = await page
      .locator('.button .nowrap')
      .evaluateAll((numbers) => numbers.map((number) => number.getClientRects().length));
    expect(lines.length, path).toBeGreaterThan(0);
    expect(
      lines.every((count) => count === 1),
      path,
    ).toBe(true);
  }
});

test('on a desktop the home page rows of three fill the width', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto('/');
  for (const grid of await page.locator('.card-grid-3').all()) {
    const [gridBox, lastCard] = [await grid.boundingBox(), await grid.locator('> li').last().boundingBox()];
    expect(
      Math.abs((gridBox?.x ?? 0) + (gridBox?.width ?? 0) - ((lastCard?.x ?? 0) + (lastCard?.width ?? 0))),
    ).toBeLessThan(2);
  }
});

test('the breadcrumb trail keeps the current page on the same line as its links', async ({ page }) => {
  await page.goto('/treatments/dental-implants/');
  const baselines = await page.locator('.breadcrumbs li').evaluateAll((items) =>
    items.map((item) => {
      const range = document.createRange();
      range.selectNodeContents(item.querySelector('a') ?? item);
      return Math.round(range.getBoundingClientRect().bottom);
    }),
  );
  expect(new Set(baselines).size).toBe(1);
});

test('the treatments index groups all treatments by specialty', async ({ page }) => {
  await page.goto('/treatments/');
  for (const [id, minimum] of [
    ['dental', 5],
    ['skin', 4],
    ['hair', 3],
  ] as const) {
    const cards = page.locator(`section:has(> h2#${id}) li`);
    expect(await cards.count()).toBeGreaterThanOrEqual(minimum);
  }
});

test('the contact page offers click-to-call and WhatsApp links for every branch', async ({ page }) => {
  await page.goto('/contact/');
  const telLinks = page.locator('a[href^="tel:+91"]');
  const whatsappLinks = page.locator('a[href^="https://wa.me/91"]');
  expect(await telLinks.count()).toBeGreaterThanOrEqual(4);
  expect(await whatsappLinks.count()).toBeGreaterThanOrEqual(4);
});

test('a location page shows address, hours, a plain map link and no embedded map', async ({ page }) => {
  await page.goto('/locations/delhi-hauz-khas/');
  await expect(page.locator('address')).toContainText('Hauz Khas');
  await expect(page.getByRole('table', { name: /Opening hours/ })).toContainText('Closed');
  await expect(page.getByRole('link', { name: 'Open in Google Maps (opens an external site)' })).toHaveAttribute(
    'href',
    /^https:\/\/www\.google\.com\/maps\/search\//,
  );
  await expect(page.locator('iframe')).toHaveCount(0);
});

test('legal pages show their last-updated date and a table of contents that links to every section', async ({
  page,
}) => {
  for (const path of ['/privacy-policy/', '/cookie-policy/', '/terms/']) {
    await page.goto(path);
    await expect(page.getByText(/Last updated:/), path).toBeVisible();
    const tocLinks = page.getByRole('navigation', { name: 'Contents' }).getByRole('link');
    expect(await tocLinks.count(), path).toBeGreaterThanOrEqual(5);
    for (const href of await tocLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
      await expect(page.locator(`[id="${href?.slice(1)}"]`), `${path}${href}`).toHaveCount(1);
    }
  }
});

test('the privacy policy names the grievance officer from the site config, with response times', async ({ page }) => {
  await page.goto('/privacy-policy/');
  const section = page.locator('#grievances-and-complaints ~ *');
  await expect(page.getByRole('link', { name: 'privacy@example.com' }).first()).toBeVisible();
  await expect(section.getByText(/48 hours/).first()).toBeVisible();
  await expect(section.getByText(/30 days/).first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText('{{');
});
