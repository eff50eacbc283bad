/**
 * Calendar dates as "YYYY-MM-DD" strings (they sort in date order). "Today" is the clinic's today, in its
 * time zone, wherever the browser or the server runs. Arithmetic on a day is done in UTC, which has no
 * offset changes: in the clinic's zone, 1900 had another offset and a day could slip into the one before.
 */
import { tz } from '@date-fns/tz';
// One module per function: the package's index loads all of date-fns, which takes Node over a second.
import { addDays } from 'date-fns/addDays';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { clinic, type Weekday } from '../../src/config/clinic.ts';

const calendarDateFormat = 'yyyy-MM-dd';
const inClinicTimeZone = tz(clinic.timeZone);
const inUtc = tz('UTC');

export function todayInClinic(now: Date): string {
  return format(now, calendarDateFormat, { in: inClinicTimeZone });
}

/** True for an existing day written as YYYY-MM-DD (so not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parseISO(text, { in: inUtc }));
}

export function addDaysTo(date: string, days: number): string {
  return format(addDays(parseISO(date, { in: inUtc }), days), calendarDateFormat);
}

/** Adding years to 29 February lands on 28 February in a year without one. */
export function addYearsTo(date: string, years: number): string {
  return format(addYears(parseISO(date, { in: inUtc }), years), calendarDateFormat);
}

export function weekdayOf(date: string): Weekday {
  // date-fns names days in English by default: "Monday" becomes the config's "monday".
  return format(parseISO(date, { in: inUtc }), 'EEEE').toLowerCase() as Weekday;
}
