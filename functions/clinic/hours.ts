import { type OpeningHours, type Weekday, weekdays } from './clinic.ts';

export interface HoursRow {
  days: string;
  hours: string;
}

const dayLabel = (day: Weekday) => `${day[0]?.toUpperCase()}${day.slice(1)}`;

function formatClock(time: string): string {
  const [hourText = '0', minute = '00'] = time.split(':');
  const hour = Number(hourText);
  const suffix = hour >= 12 ? 'pm' : 'am';
  const displayHour = hour % 12 === 0 ? 12 : hour % 12;
  return minute === '00' ? `${displayHour} ${suffix}` : `${displayHour}:${minute} ${suffix}`;
}

/** Groups consecutive days with the same hours: "Monday – Friday: 10 am – 7:30 pm", "Sunday: Closed". */
export function summariseHours(hours: OpeningHours): HoursRow[] {
  const rows: { first: Weekday; last: Weekday; hours: string }[] = [];
  for (const day of weekdays) {
    const slot = hours[day];
    const text = slot ? `${formatClock(slot.opens)} – ${formatClock(slot.closes)}` : 'Closed';
    const previous = rows.at(-1);
    if (previous && previous.hours === text) previous.last = day;
    else rows.push({ first: day, last: day, hours: text });
  }
  return rows.map((row) => ({
    days: row.first === row.last ? dayLabel(row.first) : `${dayLabel(row.first)} – ${dayLabel(row.last)}`,
    hours: row.hours,
  }));
}
