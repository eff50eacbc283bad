/**
 * Attribution capture, loaded only once a visitor allows marketing (it would otherwise weigh on every page's
 * script budget). See handoff.ts for where it is kept and who reads it.
 */
import { attempt, handoffKeys } from './handoff.ts';

const queryParameters = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content', 'gclid', 'fbclid'];

/** Notes this visit's arrival once per session: call before a tracker strips the query string. */
export function rememberArrival(location: URL, referrer: string): void {
  attempt(() => {
    if (sessionStorage.getItem(handoffKeys.attribution) !== null) return;
    const query = new URLSearchParams(location.search);
    const arrival: Record<string, string> = { landingPage: location.pathname };
    for (const name of queryParameters) {
      const value = query.get(name);
      if (value) arrival[name] = value;
    }
    if (referrer && !referrer.startsWith(`${location.origin}/`)) arrival.referrer = referrer;
    sessionStorage.setItem(handoffKeys.attribution, JSON.stringify(arrival));
  });
}
