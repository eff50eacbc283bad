/**
 * The deliveries the settings configure. A provider whose settings are missing is left out, so its jobs wait in
 * the outbox (counted when the worker starts) until it is configured and the worker restarts.
 */
import type { Deliveries, RequestBudget } from '#functions/delivery/delivery.ts';
import { createEmailDeliveries } from '#functions/delivery/email/deliveries.ts';
import { createHubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import type { PreferencesUrl } from '#functions/outbox/jobs.ts';
import type { SettingName, Settings } from '#functions/settings/settings.ts';

export interface ConfiguredDeliveries {
  deliveries: Deliveries;
  /** The unset settings that leave a provider out. */
  missing: SettingName[];
}

type DeliverySettings = Partial<
  Pick<
    Settings,
    | 'HUBSPOT_ACCESS_TOKEN'
    | 'HUBSPOT_BASE_URL'
    | 'HUBSPOT_REQUESTS_PER_10S'
    | 'RESEND_API_KEY'
    | 'RESEND_BASE_URL'
    | 'EMAIL_FROM'
    | 'FRONT_DESK_EMAIL'
    | 'SITE_URL'
  >
>;

const requiredSettings = [
  'HUBSPOT_ACCESS_TOKEN',
  'RESEND_API_KEY',
  'EMAIL_FROM',
  'FRONT_DESK_EMAIL',
  'SITE_URL',
] as const satisfies readonly (keyof DeliverySettings)[];

/** The providers' shared request budgets (request-budgets.ts); without them, each client paces its own process. */
export interface ProviderBudgets {
  hubspot: RequestBudget;
  resend: RequestBudget;
}

/**
 * `preferencesUrl` signs the preferences link of each email to a person (functions/preferences/preference-links.ts:
 * the key may be the database's).
 */
export function configuredDeliveries(
  settings: DeliverySettings,
  { preferencesUrl, budgets }: { preferencesUrl: PreferencesUrl; budgets?: ProviderBudgets | undefined },
): ConfiguredDeliveries {
  const {
    HUBSPOT_ACCESS_TOKEN: accessToken,
    HUBSPOT_BASE_URL: basePath,
    HUBSPOT_REQUESTS_PER_10S: requestsPerTenSeconds,
    RESEND_API_KEY: apiKey,
    RESEND_BASE_URL: baseUrl,
    EMAIL_FROM: from,
    FRONT_DESK_EMAIL: frontDeskEmail,
    SITE_URL: siteUrl,
  } = settings;
  const deliveries: Deliveries = {
    ...(accessToken &&
      createHubSpotDeliveries({
        accessToken,
        ...(basePath && { basePath }),
        // The account's limit is shared by every app on it: raise this only for a higher tier's headroom.
        ...(requestsPerTenSeconds && { requestsPerTenSeconds }),
        ...(budgets && { budget: budgets.hubspot }),
      })),
    ...(apiKey &&
      from &&
      frontDeskEmail &&
      siteUrl &&
      createEmailDeliveries({
        apiKey,
        from,
        frontDeskEmail,
        siteUrl,
        preferencesUrl,
        ...(baseUrl && { baseUrl }),
        ...(budgets && { budget: budgets.resend }),
      })),
  };
  return { deliveries, missing: requiredSettings.filter((name) => !settings[name]) };
}
