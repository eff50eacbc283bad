import { isTrackerFreeRoute } from '#functions/clinic/consent.ts';
import type { TrackingIds, TrackingService, TrackingServiceId } from '#functions/clinic/tracking-services.ts';
import { deleteCookies } from './cookies.ts';
import { sendTrackedClicks } from './events.ts';
import { loaders } from './loaders.ts';
import { stripQueryFromAddressBar } from './page-url.ts';

export interface ConsentState {
  acceptedServices: ReadonlySet<TrackingServiceId>;
  minor: boolean;
}

export interface TrackingController {
  apply(state: ConsentState): void;
}

/**
 * Loads exactly the granted services and withdraws the rest, within the current page view; the allow-listed
 * clicks (events.ts) go to whichever services are granted. Loaded by main.ts with the first choice that needs it.
 */
export function createTrackingController(
  services: readonly TrackingService[],
  ids: TrackingIds,
  pathname: string,
): TrackingController {
  const granted = new Set<TrackingServiceId>();
  sendTrackedClicks(granted);
  /** When each loaded service's script arrived: one still on its way replays its queued grant when it lands. */
  const arrivals = new Map<TrackingServiceId, Promise<void>>();
  const trackerFree = isTrackerFreeRoute(pathname);

  return {
    apply(state) {
      for (const service of services) {
        const id = ids[service.id];
        if (!id) continue;
        const allowed = state.acceptedServices.has(service.id) && !state.minor && !trackerFree;
        if (allowed && !granted.has(service.id)) {
          stripQueryFromAddressBar();
          const arrived = loaders[service.id].grant(id);
          if (!arrivals.has(service.id)) arrivals.set(service.id, arrived);
          granted.add(service.id);
        } else if (!allowed) {
          if (granted.delete(service.id)) loaders[service.id].revoke(id);
          deleteCookies(service.cookies);
          // A script that arrives after the withdrawal may set its cookies again before it reads the revoke.
          arrivals.get(service.id)?.then(() => {
            if (!granted.has(service.id)) deleteCookies(service.cookies);
          });
        }
      }
    },
  };
}
