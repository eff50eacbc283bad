import { afterAll, beforeAll } from 'vitest';
import type { Deliveries } from '#functions/delivery/delivery.ts';
import { configuredDeliveries } from '#functions/worker/configured-deliveries.ts';
import type { WorkerLogger } from '#functions/worker/worker.ts';
import { type FakeHubSpot, startProvisionedHubSpot } from './fake-hubspot.ts';
import { type FakeResend, startFakeResend } from './fake-resend.ts';
import { testPreferencesUrl } from './preferences-url.ts';
import { fakeProviderSettings } from './provider-settings.ts';

export const testSiteUrl = 'https://www.clinic.test';
export const quietLogger: WorkerLogger = { info: () => {}, warn: () => {}, error: () => {} };

export interface FakeProviders {
  hubspot: FakeHubSpot;
  resend: FakeResend;
  /** The real deliveries, configured from the environment as in production, pointed at the fakes. */
  deliveries: Deliveries;
}

/** Starts a provisioned fake HubSpot and a fake Resend before the suite's tests, and stops them after. */
export function fakeProvidersForSuite(): FakeProviders {
  const providers = {} as FakeProviders;
  beforeAll(async () => {
    ({ fake: providers.hubspot } = await startProvisionedHubSpot());
    providers.resend = await startFakeResend();
    providers.deliveries = configuredDeliveries(
      { ...fakeProviderSettings(providers.hubspot, providers.resend), SITE_URL: testSiteUrl },
      { preferencesUrl: testPreferencesUrl(testSiteUrl) },
    ).deliveries;
  });
  afterAll(async () => {
    await providers.hubspot.stop();
    await providers.resend.stop();
  });
  return providers;
}
