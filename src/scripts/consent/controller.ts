import { isTrackerFreeRoute } from '../../config/consent';
import type { TrackingIds, TrackingService, TrackingServiceId } from '../../config/tracking-services';
import { deleteCookies } from './cookies';
import { loaders } from './loaders';
import { stripQueryFromAddressBar } from './page-url';

export interface ConsentState {
  acceptedServices: ReadonlySet<TrackingServiceId>;
  minor: boolean;
}

/** Loads exactly the granted services and withdraws the rest, within the current page view. */
export function createTrackingController(services: readonly TrackingService[], ids: TrackingIds, pathname: string) {
  const granted = new Set<TrackingServiceId>();
  const trackerFree = isTrackerFreeRoute(pathname);

  return {
    granted: granted as ReadonlySet<TrackingServiceId>,
    apply(state: ConsentState) {
      for (const service of services) {
        const id = ids[service.id];
        if (!id) continue;
        const allowed = state.acceptedServices.has(service.id) && !state.minor && !trackerFree;
        if (allowed && !granted.has(service.id)) {
          stripQueryFromAddressBar();
          loaders[service.id].grant(id);
          granted.add(service.id);
        } else if (!allowed) {
          if (granted.delete(service.id)) loaders[service.id].revoke(id);
          deleteCookies(service.cookies);
        }
      }
    },
  };
}
