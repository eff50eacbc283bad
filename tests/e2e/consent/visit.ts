import { type BrowserContext, expect, type Page, type Request, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addYearsTo } from '#functions/clinic/dates.ts';
import { hydrateForm } from '../form-islands.ts';
import { stubTrackers } from './tracker-stubs.ts';

/** A visit on www.clinic.test with every tracker host stubbed, its tracker requests and its consent receipts. */
interface Visit {
  page: Page;
  context: BrowserContext;
  trackerRequests: Request[];
  receipts: Record<string, unknown>[];
}

export const consentTest = test.extend<Visit>({
  // Automatic: no test may ever reach a real tracker host.
  trackerRequests: [async ({ context }, use) => use(await stubTrackers(context)), { auto: true }],
  receipts: async ({ context }, use) => {
    const receipts: Record<string, unknown>[] = [];
    context.on('request', (request) => {
      if (request.url().endsWith('/api/consent') && request.method() === 'POST') receipts.push(request.postDataJSON());
    });
    await use(receipts);
  },
});

const trackerCookie = /^(_ga|_gid|_gcl_|_clck|_clsk|_fbp|_fbc)/;

export const banner = (page: Page) => page.getByRole('dialog', { name: 'Your choice about cookies' });
export const preferences = (page: Page) => page.getByRole('dialog', { name: 'Cookie settings' });
export const cookieSettings = (page: Page) => page.getByRole('link', { name: 'Cookie settings' });

export async function trackerCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => trackerCookie.test(cookie.name));
}

/** Opens the preferences from the banner, switches the categories on and saves. */
export async function choose(page: Page, categories: ('analytics' | 'marketing')[]) {
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  const dialog = preferences(page);
  await expect(dialog).toBeVisible();
  for (const category of categories) {
    await dialog.getByRole('checkbox', { name: category === 'analytics' ? 'Analytics' : 'Marketing' }).check();
  }
  await dialog.getByRole('button', { name: 'Save my choices' }).click();
  await expect(dialog).toBeHidden();
}

/** The booking form, on its tracker-free page, finds a date of birth under 18 and flags the browser. */
export async function startTeenBooking(page: Page) {
  await page.goto('/book/');
  await hydrateForm(page);
  await page.getByLabel('Date of birth').fill(addYearsTo(todayInClinic(new Date()), -15));
  await expect(page.getByRole('group', { name: /Parent or guardian/ })).toBeVisible();
}
