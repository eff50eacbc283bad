/**
 * The site's languages: English at the root, Hindi under /hi/. Astro's i18n routing (astro.config.mjs) is built
 * from this list; the server, the emails and the forms read a page's language from it too. `en` and `hi` name a
 * language in URLs and in stored leads; the BCP 47 tags (en-IN, hi-IN) are what pages, formatters and search
 * engines are given.
 */
export const locales = ['en', 'hi'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export const languageTags: Readonly<Record<Locale, string>> = { en: 'en-IN', hi: 'hi-IN' };
/** Open Graph's spelling of the same. */
export const openGraphLocales: Readonly<Record<Locale, string>> = { en: 'en_IN', hi: 'hi_IN' };
/** Each language in its own words, as the language switch offers it. */
export const languageNames: Readonly<Record<Locale, string>> = { en: 'English', hi: 'हिंदी' };
/** Each language in English, for staff (the CRM, `npm run leads`). */
export const languageNamesInEnglish: Readonly<Record<Locale, string>> = { en: 'English', hi: 'Hindi' };

export function isLocale(value: unknown): value is Locale {
  return (locales as readonly unknown[]).includes(value);
}

/** The prefix of a language's pages: '' for English, '/hi' for Hindi. */
const prefixOf = (locale: Locale) => (locale === defaultLocale ? '' : `/${locale}`);

/** The language of a path: `/hi/treatments/` is Hindi, everything else English. */
export function localeOfPath(pathname: string): Locale {
  return locales.find((locale) => locale !== defaultLocale && isUnder(pathname, prefixOf(locale))) ?? defaultLocale;
}

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

/** The path without its language prefix: `/hi/treatments/` → `/treatments/`, `/hi` → `/`. */
export function pathWithoutLocale(pathname: string): string {
  const prefix = prefixOf(localeOfPath(pathname));
  return pathname.slice(prefix.length) || '/';
}

/** The same page's path in another language (whether that page exists is the site's business). */
export function pathInLocale(locale: Locale, pathname: string): string {
  return `${prefixOf(locale)}${pathWithoutLocale(pathname)}`;
}
