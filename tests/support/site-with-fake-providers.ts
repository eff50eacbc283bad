import { type FakeHubSpot, startProvisionedHubSpot } from './fake-hubspot.ts';
import { type FakeResend, startFakeResend } from './fake-resend.ts';
import { freePort } from './postgres-server.ts';
import { fakeProviderSettings } from './provider-settings.ts';
import { startSite } from './server.ts';

export interface SiteWithFakeProviders {
  site: Awaited<ReturnType<typeof startSite>>;
  hubspot: FakeHubSpot;
  resend: FakeResend;
  /** Stops the site, then the fakes. */
  stop(): Promise<void>;
}

/**
 * The built site on a port of its own, its worker delivering to a provisioned fake HubSpot and a fake Resend, the
 * daily purge off; `env` names its store (DATA_DIR or DATABASE_URL) and anything else it needs.
 */
export async function startSiteWithFakeProviders(env: Record<string, string>): Promise<SiteWithFakeProviders> {
  const { fake: hubspot } = await startProvisionedHubSpot();
  const resend = await startFakeResend();
  const port = await freePort();
  const site = await startSite(port, {
    SITE_URL: `http://127.0.0.1:${port}`,
    ...fakeProviderSettings(hubspot, resend),
    RETENTION: 'off',
    ...env,
  });
  return {
    site,
    hubspot,
    resend,
    async stop() {
      await site.stop();
      await hubspot.stop();
      await resend.stop();
    },
  };
}

/** A mobile number of its own for each test, so that each person is a contact of their own. */
export const uniqueMobile = () => `98${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
