/**
 * The deliveries the environment has settings for. A provider whose settings are missing is left out, so its
 * jobs wait in the outbox (counted when the worker starts) until it is configured and the worker restarts.
 */
import type { Deliveries } from '../delivery/delivery.ts';
import { createEmailDeliveries } from '../delivery/email/deliveries.ts';
import { createHubSpotDeliveries } from '../delivery/hubspot/deliveries.ts';

export interface ConfiguredDeliveries {
  deliveries: Deliveries;
  /** The unset environment variables that leave a provider out. */
  missing: string[];
}

const requiredVariables = ['HUBSPOT_ACCESS_TOKEN', 'RESEND_API_KEY', 'EMAIL_FROM', 'FRONT_DESK_EMAIL', 'SITE_URL'];

export function configuredDeliveries(env: Record<string, string | undefined>): ConfiguredDeliveries {
  const {
    HUBSPOT_ACCESS_TOKEN: accessToken,
    HUBSPOT_BASE_URL: basePath,
    HUBSPOT_REQUESTS_PER_10S: requestsPerTenSeconds,
    RESEND_API_KEY: apiKey,
    RESEND_BASE_URL: baseUrl,
    EMAIL_FROM: from,
    FRONT_DESK_EMAIL: frontDeskEmail,
    SITE_URL: siteUrl,
  } = env;
  const deliveries: Deliveries = {
    ...(accessToken &&
      createHubSpotDeliveries({
        accessToken,
        ...(basePath && { basePath }),
        // The account's limit is shared by every app on it: raise this only for a higher tier's headroom.
        ...(Number(requestsPerTenSeconds) > 0 && { requestsPerTenSeconds: Number(requestsPerTenSeconds) }),
      })),
    ...(apiKey &&
      from &&
      frontDeskEmail &&
      siteUrl &&
      createEmailDeliveries({ apiKey, from, frontDeskEmail, siteUrl, ...(baseUrl && { baseUrl }) })),
  };
  return { deliveries, missing: requiredVariables.filter((name) => !env[name]) };
}
