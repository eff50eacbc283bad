/** How the emails write days, times and places: in the clinic's locale, times in its time zone. */

import { findBranch } from '#functions/clinic/availability.ts';
import { type Branch, type BranchId, clinic } from '#functions/clinic/clinic.ts';
import { defaultLocale, type Locale, languageTags } from '#functions/clinic/locales.ts';

// A calendar date names a day, not an instant: read and written in UTC, no offset can move it to another day.
const day = new Intl.DateTimeFormat(clinic.locale, { dateStyle: 'long', timeZone: 'UTC' });
const momentOptions: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZone: clinic.timeZone,
};
// Hindi says the part of the day ("दोपहर 3:30 बजे"); with a zone name ICU would put it after "बजे", so the zone
// follows in brackets.
const englishMoment = new Intl.DateTimeFormat(languageTags.en, { ...momentOptions, timeZoneName: 'short' });
const hindiMoment = new Intl.DateTimeFormat(languageTags.hi, { ...momentOptions, dayPeriod: 'short' });
const momentInClinic = {
  en: (moment: Date) => englishMoment.format(moment),
  hi: (moment: Date) => `${hindiMoment.format(moment)} (IST)`,
} satisfies Record<Locale, (moment: Date) => string>;

const dayInClinic = {
  en: new Intl.DateTimeFormat(languageTags.en, { dateStyle: 'full', timeZone: clinic.timeZone }),
  hi: new Intl.DateTimeFormat(languageTags.hi, { dateStyle: 'full', timeZone: clinic.timeZone }),
} satisfies Record<Locale, Intl.DateTimeFormat>;

const startOfDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** "1990-05-01" → "1 May 1990" */
export function formatDay(date: string): string {
  return day.format(startOfDay(date));
}

/** An ISO 8601 instant as the clinic's clock shows it: "Monday, 30 November 2026 at 3:30 pm IST". */
export function formatMomentInClinic(isoMoment: string, locale: Locale = defaultLocale): string {
  return momentInClinic[locale](new Date(isoMoment));
}

/** The day an ISO 8601 instant falls on at the clinic: "Wednesday, 23 December 2026", "बुधवार, 23 दिसंबर 2026". */
export function formatDayInClinic(isoMoment: string, locale: Locale = defaultLocale): string {
  return dayInClinic[locale].format(new Date(isoMoment));
}

// Payloads carry ids that were checked against the config when the request was taken.
export function bookedBranch(id: string): Branch {
  return findBranch(id as BranchId);
}

/** "Demo Building, 2nd Floor, 100 Feet Road, Indiranagar, Bengaluru 560038" */
export function branchAddress({ address }: Branch): string {
  return `${address.street}, ${address.locality}, ${address.city} ${address.postalCode}`;
}
