/**
 * The language switch, remembered: the header's switch goes through `GET /language/?to=<page>`, which keeps the
 * choice in a strictly necessary cookie (`site_language`, listed in the cookie policy's table) and sends the
 * visitor on to the page in that language. The only thing the cookie does: a visitor who chose Hindi and comes
 * back to the home page (`/`) is taken to the Hindi home page. Nothing else is redirected, and the browser's
 * language (Accept-Language) is never used to guess: every page says which language it is in and offers the other,
 * and choosing English again is one tap, which the home page then remembers.
 */
import { defaultLocale, isLocale, type Locale, localeOfPath, pathInLocale } from '#functions/clinic/locales.ts';
import { languageCookie } from '#functions/clinic/tracking-services.ts';

export const languageChoicePath = '/language/';

const cookieMaxAgeSeconds = 365 * 24 * 60 * 60;

/** The switch's address for going to `page` (a path of this site, in the target language). */
export function languageChoiceHref(page: string): string {
  return `${languageChoicePath}?${new URLSearchParams({ to: page })}`;
}

export type LanguageChoice = { ok: true; location: string; setCookie: string } | { ok: false; message: string };

/**
 * `to` must be a path on this site (`/hi/treatments/`), never another origin: the switch cannot be used to send
 * someone elsewhere. Its language is the one remembered.
 */
export function chooseLanguage(to: string | null, { secure }: { secure: boolean }): LanguageChoice {
  const base = 'http://site.invalid';
  const target = to?.startsWith('/') ? new URL(to, base) : undefined;
  if (!target || target.origin !== base) {
    return { ok: false, message: 'Give the page to go to as a path of this site, such as to=/hi/.' };
  }
  const locale = localeOfPath(target.pathname);
  const cookie = [
    `${languageCookie.name}=${locale}`,
    'Path=/',
    `Max-Age=${cookieMaxAgeSeconds}`,
    'SameSite=Lax',
    'HttpOnly',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
  return { ok: true, location: `${target.pathname}${target.search}${target.hash}`, setCookie: cookie };
}

/** The language remembered in a request's cookies, if any. */
export function rememberedLanguage(cookieHeader: string | undefined): Locale | undefined {
  const value = new RegExp(`(?:^|;\\s*)${languageCookie.name}=([^;]*)`).exec(cookieHeader ?? '')?.[1];
  return isLocale(value) ? value : undefined;
}

/**
 * Where a request for the English home page goes instead, for a visitor who chose another language: that
 * language's home page, with the same query. Undefined for any other request, or no such choice.
 */
export function homeInRememberedLanguage(
  method: string | undefined,
  url: string | undefined,
  cookieHeader: string | undefined,
): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const [path, query] = (url ?? '').split('?', 2);
  if (path !== '/') return undefined;
  const locale = rememberedLanguage(cookieHeader);
  if (locale === undefined || locale === defaultLocale) return undefined;
  return `${pathInLocale(locale, '/')}${query === undefined ? '' : `?${query}`}`;
}
