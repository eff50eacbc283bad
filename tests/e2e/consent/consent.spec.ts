import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { servicesIn } from './tracker-stubs.ts';
import {
  banner,
  choose,
  cookieSettings,
  preferences,
  startTeenBooking,
  consentTest as test_,
  trackerCookies,
} from './visit.ts';

async function storageOtherThanConsent(page: Page) {
  return page.evaluate(() => ({
    cookies: document.cookie
      .split(';')
      .map((pair) => pair.split('=')[0]?.trim())
      .filter((name) => name && name !== 'cc_cookie'),
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
  }));
}

/** Presses Tab, as a keyboard user would, until the element has focus (at most 60 presses). */
async function tabUntilFocused(page: Page, target: Locator) {
  for (let presses = 0; presses < 60; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
}

test_.describe('before any choice', () => {
  test_(
    'the banner offers Accept all, Reject all and Manage preferences with equal weight, and nothing loads',
    async ({ page, trackerRequests }) => {
      await page.goto('/treatments/dental-implants/?utm_source=newsletter');
      const dialog = banner(page);
      await expect(dialog).toBeVisible();
      const buttons = ['Accept all', 'Reject all', 'Manage preferences'].map((name) =>
        dialog.getByRole('button', { name, exact: true }),
      );
      const looks = await Promise.all(
        buttons.map((button) =>
          button.evaluate((element) => {
            const style = getComputedStyle(element);
            return `${style.backgroundColor} ${style.color} ${style.fontWeight} ${style.fontSize}`;
          }),
        ),
      );
      expect(new Set(looks.slice(0, 2)).size).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(trackerRequests).toEqual([]);
      expect(await storageOtherThanConsent(page)).toEqual({ cookies: [], local: [], session: [] });
    },
  );

  test_('the policy page loads no tracker either and serves the GPC declaration', async ({ page, trackerRequests }) => {
    await page.goto('/cookie-policy/');
    await page.waitForLoadState('networkidle');
    expect(trackerRequests).toEqual([]);
    const gpc = await page.goto('/.well-known/gpc.json');
    expect(await gpc?.json()).toMatchObject({ gpc: true });
  });
});

test_(
  'after "Reject all" nothing loads on this or the next page, and only the consent record is kept',
  async ({ page, context, trackerRequests, receipts }) => {
    await page.goto('/');
    // The first receipt may also open the embedded database, which takes a few seconds on a fresh checkout.
    const stored = page.waitForResponse((response) => response.url().endsWith('/api/consent'), { timeout: 30_000 });
    await banner(page).getByRole('button', { name: 'Reject all' }).click();
    expect((await stored).status()).toBe(201);
    await expect(banner(page)).toBeHidden();
    await page.goto('/treatments/');
    await page.getByRole('link', { name: 'Clear aligners' }).click();
    await page.waitForLoadState('networkidle');
    expect(trackerRequests).toEqual([]);
    expect(await trackerCookies(context)).toEqual([]);
    expect(await storageOtherThanConsent(page)).toEqual({ cookies: [], local: [], session: [] });
    await expect.poll(() => receipts.length).toBe(1);
    expect(receipts[0]).toMatchObject({ acceptType: 'necessary', acceptedCategories: ['necessary'], source: 'banner' });
  },
);

test_('closing the banner with its close button means reject', async ({ page, trackerRequests }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Close and reject optional cookies' }).click();
  await expect(banner(page)).toBeHidden();
  await page.reload();
  await expect(banner(page)).toBeHidden();
  await page.waitForLoadState('networkidle');
  expect(trackerRequests).toEqual([]);
});

test_(
  '"Accept all" loads GA4 in Consent Mode v2 with every signal denied first, plus Clarity and Meta',
  async ({ page, trackerRequests, receipts }) => {
    await page.goto('/treatments/acne-treatment/?utm_source=ad&email=patient%40example.com#faqs');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4', 'meta']);

    const dataLayer = await page.evaluate(() =>
      (window.dataLayer ?? []).map((entry) => Array.from(entry as ArrayLike<unknown>)),
    );
    const commands = dataLayer.map((entry) => `${entry[0]}:${typeof entry[1] === 'string' ? entry[1] : ''}`);
    expect(commands.indexOf('consent:default')).toBe(0);
    expect(commands.indexOf('consent:default')).toBeLessThan(
      commands.findIndex((command) => command.startsWith('config')),
    );
    expect(Object.values(dataLayer[0]?.[2] as Record<string, string>)).toEqual(Array(7).fill('denied'));

    await expect.poll(() => trackerRequests.some((request) => request.url().includes('/g/collect'))).toBe(true);
    for (const request of trackerRequests) {
      expect(request.url()).not.toContain('utm_source');
      expect(request.url()).not.toContain('patient');
      expect(request.url()).not.toContain('faqs');
    }
    await expect
      .poll(() => receipts.at(-1))
      .toMatchObject({
        acceptType: 'all',
        acceptedCategories: ['necessary', 'analytics', 'marketing'],
        acceptedServices: ['ga4', 'clarity', 'meta'],
        source: 'banner',
        privacySignal: 'none',
      });
  },
);

test_('analytics only loads GA4 and Clarity, never Meta', async ({ page, trackerRequests }) => {
  await page.goto('/');
  await choose(page, ['analytics']);
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
  await page.goto('/about/');
  await page.waitForLoadState('networkidle');
  expect(servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
});

test_('marketing only loads the Meta Pixel, with consent granted before init', async ({ page, trackerRequests }) => {
  await page.goto('/');
  await choose(page, ['marketing']);
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['meta']);
  await expect
    .poll(() => trackerRequests.find((request) => request.url().includes('facebook.com/tr'))?.url())
    .toContain('ev=PageView');
});

test_(
  'withdrawing consent from the footer deletes tracker cookies on host and parent domain and stops hits',
  async ({ page, context, trackerRequests, receipts }) => {
    await page.goto('/treatments/teeth-whitening/');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect
      .poll(async () => (await trackerCookies(context)).map((cookie) => cookie.name).sort())
      .toEqual(expect.arrayContaining(['_clck', '_clsk', '_fbp', '_ga']));
    expect((await trackerCookies(context)).every((cookie) => cookie.domain === '.clinic.test')).toBe(true);

    await cookieSettings(page).click();
    await preferences(page).getByRole('button', { name: 'Reject all' }).click();
    await expect(preferences(page)).toBeHidden();
    expect(await trackerCookies(context)).toEqual([]);

    const hitsBefore = trackerRequests.length;
    await page
      .getByRole('link', { name: 'Request an appointment' })
      .last()
      .evaluate((link) => link.addEventListener('click', (event) => event.preventDefault()));
    await page.getByRole('link', { name: 'Request an appointment' }).last().click();
    await page.getByRole('heading', { level: 1 }).click();
    await page.waitForTimeout(500);
    expect(trackerRequests.slice(hitsBefore).map((request) => request.url())).toEqual([]);
    await expect.poll(() => receipts.at(-1)).toMatchObject({ acceptType: 'necessary' });

    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(trackerRequests.slice(hitsBefore)).toEqual([]);
  },
);

test_('the booking page loads no tracker even after "Accept all"', async ({ page, context, trackerRequests }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4', 'meta']);
  const booking = await context.newPage();
  await booking.goto('/book/?treatment=dental-implants');
  await expect(booking.getByRole('heading', { level: 1 })).toBeVisible();
  await booking.getByRole('heading', { level: 1 }).click();
  await booking.waitForTimeout(1000);
  expect(
    trackerRequests.filter((request) => request.frame().page() === booking).map((request) => request.url()),
  ).toEqual([]);
});

test_(
  'a visitor shown to be under 18 has analytics and marketing withdrawn, and they stay off',
  async ({ page, context, trackerRequests, receipts }) => {
    await page.goto('/');
    await banner(page).getByRole('button', { name: 'Accept all' }).click();
    await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4', 'meta']);

    await startTeenBooking(page);
    await page.goto('/');
    await expect.poll(() => trackerCookies(context)).toEqual([]);
    await expect
      .poll(() => receipts.at(-1))
      .toMatchObject({ source: 'minor', acceptedCategories: ['necessary'], privacySignal: 'none' });

    // A fresh tab, so that no late request of the first page can be counted against the later one.
    const later = await context.newPage();
    const requestsFrom = (tab: Page) => trackerRequests.filter((request) => request.frame().page() === tab);
    await later.goto('/about/');
    await later.getByRole('heading', { level: 1 }).click();
    await later.waitForTimeout(1000);
    expect(requestsFrom(later).map((request) => request.url())).toEqual([]);
    expect(await trackerCookies(context)).toEqual([]);
    expect(await context.cookies()).toContainEqual(
      expect.objectContaining({
        name: 'cc_cookie',
        value: expect.stringContaining(encodeURIComponent('"categories":["necessary"]')),
      }),
    );
  },
);

test_(
  "after a teen's booking, the settings explain why tracking stays off, for a parent's phone too, and offer nothing that does nothing",
  async ({ page, receipts }) => {
    // A first visit straight to the booking page: the flag is the browser's first brush with the consent layer.
    await startTeenBooking(page);
    await page.goto('/treatments/');
    await expect(banner(page)).toBeHidden();
    await expect.poll(() => receipts.at(-1)).toMatchObject({ source: 'minor', acceptType: 'necessary' });

    await cookieSettings(page).click();
    const dialog = preferences(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Analytics and marketing are off in this browser, and they stay off');
    await expect(dialog).toContainText('someone using it is under 18');
    await expect(dialog).toContainText('If you are a parent who booked for your child on this phone or computer');
    await expect(dialog.getByRole('checkbox')).toHaveCount(0);
    await expect(dialog.getByRole('button')).toHaveCount(1);
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    await expect(dialog.getByRole('link', { name: 'Your privacy rights' })).toHaveAttribute('href', '/privacy-rights/');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    expect(receipts).toHaveLength(1);
  },
);

test_.describe('Global Privacy Control', () => {
  test_.use({ extraHTTPHeaders: { 'Sec-GPC': '1' } });
  test_.beforeEach(async ({ context }) => {
    await context.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
    );
  });

  test_(
    'keeps marketing off under "Accept all", says so, and records that the signal was present',
    async ({ page, trackerRequests, receipts }) => {
      await page.goto('/');
      await expect(banner(page)).toContainText(
        'Your browser sent Global Privacy Control, so marketing stays off, even if you accept all.',
      );
      await page.waitForLoadState('networkidle');
      expect(trackerRequests).toEqual([]);
      await banner(page).getByRole('button', { name: 'Accept all' }).click();
      await expect(page.getByRole('status')).toContainText(
        'Analytics: on. Marketing: off. Marketing stays off because your browser sent a privacy signal.',
      );
      await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
      await expect
        .poll(() => receipts.at(-1))
        .toMatchObject({
          acceptType: 'custom',
          acceptedCategories: ['necessary', 'analytics'],
          acceptedServices: ['ga4', 'clarity'],
          source: 'gpc',
          privacySignal: 'gpc',
        });

      // The preferences' "Accept all" keeps it off too, and a reload finds it off.
      await cookieSettings(page).click();
      await expect(preferences(page)).toContainText('"Accept all" leaves marketing off');
      await expect(preferences(page).getByRole('checkbox', { name: 'Marketing' })).not.toBeChecked();
      await preferences(page).getByRole('button', { name: 'Accept all' }).click();
      await page.reload();
      await page.waitForLoadState('networkidle');
      expect(servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
      expect(receipts).toHaveLength(1);
    },
  );

  test_(
    'lets a visitor switch marketing on themselves, category by category',
    async ({ page, trackerRequests, receipts }) => {
      await page.goto('/');
      await choose(page, ['marketing']);
      await expect.poll(() => servicesIn(trackerRequests)).toEqual(['meta']);
      await expect
        .poll(() => receipts.at(-1))
        .toMatchObject({
          acceptedCategories: ['necessary', 'marketing'],
          source: 'banner',
          privacySignal: 'gpc',
        });
    },
  );
});

test_.describe('Do Not Track', () => {
  test_.beforeEach(async ({ context }) => {
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' }));
  });

  test_(
    'is honoured as Global Privacy Control is, and recorded as Do Not Track',
    async ({ page, trackerRequests, receipts }) => {
      await page.goto('/');
      await expect(banner(page)).toContainText('Your browser sent Do Not Track, so marketing stays off');
      await banner(page).getByRole('button', { name: 'Accept all' }).click();
      await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
      await expect
        .poll(() => receipts.at(-1))
        .toMatchObject({
          acceptedCategories: ['necessary', 'analytics'],
          source: 'gpc',
          privacySignal: 'dnt',
        });
    },
  );
});

test_('a revision bump asks again, with a note on what changed', async ({ page, context }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const [consent] = (await context.cookies()).filter((cookie) => cookie.name === 'cc_cookie');
  if (!consent) throw new Error('no consent cookie was stored');
  const value = JSON.parse(decodeURIComponent(consent.value)) as { revision: number };
  expect(value.revision).toBe(1);
  await context.addCookies([
    { ...consent, value: encodeURIComponent(JSON.stringify({ ...value, revision: 0 })), expires: consent.expires },
  ]);
  await page.reload();
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('We have changed how this site uses cookies');
});

test_('the choice is kept for at most 12 months', async ({ page, context }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  const consent = (await context.cookies()).find((cookie) => cookie.name === 'cc_cookie');
  const daysLeft = ((consent?.expires ?? 0) * 1000 - Date.now()) / 86_400_000;
  expect(daysLeft).toBeGreaterThan(360);
  expect(daysLeft).toBeLessThanOrEqual(366);
});

test_('every cookie the trackers set is listed in the cookie policy table', async ({ page, context }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(async () => (await trackerCookies(context)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
  const names = (await context.cookies()).map((cookie) => cookie.name);
  await page.goto('/cookie-policy/');
  const listed = await page.locator('.cookie-table tbody th code').allTextContents();
  for (const name of names) {
    expect(
      listed.some((entry) => entry === name || (entry.endsWith('<ID>') && name.startsWith(entry.slice(0, -4)))),
      name,
    ).toBe(true);
  }
});

test_('the banner works with the keyboard alone', async ({ page, trackerRequests }) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const manage = banner(page).getByRole('button', { name: 'Manage preferences' });
  await tabUntilFocused(page, manage);
  await expect(manage).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = preferences(page);
  await expect(dialog).toBeVisible();
  const analytics = dialog.getByRole('checkbox', { name: 'Analytics' });
  await tabUntilFocused(page, analytics);
  await expect(analytics).toBeFocused();
  await page.keyboard.press('Space');
  await expect(analytics).toBeChecked();
  const save = dialog.getByRole('button', { name: 'Save my choices' });
  await tabUntilFocused(page, save);
  await page.keyboard.press('Enter');
  await expect.poll(() => servicesIn(trackerRequests)).toEqual(['clarity', 'ga4']);
});

test_('axe finds no violations with the banner or the preferences open', async ({ page }) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
  await banner(page).getByRole('button', { name: 'Manage preferences' }).click();
  await expect(preferences(page)).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(tags).analyze()).violations.map((v) => v.id)).toEqual([]);
});

test_(
  'the banner speaks Hindi on a Hindi page, and nothing tracks before a choice',
  async ({ page, trackerRequests }) => {
    await page.goto('/hi/about/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi-IN');
    const hindiBanner = page.getByRole('dialog', { name: 'कुकीज़ के बारे में आपकी पसंद' });
    await expect(hindiBanner).toBeVisible();
    await expect(hindiBanner.getByRole('button', { name: 'सभी अस्वीकार करें' })).toBeVisible();
    await expect(hindiBanner.getByRole('button', { name: 'सभी स्वीकार करें' })).toBeVisible();
    await expect(hindiBanner).not.toContainText('Accept all');
    await page.waitForLoadState('networkidle');
    expect(trackerRequests).toEqual([]);
  },
);
