/** The clinic's today, in its time zone, wherever the server runs. */
import { tz } from '@date-fns/tz';
import { formatISO } from 'date-fns/formatISO';
import { clinic } from './clinic.ts';
import { calendarDate } from './dates.ts';

const inClinicTimeZone = tz(clinic.timeZone);

/** "YYYY-MM-DD" in Asia/Kolkata: from 18:30 UTC it is already tomorrow at the clinic. */
export function todayInClinic(now: Date): string {
  return formatISO(now, { ...calendarDate, in: inClinicTimeZone });
}
