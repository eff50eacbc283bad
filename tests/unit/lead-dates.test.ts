import { describe, expect, it } from 'vitest';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo, isCalendarDate, weekdayOf } from '#functions/clinic/dates.ts';
import { ageOn, earliestDateOfBirth, isMinor } from '#functions/forms/age.ts';

describe('todayInClinic', () => {
  it('is the date in India (UTC+5:30), whatever the machine', () => {
    expect(todayInClinic(new Date('2026-11-23T18:29:59Z'))).toBe('2026-11-23');
    expect(todayInClinic(new Date('2026-11-23T18:30:00Z'))).toBe('2026-11-24');
    expect(todayInClinic(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
  });
});

describe('calendar dates', () => {
  it('accepts only existing days written as YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const text of ['2026-02-29', '2026-13-01', '2026-11-31', '2026-1-05', '26-11-23', '2026-11-23T00:00', '']) {
      expect(isCalendarDate(text), text).toBe(false);
    }
  });

  it('adds days across months and years', () => {
    expect(addDaysTo('2026-11-23', 90)).toBe('2027-02-21');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('names the weekday', () => {
    expect(weekdayOf('2026-11-23')).toBe('monday');
    expect(weekdayOf('2026-11-29')).toBe('sunday');
  });
});

describe('ageOn', () => {
  it('counts the birthday itself: 18 on the 18th birthday, 17 the day before', () => {
    expect(ageOn('2008-11-23', '2026-11-23')).toBe(18);
    expect(ageOn('2008-11-24', '2026-11-23')).toBe(17);
    expect(isMinor('2008-11-23', '2026-11-23')).toBe(false);
    expect(isMinor('2008-11-24', '2026-11-23')).toBe(true);
  });

  it('makes someone born on 29 February a year older on 1 March in a non-leap year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(isMinor('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinor('2008-02-29', '2026-03-01')).toBe(false);
  });

  it('makes them a year older on 29 February itself in a leap year', () => {
    expect(ageOn('2012-02-29', '2030-02-28')).toBe(17);
    expect(ageOn('2012-02-29', '2032-02-28')).toBe(19);
    expect(ageOn('2012-02-29', '2032-02-29')).toBe(20);
  });

  it('is 0 in the first year', () => {
    expect(ageOn('2026-01-01', '2026-11-23')).toBe(0);
  });
});

describe('earliestDateOfBirth', () => {
  it('is 120 years back, or 28 February when that year has no 29 February', () => {
    expect(earliestDateOfBirth('2026-11-23')).toBe('1906-11-23');
    expect(earliestDateOfBirth('2028-02-29')).toBe('1908-02-29');
    expect(earliestDateOfBirth('2020-02-29')).toBe('1900-02-28');
  });
});

describe('todayInClinic, asked again and again', () => {
  it("turns at the clinic's midnight whichever way the clock goes", () => {
    const days = [
      '2026-11-23T18:29:59.999Z',
      '2026-11-23T18:30:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-24T18:29:59.000Z',
      '2026-11-24T18:30:00.000Z',
      '2026-11-23T18:29:00.000Z',
    ].map((instant) => todayInClinic(new Date(instant)));
    expect(days).toEqual(['2026-11-23', '2026-11-24', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-23']);
  });
});
