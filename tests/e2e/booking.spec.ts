import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo, addYearsTo } from '#functions/clinic/dates.ts';
import { hydrateForm } from './form-islands.ts';

/** Today's date in the clinic's time zone, shifted by whole days or years. */
function clinicDate({ days = 0, years = 0 } = {}): string {
  return addYearsTo(addDaysTo(todayInClinic(new Date()), days), years);
}

/** Opens the form and waits for its island to hydrate, which it does on the first focus. */
async function openBookingPage(page: Page, path = '/book/?treatment=dental-implants') {
  await page.goto(path);
  await hydrateForm(page);
}

async function fillAppointment(page: Page, { dateOfBirth = '1990-05-10', email = 'asha@example.com' } = {}) {
  await page.getByLabel('Clinic', { exact: true }).selectOption('bengaluru-indiranagar');
  await page.getByLabel('Preferred date').fill(clinicDate({ days: 2 }));
  await page.getByLabel(/^Morning/).check();
  await page.getByLabel('Full name', { exact: true }).fill('Asha Rao');
  await page.getByLabel('Mobile number', { exact: true }).fill('98765 43210');
  if (email) await page.getByLabel('Email (optional)').fill(email);
  await page.getByLabel('Date of birth').fill(dateOfBirth);
  await page.getByLabel(/I have read the privacy notice/).check();
}

/** The server marks a form sent within three seconds of loading for a check (kept, but flagged to staff). */
const afterHumanPause = (page: Page) => page.waitForTimeout(3100);
const send = (page: Page) => page.getByRole('button', { name: 'Send booking request' }).click();
const errorSummary = (page: Page) => page.getByRole('alert').filter({ hasText: /problems? with your request/ });

