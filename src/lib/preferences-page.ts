/**
 * What the preferences page does, in either language. Opening the link shows the person's current choices (mail
 * scanners open links too: showing changes nothing); each button posts the token, the choice and the new state to
 * the page, which changes it and redirects back to the page (303), saying what was done. A plain form, so it works
 * without JavaScript; Astro's origin check and the forms' rate limit hold for it as for the other forms.
 */
import type { AstroGlobal } from 'astro';
import { formMessages } from '#functions/forms/messages.ts';
import { readFormBody } from '#functions/http/request-body.ts';
import { type ContactChoice, contactChoices } from '#functions/outbox/jobs.ts';
import type { PreferencesView } from '#functions/preferences/preferences.ts';
import { pageLocale } from './i18n.ts';
import { brokenLinkPages } from './link-token.ts';
import { setPageStatus } from './page-status.ts';
import { siteOf } from './site.ts';

type PreferencesAstro = Pick<
  AstroGlobal,
  'request' | 'url' | 'locals' | 'response' | 'redirect' | 'clientAddress' | 'currentLocale'
>;

/** What the page says it has just done: `emailNews-off`, `whatsappUpdates-on`. */
export interface PreferenceDone {
  choice: ContactChoice;
  on: boolean;
}

export type PreferencesPageState =
  | { outcome: 'ready'; token: string; view: PreferencesView; done?: PreferenceDone; refusal?: string }
  | { outcome: 'invalid' | 'gone' };

const doneParameter = 'done';
const doneValue = ({ choice, on }: PreferenceDone) => `${choice}-${on ? 'on' : 'off'}`;

function readDone(value: string | null): PreferenceDone | undefined {
  const [choice, state] = value?.split('-') ?? [];
  const known = contactChoices.find((name) => name === choice);
  return known && (state === 'on' || state === 'off') ? { choice: known, on: state === 'on' } : undefined;
}

function failed(astro: PreferencesAstro, outcome: 'invalid' | 'gone'): PreferencesPageState {
  setPageStatus(astro.response, outcome === 'invalid' ? brokenLinkPages.invalid.status : 410);
  return { outcome };
}

export async function preferencesPage(astro: PreferencesAstro): Promise<PreferencesPageState | Response> {
  const { preferences } = siteOf(astro.locals);
  astro.response.headers.set('Cache-Control', 'no-store');
  if (astro.request.method !== 'POST') {
    const token = astro.url.searchParams.get('token') ?? '';
    const view = await preferences.view(token);
    if (typeof view === 'string') return failed(astro, view);
    // Said only while it is true: the address can be opened again later, or made up.
    const done = readDone(astro.url.searchParams.get(doneParameter));
    return { outcome: 'ready', token, view, ...(done && view.choices[done.choice].on === done.on && { done }) };
  }

  const form = await readFormBody(astro.request, 2048);
  const field = (name: string) => (form.ok ? form.value.get(name) : null);
  const token = typeof field('token') === 'string' ? String(field('token')) : '';
  const choice = contactChoices.find((name) => name === field('choice'));
  const on = field('on');
  const messages = formMessages[pageLocale(astro)].submission;
  if (!choice || (on !== 'true' && on !== 'false')) {
    const view = await preferences.view(token);
    if (typeof view === 'string') return failed(astro, view);
    setPageStatus(astro.response, 400);
    return { outcome: 'ready', token, view, refusal: messages.unreadable };
  }
  const allowed = await preferences.rateLimit(astro.locals.clientAddress ?? astro.clientAddress);
  if (!allowed.allowed) {
    const view = await preferences.view(token);
    if (typeof view === 'string') return failed(astro, view);
    setPageStatus(astro.response, 429);
    astro.response.headers.set('Retry-After', String(allowed.retryAfterSeconds));
    return { outcome: 'ready', token, view, refusal: messages.rateLimited(allowed.retryAfterSeconds) };
  }
  const changed = await preferences.change(token, choice, on === 'true');
  if (typeof changed === 'string') return failed(astro, changed);
  if (changed.result === 'not-allowed') {
    setPageStatus(astro.response, 409);
    return { outcome: 'ready', token, view: changed.view };
  }
  const next = new URL(astro.url.pathname, astro.url);
  next.searchParams.set('token', token);
  next.searchParams.set(doneParameter, doneValue({ choice, on: on === 'true' }));
  return astro.redirect(`${next.pathname}${next.search}`, 303);
}
