import type { TrackingServiceId } from '#functions/clinic/tracking-services.ts';

/**
 * The only custom events trackers may receive, with the only parameters each may carry. Nothing typed by a
 * visitor, and no identifier of a person, can pass through here.
 */
const allowedEvents = {
  booking_cta_click: ['specialty'],
} as const satisfies Record<string, readonly string[]>;

type AllowedEvent = keyof typeof allowedEvents;
const specialtyValues = new Set(['dental', 'skin', 'hair']);

export function isAllowedEvent(name: string): name is AllowedEvent {
  return Object.hasOwn(allowedEvents, name);
}

/** Keeps only allow-listed parameters whose values come from a fixed vocabulary. */
export function allowedParams(name: AllowedEvent, params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    allowedEvents[name].flatMap((key) => {
      const value = params[key];
      return value && specialtyValues.has(value) ? [[key, value]] : [];
    }),
  );
}

function sendEvent(granted: ReadonlySet<TrackingServiceId>, name: AllowedEvent, params: Record<string, string>): void {
  if (granted.has('ga4')) window.gtag?.('event', name, params);
  if (granted.has('clarity')) window.clarity?.('event', name);
  if (granted.has('meta')) window.fbq?.('trackCustom', name, params);
}

/** Sends a click on a `data-track-event` element to the services granted at the time, as its allow-listed event. */
export function sendTrackedClicks(granted: ReadonlySet<TrackingServiceId>): void {
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest<HTMLElement>('[data-track-event]');
    const name = target?.dataset.trackEvent;
    if (target && name && isAllowedEvent(name)) {
      sendEvent(granted, name, allowedParams(name, { specialty: target.dataset.trackSpecialty }));
    }
  });
}
