import { parsePhoneNumberWithError } from 'libphonenumber-js/min';
import { clinic } from './clinic.ts';

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

const rupees = new Intl.NumberFormat(clinic.locale, {
  style: 'currency',
  currency: clinic.currency,
  maximumFractionDigits: 0,
});

export function formatRupees(amount: number): string {
  return rupees.format(amount);
}

export function formatPriceRange(price: { from: number; to: number; unit: string }): string {
  const range =
    price.from === price.to ? formatRupees(price.from) : `${formatRupees(price.from)} – ${formatRupees(price.to)}`;
  return `${range} ${price.unit}`;
}

const longDate = new Intl.DateTimeFormat(clinic.locale, { dateStyle: 'long', timeZone: clinic.timeZone });

export function formatLongDate(date: Date): string {
  return longDate.format(date);
}

/** A plain link to the branch on a map: nothing loads from the map provider until the visitor follows it. */
export function mapLink(branch: { geo: { latitude: number; longitude: number } }): string {
  const url = new URL('https://www.google.com/maps/search/');
  url.searchParams.set('api', '1');
  url.searchParams.set('query', `${branch.geo.latitude},${branch.geo.longitude}`);
  return url.href;
}
