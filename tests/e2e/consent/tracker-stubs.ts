import type { BrowserContext, Request } from '@playwright/test';

/** Every host a tracker could contact; the tests answer them locally and record each request. */
export const trackerHostPattern =
  /^https:\/\/([^/]+\.)?(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|clarity\.ms|facebook\.net|facebook\.com|bing\.com)\//;

/** Cookies are set on the registrable domain, as the real tags do with their "auto" cookie domain. */
const parentDomain = `location.hostname.split('.').slice(-2).join('.')`;
const setCookie = (nameExpression: string, value: string) =>
  `document.cookie = ${nameExpression} + ${JSON.stringify(`=${value}; path=/; max-age=86400; domain=`)} + ${parentDomain};`;
const named = (name: string) => JSON.stringify(name);

/** Stand-ins that honour the documented consent APIs of gtag.js, Clarity and the Meta Pixel. */
const stubs: Record<string, string> = {
  gtag: `(() => {
    const id = new URL(document.currentScript.src).searchParams.get('id');
    const state = { analytics: 'denied' };
    const hit = (name, location) => {
      if (window['ga-disable-' + id] || state.analytics !== 'granted') return;
      fetch('https://region1.google-analytics.com/g/collect?v=2&tid=' + id + '&en=' + name + '&dl=' + encodeURIComponent(location), { method: 'POST', mode: 'no-cors' });
    };
    const handle = (entry) => {
      const [command, a, b] = Array.from(entry);
      if (command === 'consent') {
        if (b.analytics_storage) state.analytics = b.analytics_storage;
        if (state.analytics === 'granted') { ${setCookie(named('_ga'), 'GA1.1.111.222')} ${setCookie("'_ga_' + id.slice(2)", 'GS1.1.1')} }
      }
      if (command === 'config') hit('page_view', b.page_location);
      if (command === 'event') hit(a, location.href);
    };
    const dataLayer = (window.dataLayer = window.dataLayer || []);
    dataLayer.forEach(handle);
    const push = dataLayer.push.bind(dataLayer);
    dataLayer.push = (...entries) => { const result = push(...entries); entries.forEach(handle); return result; };
  })();`,
  clarity: `(() => {
    const queued = (window.clarity && window.clarity.q) || [];
    const state = { granted: false };
    const send = (kind) => {
      if (!state.granted) return;
      fetch('https://k.clarity.ms/collect?kind=' + kind + '&url=' + encodeURIComponent(location.href), { method: 'POST', mode: 'no-cors' });
    };
    const handle = ([command, value]) => {
      if (command === 'consentv2') {
        state.granted = value.analytics_Storage === 'granted';
        if (state.granted) { ${setCookie(named('_clck'), 'abc|2|1|0')} ${setCookie(named('_clsk'), 'def|1|0')} send('page'); }
      }
      if (command === 'consent' && value === false) state.granted = false;
      if (command === 'event') send('event');
    };
    window.clarity = (...args) => handle(args);
    queued.forEach(handle);
    document.addEventListener('click', () => send('click'));
  })();`,
  meta: `(() => {
    const fbq = window.fbq;
    const state = { consent: 'revoke', id: null };
    const handle = ([command, a]) => {
      if (command === 'consent') state.consent = a;
      if (command === 'init') { state.id = a; if (state.consent === 'grant') { ${setCookie(named('_fbp'), 'fb.1.1.1')} } }
      if ((command === 'track' || command === 'trackCustom') && state.consent === 'grant' && state.id) {
        new Image().src = 'https://www.facebook.com/tr?id=' + state.id + '&ev=' + a + '&dl=' + encodeURIComponent(location.href);
      }
    };
    fbq.callMethod = (...args) => handle(args);
    fbq.queue.forEach(handle);
    fbq.queue = [];
  })();`,
};

function stubFor(url: URL): string | undefined {
  if (url.hostname === 'www.googletagmanager.com' && url.pathname === '/gtag/js') return stubs.gtag;
  if (url.hostname === 'www.clarity.ms' && url.pathname.startsWith('/tag/')) return stubs.clarity;
  if (url.hostname === 'connect.facebook.net' && url.pathname.endsWith('/fbevents.js')) return stubs.meta;
  return undefined;
}

export type TrackerService = 'ga4' | 'clarity' | 'meta';

export function serviceOf(url: string): TrackerService {
  if (/google/.test(url)) return 'ga4';
  if (/clarity\.ms|bing\.com/.test(url)) return 'clarity';
  return 'meta';
}

/** Routes every tracker host to local stubs and returns the live log of requests the page made to them. */
export async function stubTrackers(context: BrowserContext): Promise<Request[]> {
  const log: Request[] = [];
  context.on('request', (request) => {
    if (trackerHostPattern.test(request.url())) log.push(request);
  });
  await context.route(trackerHostPattern, async (route) => {
    const body = stubFor(new URL(route.request().url()));
    if (body) await route.fulfill({ status: 200, contentType: 'text/javascript', body });
    else await route.fulfill({ status: 204, body: '' });
  });
  return log;
}

export const servicesIn = (log: readonly Request[]) =>
  [...new Set(log.map((request) => serviceOf(request.url())))].sort();
