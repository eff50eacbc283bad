import { parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { clinic } from './clinic.ts';
import { defaultLocale, type Locale, languageTags, locales } from './locales.ts';

/** "+918055500101" → "+91 80 5550 0101" */
export function formatPhone(e164: string): string {
  return parsePhoneNumberWithError(e164).formatInternational();
}

/** The digits-only form WhatsApp's click-to-chat links expect. */
export function whatsappLink(e164: string, message?: string): string {
  const url = new URL(`https://wa.me/${e164.replace(/\D/g, '')}`);
  if (message) url.searchParams.set('text', message);
  return url.href;
}

/** One formatter per language, made once. */
const perLocale = <T>(make: (tag: string) => T) =>
  Object.fromEntries(locales.map((locale) => [locale, make(languageTags[locale])])) as Record<Locale, T>;

const rupees = perLocale(
  (tag) => new Intl.NumberFormat(tag, { style: 'currency', currency: clinic.currency, maximumFractionDigits: 0 }),
);

/** 150000 → "₹1,50,000" (Indian digit grouping in both languages). */
export function formatRupees(amount: number, locale: Locale = defaultLocale): string {
  return rupees[locale].format(amount);
}

export function formatPriceRange(
  price: { from: number; to: number; unit: string },
  locale: Locale = defaultLocale,
): string {
  const range =
    price.from === price.to
      ? formatRupees(price.from, locale)
      : `${formatRupees(price.from, locale)} – ${formatRupees(price.to, locale)}`;
  return `${range} ${price.unit}`;
}

const longDate = perLocale((tag) => new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: clinic.timeZone }));

/** "23 November 2026", "23 नवंबर 2026" */
export function formatLongDate(date: Date, locale: Locale = defaultLocale): string {
  return longDate[locale].format(date);
}

/** A plain link to the branch on a map: nothing loads from the map provider until the visitor follows it. */
export function mapLink(branch: { geo: { latitude: number; longitude: number } }): string {
  const url = new URL('https://www.google.com/maps/search/');
  url.searchParams.set('api', '1');
  url.searchParams.set('query', `${branch.geo.latitude},${branch.geo.longitude}`);
  return url.href;
}
