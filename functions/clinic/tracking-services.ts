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
export const consentCookie = {
  name: 'cc_cookie',
  duration: '12 months',
  purpose: 'Remembers your cookie choices and when you made them. Holds no personal details.',
} as const satisfies CookieFact;

/**
 * The language a visitor picked with the language switch (`en` or `hi`): set by the site (functions/http/
 * language-choice.ts) only when they pick one, read only by the site, to open the home page in it.
 */
export const languageCookie = {
  name: 'site_language',
  duration: '12 months',
  purpose:
    'Remembers the language you chose with the language switch (English or Hindi), so that the home page opens in it. Set only when you choose; holds nothing else.',
} as const satisfies CookieFact;

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

type CookieName =
  | (typeof trackingServices)[number]['cookies'][number]['name']
  | typeof consentCookie.name
  | typeof languageCookie.name;

/**
 * Each cookie's lifetime and purpose as the Hindi cookie policy states them (the compiler asks for every cookie
 * above). Apart from the registry so that the consent banner, which reads the registry, does not carry them.
 */
export const cookieFactsInHindi: Readonly<Record<CookieName, Pick<CookieFact, 'duration' | 'purpose'>>> = {
  cc_cookie: {
    duration: '12 महीने',
    purpose: 'कुकीज़ के बारे में आपकी पसंद और उसे चुनने का समय याद रखती है। इसमें कोई व्यक्तिगत जानकारी नहीं होती।',
  },
  site_language: {
    duration: '12 महीने',
    purpose:
      'भाषा बदलने वाले लिंक से चुनी गई आपकी भाषा (English या हिंदी) याद रखती है, ताकि होम पेज उसी भाषा में खुले। सिर्फ़ तब लगती है जब आप भाषा चुनें; इसमें और कुछ नहीं होता।',
  },
  _ga: { duration: '2 साल', purpose: 'एक ब्राउज़र को दूसरे से अलग पहचानती है।' },
  _ga_: { duration: '2 साल', purpose: 'मौजूदा विज़िट की स्थिति रखती है।' },
  _gid: { duration: '24 घंटे', purpose: 'एक दिन के भीतर ब्राउज़रों को अलग पहचानती है।' },
  _gcl_: { duration: '90 दिन', purpose: 'Google विज्ञापन पर क्लिक का माप, अगर जुड़ा हो।' },
  _clck: { duration: '12 महीने', purpose: 'विज़िट के बीच Clarity की वही गुमनाम यूज़र ID बनाए रखती है।' },
  _clsk: { duration: '1 दिन', purpose: 'एक विज़िट में देखे गए पेजों को एक सेशन में जोड़ती है।' },
  _fbp: { duration: '90 दिन', purpose: 'विज्ञापन मापने के लिए ब्राउज़र की पहचान करती है।' },
  _fbc: { duration: '90 दिन', purpose: 'उस विज्ञापन-क्लिक को याद रखती है जो आपको यहां लाया।' },
};
