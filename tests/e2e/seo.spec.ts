import { expect, type Page, test } from '@playwright/test';
import { notFoundPath, pageTypes, pathsFromSitemap } from './page-types.ts';

async function structuredData(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => JSON.parse(text) as unknown) as Record<string, unknown>[];
}

const typesOf = (items: Record<string, unknown>[]) => items.flatMap((item) => item['@type'] as string | string[]);

test('the sitemap lists every page type and no error page', async ({ request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.ok()).toBe(true);
  expect(await index.text()).toContain('sitemap-0.xml');
  const paths = pathsFromSitemap(await (await request.get('/sitemap-0.xml')).text());
  for (const path of Object.values(pageTypes)) expect(paths).toContain(path);
  expect(paths.filter((path) => path.startsWith('/treatments/') && path !== '/treatments/')).toHaveLength(12);
  expect(paths.some((path) => path.includes('404') || path.includes('thank-you'))).toBe(false);
});

test('robots.txt allows crawling and points at the sitemap', async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('User-agent: *');
  expect(robots).toMatch(/^Sitemap: https?:\/\/.+\/sitemap-index\.xml$/m);
});

test('a treatment page describes a MedicalProcedure, its FAQs and its breadcrumb trail', async ({ page }) => {
  await page.goto(pageTypes.treatment);
  const data = await structuredData(page);
  expect(typesOf(data)).toEqual(expect.arrayContaining(['MedicalProcedure', 'FAQPage', 'BreadcrumbList']));
  const faq = data.find((item) => item['@type'] === 'FAQPage') as { mainEntity: unknown[] };
  const visibleQuestions = await page.locator('section[aria-labelledby="faqs"] h3').count();
  expect(faq.mainEntity).toHaveLength(visibleQuestions);
  const crumbs = data.find((item) => item['@type'] === 'BreadcrumbList') as { itemListElement: { name: string }[] };
  expect(crumbs.itemListElement.map((crumb) => crumb.name)).toEqual(['Home', 'Treatments', 'Dental implants']);
});

test('the doctors page and treatment pages describe each doctor as a Dentist or a Physician, with their registrations', async ({
  page,
}) => {
  await page.goto(pageTypes.doctors);
  const doctors = (await structuredData(page)).filter((item) =>
    ['Dentist', 'Physician'].includes(item['@type'] as string),
  );
  expect(doctors.map((doctor) => doctor['@type']).sort()).toEqual([
    'Dentist',
    'Dentist',
    'Physician',
    'Physician',
    'Physician',
    'Physician',
  ]);
  for (const doctor of doctors) {
    const registrations = (doctor.hasCredential as { credentialCategory: string; identifier?: string }[]).filter(
      (credential) => credential.credentialCategory === 'registration',
    );
    expect(registrations.length, String(doctor.name)).toBeGreaterThan(0);
    for (const { identifier } of registrations) await expect(page.getByRole('main')).toContainText(identifier ?? '-');
  }
  await page.goto(pageTypes.treatment);
  expect(typesOf(await structuredData(page))).toEqual(expect.arrayContaining(['MedicalProcedure', 'Dentist']));
  await page.goto('/treatments/acne-treatment/');
  const acne = typesOf(await structuredData(page));
  expect(acne).toContain('Physician');
  expect(acne).not.toContain('Dentist');
});

test('no page claims a rating or a review: reviews come only from a configured link, unset here', async ({ page }) => {
  for (const path of [pageTypes.home, pageTypes.treatment, pageTypes.doctors, pageTypes.location]) {
    await page.goto(path);
    const data = JSON.stringify(await structuredData(page));
    expect(data, path).not.toMatch(/aggregateRating|"review"|ratingValue/);
    await expect(page.getByRole('main'), path).not.toContainText(/★|out of 5|stars/);
  }
  await page.goto(pageTypes.home);
  await expect(page.getByRole('link', { name: /what patients say/ })).toHaveCount(0);
});

test('each branch page describes the branch as a clinic, and as a dentist where it offers dentistry', async ({
  page,
}) => {
  await page.goto(pageTypes.location);
  expect(typesOf(await structuredData(page))).toEqual(expect.arrayContaining(['MedicalClinic', 'Dentist']));
  await page.goto('/locations/delhi-hauz-khas/');
  const delhi = typesOf(await structuredData(page));
  expect(delhi).toContain('MedicalClinic');
  expect(delhi).not.toContain('Dentist');
});

test('the 404 page answers with status 404, helps the visitor on, and is not indexed', async ({ page }) => {
  const response = await page.goto(notFoundPath);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  await expect(page.getByRole('link', { name: 'Request an appointment' })).toBeVisible();
});
