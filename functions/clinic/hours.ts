import { type OpeningHours, type Weekday, weekdays } from './clinic.ts';
import { defaultLocale, type Locale } from './locales.ts';

export interface HoursRow {
  days: string;
  hours: string;
}

interface ClockWords {
  day: (day: Weekday) => string;
  clock: (time: string) => string;
  closed: string;
}

const englishClock = (time: string) => {
  const [hourText = '0', minute = '00'] = time.split(':');
  const hour = Number(hourText);
  const suffix = hour >= 12 ? 'pm' : 'am';
  const displayHour = hour % 12 === 0 ? 12 : hour % 12;
  return minute === '00' ? `${displayHour} ${suffix}` : `${displayHour}:${minute} ${suffix}`;
};

// Hindi says the part of the day ("सुबह 10 बजे", "शाम 7:30 बजे"), from Intl's day periods for hi-IN; 1 January 2024 was a
// Monday, so the weekday names come from Intl too. Clock times are read as UTC, which no offset moves.
const hindiDay = new Intl.DateTimeFormat('hi-IN', { weekday: 'long', timeZone: 'UTC' });
const hindiHour = new Intl.DateTimeFormat('hi-IN', { hour: 'numeric', dayPeriod: 'short', timeZone: 'UTC' });
const hindiHourMinute = new Intl.DateTimeFormat('hi-IN', {
  hour: 'numeric',
  minute: '2-digit',
  dayPeriod: 'short',
  timeZone: 'UTC',
});
const atClock = (time: string) => new Date(`2024-01-01T${time}:00Z`);

const clockWords: Record<Locale, ClockWords> = {
  en: { day: (day) => `${day[0]?.toUpperCase()}${day.slice(1)}`, clock: englishClock, closed: 'Closed' },
  hi: {
    day: (day) => hindiDay.format(new Date(Date.UTC(2024, 0, 1 + weekdays.indexOf(day)))),
    clock: (time) => `${(time.endsWith(':00') ? hindiHour : hindiHourMinute).format(atClock(time))} बजे`,
    closed: 'बंद',
  },
};

/** Groups consecutive days with the same hours: "Monday – Friday: 10 am – 7:30 pm", "Sunday: Closed". */
export function summariseHours(hours: OpeningHours, locale: Locale = defaultLocale): HoursRow[] {
  const words = clockWords[locale];
  const rows: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const day of weekdays) {
    const slot = hours[day];
    const text = slot ? `${words.clock(slot.opens)} – ${words.clock(slot.closes)}` : words.closed;
    const previous = rows.at(-1);
    if (previous && previous.hours === text) previous.last = day;
    else rows.push({ first: day, last: day, hours: text });
  }
  return rows.map((row) => ({
    days: row.first === row.last ? words.day(row.first) : `${words.day(row.first)} – ${words.day(row.last)}`,
    hours: row.hours,
  }));
}
