/** The clinic's today, in its time zone, wherever the server runs. */
import { tz } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { formatISO } from 'date-fns/formatISO';
import { startOfDay } from 'date-fns/startOfDay';
import { clinic } from './clinic.ts';
import { calendarDate } from './dates.ts';

const inClinicTimeZone = tz(clinic.timeZone);

// Every request asks, and a time zone's rules are slow to apply: the day is worked out once, with its bounds.
let known: { starts: number; ends: number; date: string } | undefined;

/** "YYYY-MM-DD" in Asia/Kolkata: from 18:30 UTC it is already tomorrow at the clinic. */
export function todayInClinic(now: Date): string {
  const moment = now.getTime();
  if (known && known.starts <= moment && moment < known.ends) return known.date;
  const starts = startOfDay(now, { in: inClinicTimeZone });
  known = {
    starts: starts.getTime(),
    ends: startOfDay(addDays(starts, 1, { in: inClinicTimeZone }), { in: inClinicTimeZone }).getTime(),
    date: formatISO(now, { ...calendarDate, in: inClinicTimeZone }),
  };
  return known.date;
}