test('an adult books from a treatment page and gets a reference number', async ({ page }) => {
  await openBookingPage(page);
  await expect(page.getByLabel('Treatment')).toHaveValue('dental-implants');
  await fillAppointment(page);
  await afterHumanPause(page);
  await send(page);
  // The request is repeated from this tab's storage: the address carries nothing of it.
  await expect(page).toHaveURL(/\/book\/thank-you\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you, we have your request');
  await expect(page.locator('.reference')).toHaveText(/^KC-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const summary = page.locator('#request-summary');
  await expect(summary).toContainText('Dental implants');
  await expect(summary).toContainText('Indiranagar, Bengaluru');
  await expect(summary).toContainText('Morning (before 12 pm)');
  await expect(page.getByRole('main')).not.toContainText('Asha');
  await expect(page.getByRole('main')).not.toContainText('98765');
});

test('sending the same request twice books once and returns the first reference', async ({ request }) => {
  const body = {
    submissionId: crypto.randomUUID(),
    startedAt: Date.now() - 60_000,
    website: '',
    treatment: 'acne-treatment',
    branch: 'mumbai-bandra',
    preferredDate: clinicDate({ days: 3 }),
    timeWindow: 'afternoon',
    fullName: 'Rahul Menon',
    mobile: '+91 98200 12345',
    email: '',
    dateOfBirth: '1985-01-31',
    helpText: '',
    consents: { privacyNotice: true, whatsappUpdates: false, emailNews: false },
  };
  const first = await request.post('/api/booking', { data: body });
  const second = await request.post('/api/booking', { data: body });
  expect(first.status()).toBe(201);
  expect(second.status()).toBe(201);
  expect((await second.json()).reference).toBe((await first.json()).reference);
});

test('a request for a minor is refused without a parent or guardian, then accepted with one', async ({ page }) => {
  await openBookingPage(page, '/book/?treatment=braces-for-teens');
  await fillAppointment(page, { dateOfBirth: clinicDate({ years: -15 }), email: '' });
  await afterHumanPause(page);
  const guardian = page.getByRole('group', { name: /Parent or guardian/ });
  await expect(guardian).toBeVisible();
  await expect(page.getByLabel(/Email me clinic news/)).toHaveCount(0);
  // For a patient under 18 the form's mobile and email are the parent or guardian's, and say so.
  await expect(page.getByLabel("Parent or guardian's mobile number")).toHaveValue('98765 43210');
  await expect(page.getByLabel("Parent or guardian's email (optional)")).toBeVisible();
  await expect(guardian.getByLabel("The patient's own mobile number (optional)")).toBeVisible();
  await send(page);
  await expect(errorSummary(page)).toBeVisible();
  const guardianName = page.getByLabel("Parent or guardian's full name");
  await expect(guardianName).toHaveAttribute('aria-invalid', 'true');
  await expect(guardianName).toBeFocused();
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Asha Rao');

  await guardianName.fill('Meera Rao');
  await guardian.getByLabel('Relationship to the patient').selectOption('parent');
  await guardian.getByLabel(/I am the patient's parent or legal guardian/).check();
  await send(page);
  await expect(page).toHaveURL(/\/book\/thank-you\/$/);
  await expect(page.locator('.reference')).toHaveText(/^KC-/);
  expect(await page.evaluate(() => localStorage.getItem('clinic:minor-visitor'))).toBe('1');
});

test("an adult's form asks nothing about a guardian, and moves focus to the first problem", async ({ page }) => {
  await openBookingPage(page, '/book/');
  await expect(page.getByRole('group', { name: /Parent or guardian/ })).toHaveCount(0);
  await send(page);
  await expect(errorSummary(page)).toBeVisible();
  await expect(page.getByLabel('Treatment')).toBeFocused();
  await page.getByLabel('Date of birth').fill('1990-05-10');
  await expect(page.getByRole('group', { name: /Parent or guardian/ })).toHaveCount(0);
});

test('a mobile number only the server can judge comes back beside its field', async ({ page }) => {
  await openBookingPage(page);
  await fillAppointment(page);
  // Ten digits, so plausible in the browser; but no Indian mobile number starts with 1.
  await page.getByLabel('Mobile number', { exact: true }).fill('12345 67890');
  await afterHumanPause(page);
  await send(page);
  const mobile = page.getByLabel('Mobile number', { exact: true });
  await expect(mobile).toHaveAttribute('aria-invalid', 'true');
  await expect(mobile).toBeFocused();
  await expect(page.locator('#field-mobile-error')).toContainText('not a valid mobile number');
  await expect(page).toHaveURL(/\/book\/(\?|$)/);
});

test('errors are specific, tied to their fields and listed above the form, with no axe violations', async ({
  page,
}) => {
  await openBookingPage(page, '/book/');
  await page.getByLabel('Mobile number', { exact: true }).fill('12345');
  await page.getByLabel('Preferred date').fill(clinicDate({ days: -1 }));
  await send(page);
  await expect(errorSummary(page)).toBeVisible();
  const mobile = page.getByLabel('Mobile number', { exact: true });
  await expect(mobile).toHaveAttribute('aria-invalid', 'true');
  await expect(mobile).toHaveValue('12345');
  const describedBy = (await mobile.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(' ').find((id) => id.endsWith('-error'));
  expect((await page.locator(`[id="${errorId}"]`).textContent())?.length ?? 0).toBeGreaterThan(15);
  await expect(page.getByLabel('Preferred date')).toHaveAttribute('aria-invalid', 'true');
  await errorSummary(page).getByRole('link').first().click();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

test('the booking form can be filled with the keyboard alone, in a sensible order', async ({ page }) => {
  await openBookingPage(page);
  await page.getByLabel('Treatment').focus();
  const order: string[] = [];
  for (let presses = 0; presses < 16; presses += 1) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('name') ?? '');
    if (order.at(-1) !== name) order.push(name);
  }
  const expected = ['branch', 'preferredDate', 'timeWindow', 'fullName', 'mobile', 'email', 'dateOfBirth', 'helpText'];
  expect(order.filter((name) => expected.includes(name))).toEqual(expected);
  expect(order).not.toContain('website');
});

test('what is typed before the form hydrates is kept, and the form knows it', async ({ page }) => {
  // Hold the island's code until the visitor has filled in the form.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/book/');
  await page.getByLabel('Treatment').selectOption('acne-treatment');
  await page.getByLabel('Clinic', { exact: true }).selectOption('mumbai-bandra');
  await page.getByLabel('Preferred date').fill(clinicDate({ days: 2 }));
  await page.getByLabel(/^Afternoon/).check();
  await page.getByLabel('Full name', { exact: true }).fill('Rahul Menon');
  await page.getByLabel('Mobile number', { exact: true }).fill('98200 12345');
  await page.getByLabel('Date of birth').fill('1985-01-31');
  await page.getByLabel('What would you like help with?').fill('Spots on my back');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(1);
  release();
  await page.locator('astro-island:not([ssr])').waitFor();

  await expect(page.getByLabel('Treatment')).toHaveValue('acne-treatment');
  await expect(page.getByLabel('Clinic', { exact: true })).toHaveValue('mumbai-bandra');
  await expect(page.getByLabel(/^Afternoon/)).toBeChecked();
  await expect(page.getByLabel('Full name', { exact: true })).toHaveValue('Rahul Menon');
  await expect(page.getByLabel('What would you like help with?')).toHaveValue('Spots on my back');
  // The island checks what it holds: only the unticked privacy notice is missing, and nothing is sent.
  const posts: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') posts.push(request.url());
  });
  await send(page);
  await expect(errorSummary(page).getByRole('link')).toHaveText([
    'Please confirm that you have read the privacy notice.',
  ]);
  expect(posts).toEqual([]);
});

test('the clinic list offers the clinics with the chosen treatment, and lists problems in the order of the form', async ({
  page,
}) => {
  await openBookingPage(page, '/book/');
  const clinic = page.getByLabel('Clinic', { exact: true });
  await clinic.selectOption('mumbai-bandra');
  await page.getByLabel('Treatment').selectOption('hair-transplant');
  const offered = await clinic
    .locator('option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(offered).toEqual(['', 'bengaluru-indiranagar', 'delhi-hauz-khas']);
  // Mumbai has no hair care, so the clinic chosen before the treatment is cleared.
  await expect(clinic).toHaveValue('');

  // A patient of 15 with no guardian, no name, and the notice not ticked: the schema reports the guardian's
  // problems last, the summary lists them where the form asks.
  await clinic.selectOption('bengaluru-indiranagar');
  await page.getByLabel('Preferred date').fill(clinicDate({ days: 2 }));
  await page.getByLabel(/^Morning/).check();
  await page.getByLabel('Mobile number', { exact: true }).fill('98765 43210');
  await page.getByLabel('Date of birth').fill(clinicDate({ years: -15 }));
  await send(page);
  const problems = await errorSummary(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  expect(problems).toEqual([
    '#field-fullName',
    '#field-guardian-name',
    '#field-guardian-relationship',
    '#field-guardian-consent',
    '#field-consents-privacyNotice',
  ]);
});

test("the thank-you page's address shows nothing of the request to anyone else", async ({ page, browser }) => {
  await openBookingPage(page);
  await fillAppointment(page);
  await afterHumanPause(page);
  await send(page);
  await expect(page.locator('#request-summary')).toContainText('Dental implants');
  const elsewhere = await browser.newPage();
  await elsewhere.goto(page.url());
  await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText('Thank you, we have your request');
  await expect(elsewhere.locator('#request-summary')).toBeHidden();
  await expect(elsewhere.getByRole('main')).not.toContainText('KC-');
  await elsewhere.close();
});

test('a refused plain form post answers 400 Bad Request, not 400 OK', async ({ request, baseURL }) => {
  const answer = await request.post('/book/', { form: { fullName: '' }, headers: { Origin: baseURL ?? '' } });
  expect(answer.status()).toBe(400);
  expect(answer.statusText()).toBe('Bad Request');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form works: errors come back on the page, then the request is accepted', async ({ page }) => {
    await page.goto('/book/?treatment=root-canal-treatment');
    await send(page);
    await expect(errorSummary(page)).toBeVisible();
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByLabel('Treatment')).toHaveValue('root-canal-treatment');
    await fillAppointment(page);
    await afterHumanPause(page);
    await send(page);
    await expect(page).toHaveURL(/\/book\/thank-you\/\?request=[\w-]+$/);
    await expect(page.locator('.reference')).toHaveText(/^KC-/);
    await expect(page.locator('#request-summary')).toContainText('Root canal treatment');
    // Sealed: the address names neither the reference nor the treatment, and altered it shows nothing.
    const address = page.url();
    expect(address).not.toMatch(/KC-|root-canal/);
    // A character inside the token (the last may carry padding bits a decoder ignores).
    const token = new URL(address).searchParams.get('request') ?? '';
    const altered = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    await page.goto(`/book/thank-you/?request=${altered}`);
    await expect(page.locator('#request-summary')).toBeHidden();
  });
});
