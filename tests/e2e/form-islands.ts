import type { Page } from '@playwright/test';

/**
 * The form islands hydrate on the visitor's first interaction (client:interaction): focus the form's first field,
 * as a visitor would, and wait until the island has hydrated (Astro drops its `ssr` attribute then).
 */
export async function hydrateForm(page: Page): Promise<void> {
  await page.locator('main form').locator('input:visible, select:visible, textarea:visible').first().focus();
  await page.locator('astro-island:not([ssr])').waitFor();
}
