import { defineConfig, devices } from '@playwright/test';
import { e2eLinkSigningKey } from './tests/support/e2e-settings.ts';

const port = Number(process.env.E2E_PORT ?? 4411);
export const baseURL = `http://127.0.0.1:${port}`;

/** Debian's Chromium: Playwright's own browser download is not available on these machines. */
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { baseURL, launchOptions, trace: 'retain-on-failure' },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], launchOptions }, testIgnore: /phone\.spec\.ts|consent\// },
    { name: 'phone', use: { ...devices['Pixel 7'], launchOptions }, testMatch: /phone\.spec\.ts/ },
    {
      // A real domain name, so that cookies on the parent domain (as trackers set them) can be tested.
      name: 'consent',
      testMatch: /consent\/.*\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: `http://www.clinic.test:${port}`,
        launchOptions: {
          ...launchOptions,
          args: [
            ...launchOptions.args,
            '--host-resolver-rules=MAP www.clinic.test 127.0.0.1, MAP clinic.test 127.0.0.1',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx functions/http/server.ts',
    url: `${baseURL}/healthz`,
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: '.data/e2e', LINK_SIGNING_KEY: e2eLinkSigningKey },
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
