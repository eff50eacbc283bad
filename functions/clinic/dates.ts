/**
 * Calendar dates as "YYYY-MM-DD" strings (they sort in date order). Arithmetic on a day is done in UTC,
 * which has no offset changes: in the clinic's zone, 1900 had another offset and a day could slip into the
 * one before. The clinic's today comes from clinic-today.ts, on the server: the browser has no need of the
 * time zone data, as the server renders a form with its today.
 */
import { UTCDate } from '@date-fns/utc';
// One module per function: the package's index loads all of date-fns, which takes Node over a second.
// formatISO rather than format, which would bring its English locale into the booking page's island.
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { formatISO } from 'date-fns/formatISO';
import { getISODay } from 'date-fns/getISODay';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { type Weekday, weekdays } from './clinic.ts';
import { defaultLocale, type Locale, languageTags } from './locales.ts';

export const calendarDate = { representation: 'date' } as const;
const inUtc = (value: Date | number | string) => new UTCDate(value);

const fromCalendarDate = (date: string) => parseISO(date, { in: inUtc });

/** True for an existing day written as YYYY-MM-DD (so not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(fromCalendarDate(text));
}

export function addDaysTo(date: string, days: number): string {
  return formatISO(addDays(fromCalendarDate(date), days), calendarDate);
}

/** Adding years to 29 February lands on 28 February in a year without one. */
export function addYearsTo(date: string, years: number): string {
  return formatISO(addYears(fromCalendarDate(date), years), calendarDate);
}

export function weekdayOf(date: string): Weekday {
  // ISO numbers the days from 1 for Monday, the config's order.
  return weekdays[getISODay(fromCalendarDate(date)) - 1] as Weekday;
}

// The language tags, not the clinic's identity (clinic.ts): the booking form's island formats days, and importing the
// identity would bring every contact and address into the browser.
const dayFormats: Readonly<Record<Locale, Intl.DateTimeFormat>> = {
  en: new Intl.DateTimeFormat(languageTags.en, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  hi: new Intl.DateTimeFormat(languageTags.hi, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
};

/** "2026-07-11" → "Saturday, 11 July 2026" (in Hindi "शनिवार, 11 जुलाई 2026"), as the clinic writes a day. */
export function formatCalendarDate(date: string, locale: Locale = defaultLocale): string {
  return dayFormats[locale].format(fromCalendarDate(date));
}
