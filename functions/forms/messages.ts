/**
 * The forms' message catalogues, one per language (messages-en.ts, messages-hi.ts), for the server, which answers
 * in the language the form was sent in. A page's island imports its own language's catalogue only.
 */
import { defaultLocale, isLocale, type Locale, locales } from '#functions/clinic/locales.ts';
import { englishFormMessages, type FormMessages } from './messages-en.ts';
import { hindiFormMessages } from './messages-hi.ts';

export type { FormMessages };

export const formMessages: Readonly<Record<Locale, FormMessages>> = { en: englishFormMessages, hi: hindiFormMessages };

/** The language a posted form asks to be answered in: its `locale` field; English without one (or an unknown one). */
export function requestedLocale(body: unknown): Locale {
  const locale = typeof body === 'object' && body !== null ? (body as { locale?: unknown }).locale : undefined;
  return isLocale(locale) ? locale : defaultLocale;
}

/** One of something per language, each made with that language's catalogue (a form's schema, say). */
export function perLocale<T>(make: (messages: FormMessages) => T): Readonly<Record<Locale, T>> {
  return Object.fromEntries(locales.map((locale) => [locale, make(formMessages[locale])])) as Record<Locale, T>;
}
