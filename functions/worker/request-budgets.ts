/**
 * The providers' request budgets, kept in the database so that every process delivering to one account (every
 * server's worker, every `npm run worker`) shares one: HubSpot's 100 requests per 10 s (and its daily limit) and
 * Resend's 2 per second are the account's, not each process's.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { RequestBudget } from '#functions/delivery/delivery.ts';
import { defaultRequestsPerTenSeconds } from '#functions/delivery/hubspot/client.ts';
import type { Settings } from '#functions/settings/settings.ts';
import { blockProvider, type RequestWindow, takeProviderRequest } from '#functions/store/provider-budgets.ts';
import type { Database } from '#functions/store/schema.ts';

// A provider counts its window where the requests arrive: one taken just after the window moved on here can land
// inside it there. Counting a little longer window keeps every window there within the limit.
const arrivalMarginMs = { hubspot: 1_000, resend: 100 };

export function providerWindows(settings: Pick<Settings, 'HUBSPOT_REQUESTS_PER_10S'>) {
  return {
    hubspot: {
      limit: settings.HUBSPOT_REQUESTS_PER_10S ?? defaultRequestsPerTenSeconds,
      windowMs: 10_000 + arrivalMarginMs.hubspot,
    },
    resend: { limit: 2, windowMs: 1_000 + arrivalMarginMs.resend },
  } satisfies Record<string, RequestWindow>;
}

export function databaseRequestBudget(db: Kysely<Database>, provider: string, window: RequestWindow): RequestBudget {
  return {
    async take() {
      for (let wait = await takeProviderRequest(db, provider, window); wait > 0; ) {
        await sleep(wait);
        wait = await takeProviderRequest(db, provider, window);
      }
    },
    holdOff: (ms) => blockProvider(db, provider, ms),
  };
}

export function sharedRequestBudgets(db: Kysely<Database>, settings: Pick<Settings, 'HUBSPOT_REQUESTS_PER_10S'>) {
  const windows = providerWindows(settings);
  return {
    hubspot: databaseRequestBudget(db, 'hubspot', windows.hubspot),
    resend: databaseRequestBudget(db, 'resend', windows.resend),
  };
}
