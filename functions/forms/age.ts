import { addYearsTo } from '#functions/clinic/dates.ts';

export const adultAge = 18;
/** Dates of birth further back than this are typing mistakes. */
export const maxAgeYears = 120;

/**
 * Completed years of age on `today` (both YYYY-MM-DD); the birthday itself counts. Someone born on
 * 29 February turns a year older on 1 March in a non-leap year, the common legal convention in India:
 * comparing month and day does exactly that, since 28 February comes before 29 February and 1 March after.
 */
export function ageOn(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  const birthdayStillAhead = today.slice(5) < dateOfBirth.slice(5);
  return birthdayStillAhead ? years - 1 : years;
}

export function isMinor(dateOfBirth: string, today: string): boolean {
  return ageOn(dateOfBirth, today) < adultAge;
}

/** The earliest date of birth accepted on `today`. */
export function earliestDateOfBirth(today: string): string {
  return addYearsTo(today, -maxAgeYears);
}
