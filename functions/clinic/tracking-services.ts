/**
 * Every third-party service the site can load, with the cookies it sets. The consent banner, the loaders
 * and the cookie policy's table are all generated from this registry, so they cannot drift apart.
 * Plain TypeScript with no Astro imports; a service whose ID is not configured is left out everywhere.
 */

export type ConsentCategory = 'necessary' | 'analytics' | 'marketing';

export interface CookieFact {
  name: string;
  /** Cookie names that end in a suffix chosen by the service (e.g. `_ga_<container id>`). */
  prefix?: boolean;
  duration: string;
  purpose: string;
}

/** Hosts a service loads from or sends to: the CSP allows them only where the service is configured. */
export interface ServiceHosts {
  script: readonly string[];
  connect: readonly string[];
  img: readonly string[];
}

export interface TrackingService {
  id: 'ga4' | 'clarity' | 'meta';
  category: Exclude<ConsentCategory, 'necessary'>;
  label: string;
  provider: string;
  purpose: string;
  cookies: readonly CookieFact[];
  hosts: ServiceHosts;
}

/** The consent record itself: the only cookie set before the visitor chooses. */
export const consentCookie: CookieFact = {
  name: 'cc_cookie',
  duration: '12 months',
  purpose: 'Remembers your cookie choices and when you made them. Holds no personal details.',
};

/**
 * The language a visitor picked with the language switch (`en` or `hi`): set by the site (functions/http/
 * language-choice.ts) only when they pick one, read only by the site, to open the home page in it.
 */
export const languageCookie: CookieFact = {
  name: 'site_language',
  duration: '12 months',
  purpose:
    'Remembers the language you chose with the language switch (English or Hindi), so that the home page opens in it. Set only when you choose; holds nothing else.',
};

/** The strictly necessary cookies: the site's own, never used for analytics or advertising. */
export const necessaryCookies: readonly CookieFact[] = [consentCookie, languageCookie];

export const trackingServices = [
  {
    id: 'ga4',
    category: 'analytics',
    label: 'Google Analytics 4',
    provider: 'Google LLC',
    purpose: 'Counts visits and the pages viewed, so we know which information patients find useful.',
    cookies: [
      { name: '_ga', duration: '2 years', purpose: 'Distinguishes one browser from another.' },
      { name: '_ga_', prefix: true, duration: '2 years', purpose: 'Keeps the state of the current visit.' },
      { name: '_gid', duration: '24 hours', purpose: 'Distinguishes browsers within a day.' },
      { name: '_gcl_', prefix: true, duration: '90 days', purpose: 'Google advertising click measurement, if linked.' },
    ],
    hosts: {
      script: ['https://www.googletagmanager.com'],
      connect: ['https://*.google-analytics.com', 'https://*.analytics.google.com', 'https://*.googletagmanager.com'],
      img: ['https://*.google-analytics.com', 'https://*.googletagmanager.com'],
    },
  },
  {
    id: 'clarity',
    category: 'analytics',
    label: 'Microsoft Clarity',
    provider: 'Microsoft Corporation',
    purpose: 'Records clicks and scrolling, with every form field masked, so we can find confusing pages.',
    cookies: [
      { name: '_clck', duration: '12 months', purpose: 'Keeps the same anonymous Clarity user ID between visits.' },
      { name: '_clsk', duration: '1 day', purpose: 'Joins the page views of one visit into a session.' },
    ],
    hosts: {
      script: ['https://www.clarity.ms', 'https://scripts.clarity.ms'],
      connect: ['https://*.clarity.ms', 'https://c.bing.com'],
      img: ['https://*.clarity.ms', 'https://c.bing.com'],
    },
  },
  {
    id: 'meta',
    category: 'marketing',
    label: 'Meta Pixel',
    provider: 'Meta Platforms Ireland Ltd.',
    purpose: 'Measures whether our Facebook and Instagram adverts lead people to the site.',
    cookies: [
      { name: '_fbp', duration: '90 days', purpose: 'Identifies the browser for advert measurement.' },
      { name: '_fbc', duration: '90 days', purpose: 'Stores the advert click that brought you here.' },
    ],
    hosts: {
      script: ['https://connect.facebook.net'],
      connect: ['https://www.facebook.com', 'https://connect.facebook.net'],
      img: ['https://www.facebook.com'],
    },
  },
] as const satisfies readonly TrackingService[];

export type TrackingServiceId = (typeof trackingServices)[number]['id'];
export type TrackingIds = Partial<Record<TrackingServiceId, string | undefined>>;

/** The services that can load on this deployment: those whose ID is configured. */
export function configuredServices(ids: TrackingIds): TrackingService[] {
  return trackingServices.filter((service) => Boolean(ids[service.id]?.trim()));
}

/** The CSP sources the configured services need: nothing at all when none is configured. */
export function cspSourcesFor(services: readonly TrackingService[]): ServiceHosts {
  const merge = (kind: keyof ServiceHosts) => [...new Set(services.flatMap((service) => service.hosts[kind]))];
  return { script: merge('script'), connect: merge('connect'), img: merge('img') };
}
