/**
 * Which pages exist in which language, and the addresses of a page's twins. A page has a Hindi twin when
 * src/pages/hi/ has a route for its path (a dynamic route has one for every entry: content twins are checked).
 * Links to a page are made in the visitor's language when it has a twin there, and lead to the English page
 * otherwise, so that adding a twin later (the booking form, the policies) turns every link to it Hindi at once.
 */
import { getRelativeLocaleUrl } from 'astro:i18n';
import {
  defaultLocale,
  isLocale,
  type Locale,
  localeOfPath,
  locales,
  pathWithoutLocale,
} from '#functions/clinic/locales.ts';
import { languageChoiceHref } from '#functions/http/language-choice.ts';

/** A route file (`/src/pages/hi/treatments/[id].astro`) as a pattern over the English path it translates. */
export function routePattern(file: string, pagesRoot: string): RegExp {
  const route = file
    .slice(pagesRoot.length)
    .replace(/\.(astro|ts)$/, '')
    .replace(/(^|\/)index$/, '');
  const pattern = route
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith('[...')
        ? '.*'
        : segment.startsWith('[')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^/${pattern}${pattern ? '/?' : ''}$`);
}

const hindiRoutes = Object.keys(import.meta.glob(['/src/pages/hi/**/*.astro', '!/src/pages/hi/**/_*'])).map((file) =>
  routePattern(file, '/src/pages/hi'),
);

/** Whether the page at this (English) path also exists in `locale`. */
export function hasTwin(locale: Locale, path: string): boolean {
  if (locale === defaultLocale) return true;
  const page = pathWithoutLocale(path);
  return hindiRoutes.some((route) => route.test(page));
}

/**
 * A site path (written as its English address, with any query or fragment) in `locale` where that page has a
 * twin in it, else as it is: `/treatments/#dental` → `/hi/treatments/#dental`, `/book/` → `/book/`.
 */
export function localizedPath(locale: Locale, path: string): string {
  const [, page = path, rest = ''] = /^([^?#]*)(.*)$/.exec(path) ?? [];
  if (!page.startsWith('/') || !hasTwin(locale, page)) return path;
  return `${getRelativeLocaleUrl(locale, pathWithoutLocale(page).slice(1))}${rest}`;
}

/** The page's language, as Astro's i18n routing read it from the address. */
export function pageLocale(astro: { currentLocale: string | undefined; url: URL }): Locale {
  return isLocale(astro.currentLocale) ? astro.currentLocale : localeOfPath(astro.url.pathname);
}

/** The same page in every language it has (for hreflang and the language switch); the current one included. */
export function twinsOf(pathname: string): { locale: Locale; path: string }[] {
  const page = pathWithoutLocale(pathname);
  return locales
    .filter((locale) => hasTwin(locale, page))
    .map((locale) => ({ locale, path: localizedPath(locale, page) }));
}

/**
 * The language switch's link to `locale`: this page in it where it has a twin there, with the same query (a signed
 * link's token means the same in every language), else that language's home page, through the address that
 * remembers the choice (functions/http/language-choice.ts).
 */
export function languageSwitchHref(locale: Locale, pathname: string, search = ''): string {
  const page = pathWithoutLocale(pathname);
  return languageChoiceHref(
    hasTwin(locale, page) ? `${localizedPath(locale, page)}${search}` : localizedPath(locale, '/'),
  );
}

/** Every `href="/…"` in the strings of `value` (HTML written with English addresses) made the page's language's. */
export function localizedLinks<T>(value: T, locale: Locale): T {
  if (typeof value === 'string') {
    return value.replace(/href="(\/[^"]*)"/g, (_, href: string) => `href="${localizedPath(locale, href)}"`) as T;
  }
  if (Array.isArray(value)) return value.map((item) => localizedLinks(item, locale)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, localizedLinks(item, locale)])) as T;
  }
  return value;
}
