/**
 * The part of the day a visitor would like to be seen in; the front desk confirms the exact time.
 * `from` and `until` are clock times in the clinic's time zone; a window is offered on a day when the
 * branch is open for at least part of it.
 */
export const timeWindows = {
  morning: { label: 'Morning (before 12 pm)', from: '00:00', until: '12:00' },
  afternoon: { label: 'Afternoon (12 pm – 4 pm)', from: '12:00', until: '16:00' },
  evening: { label: 'Evening (after 4 pm)', from: '16:00', until: '24:00' },
} as const;

export type TimeWindowId = keyof typeof timeWindows;
export const timeWindowIds = Object.keys(timeWindows) as [TimeWindowId, ...TimeWindowId[]];
