import { createHash } from 'node:crypto';
import type { BrowserContext, Request } from '@playwright/test';

/** Every host a tracker could contact; the tests answer them locally and record each request. */
export const trackerHostPattern =
  /^https:\/\/([^/]+\.)?(googletagmanager\.com|google-analytics\.com|analytics\.google\.com|clarity\.ms|facebook\.net|facebook\.com|bing\.com)\//;

/** Cookies are set on the registrable domain, as the real tags do with their "auto" cookie domain. */
const parentDomain = `location.hostname.split('.').slice(-2).join('.')`;
const setCookie = (nameExpression: string, value: string) =>
  `document.cookie = ${nameExpression} + ${JSON.stringify(`=${value}; path=/; max-age=86400; domain=`)} + ${parentDomain};`;
const named = (name: string) => JSON.stringify(name);

/**
 * Stand-ins that honour the documented consent APIs of gtag.js, Clarity and the Meta Pixel, and do with forms what
 * the real tags do unless they are told not to:
 * - gtag.js sends enhanced measurement's form interactions (form_start, form_submit with form_id, form_name,
 *   form_destination and form_submit_text), as a data stream with "Form interactions" on does;
 * - Clarity records what is typed into a field, unless the field or a parent carries data-clarity-mask="true";
 * - the Meta Pixel, while its automatic configuration is on (the default, until
 *   `fbq('set', 'autoConfig', false, id)` before `init`), sends button clicks with their text
 *   (SubscribedButtonClick, cd[buttonText]) and automatic advanced matching: the SHA-256 of a normalised email,
 *   phone number or date of birth typed into a form, as ud[em], ud[ph] and ud[db] on every later event.
 */
const stubs: Record<string, string> = {
  gtag: `(() => {
    const id = new URL(document.currentScript.src).searchParams.get('id');
    const state = { analytics: 'denied' };
    const hit = (name, location, params = {}) => {
      if (window['ga-disable-' + id] || state.analytics !== 'granted') return;
      const query = new URLSearchParams({ v: '2', tid: id, en: name, dl: location });
      for (const [key, value] of Object.entries(params)) query.set('ep.' + key, value);
      fetch('https://region1.google-analytics.com/g/collect?' + query, { method: 'POST', mode: 'no-cors' });
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
    const formParams = (form) => ({
      form_id: form.id, form_name: form.getAttribute('name') || '', form_destination: form.action,
      form_length: String(form.elements.length),
    });
    const started = new WeakSet();
    document.addEventListener('focusin', (event) => {
      const form = event.target.form;
      if (form && !started.has(form)) { started.add(form); hit('form_start', location.href, formParams(form)); }
    });
    document.addEventListener('submit', (event) => {
      hit('form_submit', location.href, { ...formParams(event.target), form_submit_text: event.submitter?.textContent || '' });
    });
  })();`,
  clarity: `(() => {
    const queued = (window.clarity && window.clarity.q) || [];
    const state = { granted: false };
    const send = (kind, data = '') => {
      if (!state.granted) return;
      fetch('https://k.clarity.ms/collect?kind=' + kind + '&url=' + encodeURIComponent(location.href), { method: 'POST', mode: 'no-cors', body: data });
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
    document.addEventListener('input', (event) => {
      const field = event.target;
      const masked = field.closest('[data-clarity-mask="true"]') !== null;
      const value = field.type === 'checkbox' ? String(field.checked) : field.value;
      send('input', JSON.stringify({ field: field.name, value: masked ? '•'.repeat(value.length) : value }));
    });
  })();`,
  meta: `(() => {
    const fbq = window.fbq;
    const state = { consent: 'revoke', id: null, autoConfig: {}, userData: {} };
    // fbevents.js hashes with its own SHA-256 (the page need not be a secure context); the stub asks the test's Node.
    const hex = (text) => window.trackerStubSha256(text);
    const automatic = () => state.id && state.autoConfig[state.id] !== false;
    const send = (event, customData = {}) => {
      if (state.consent !== 'grant' || !state.id) return;
      const query = new URLSearchParams({ id: state.id, ev: event, dl: location.href });
      for (const [key, value] of Object.entries(customData)) query.set('cd[' + key + ']', value);
      for (const [key, value] of Object.entries(state.userData)) query.set('ud[' + key + ']', value);
      new Image().src = 'https://www.facebook.com/tr?' + query;
    };
    const handle = ([command, a, b, c]) => {
      if (command === 'consent') state.consent = a;
      if (command === 'set' && a === 'autoConfig') state.autoConfig[c] = b;
      if (command === 'init') { state.id = a; if (state.consent === 'grant') { ${setCookie(named('_fbp'), 'fb.1.1.1')} } }
      if (command === 'track' || command === 'trackCustom') send(a, b || {});
    };
    fbq.callMethod = (...args) => handle(args);
    fbq.queue.forEach(handle);
    fbq.queue = [];
    const matchKey = (field) => {
      const hint = (field.type + ' ' + field.name + ' ' + field.autocomplete).toLowerCase();
      if (/email/.test(hint)) return 'em';
      if (/tel|phone|mobile/.test(hint)) return 'ph';
      if (/bday|birth/.test(hint)) return 'db';
      return undefined;
    };
    document.addEventListener('change', async (event) => {
      const key = automatic() && matchKey(event.target);
      const value = event.target.value?.trim().toLowerCase();
      if (key && value) state.userData[key] = await hex(value);
    });
    document.addEventListener('click', (event) => {
      const button = event.target.closest('button, [type="submit"], a');
      if (button && automatic()) send('SubscribedButtonClick', { buttonText: button.textContent.trim() });
    });
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
  await context.exposeFunction('trackerStubSha256', (text: string) => createHash('sha256').update(text).digest('hex'));
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

/** What a tracker request carried: its address and its body, decoded. */
export function sentIn(request: Request): string {
  const body = request.postData() ?? '';
  return `${decodeURIComponent(request.url())}\n${body}`;
}
