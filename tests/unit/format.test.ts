import { isValidPhoneNumber } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { branches, clinic } from '#functions/clinic/clinic.ts';
import { formatPhone, formatPriceRange, mapLink, whatsappLink } from '#functions/clinic/format.ts';
import { summariseHours } from '#functions/clinic/hours.ts';

describe('phone and WhatsApp links', () => {
  it('formats E.164 numbers for people', () => {
    expect(formatPhone('+918045550101')).toBe('+91 80 4555 0101');
  });

  it('builds wa.me links from digits only, with an optional prefilled message', () => {
    expect(whatsappLink('+919555000101')).toBe('https://wa.me/919555000101');
    expect(whatsappLink('+919555000101', 'Hello & welcome')).toBe('https://wa.me/919555000101?text=Hello+%26+welcome');
  });

  it('has a valid number for every branch and the clinic', () => {
    for (const number of [clinic.phone, clinic.whatsapp, ...branches.flatMap((b) => [b.phone, b.whatsapp])]) {
      expect(isValidPhoneNumber(number), number).toBe(true);
    }
  });
});

describe('prices', () => {
  it('formats rupees with Indian digit grouping', () => {
    expect(formatPriceRange({ from: 120000, to: 350000, unit: 'full course' })).toBe(
      '₹1,20,000 – ₹3,50,000 full course',
    );
    expect(formatPriceRange({ from: 6000, to: 6000, unit: 'per tooth' })).toBe('₹6,000 per tooth');
  });
});

describe('opening hours', () => {
  it('groups consecutive days with the same hours and shows closed days', () => {
    expect(
      summariseHours({
        monday: { opens: '10:00', closes: '19:30' },
        tuesday: { opens: '10:00', closes: '19:30' },
        saturday: { opens: '10:00', closes: '17:00' },
      }),
    ).toEqual([
      { days: 'Monday – Tuesday', hours: '10 am – 7:30 pm' },
      { days: 'Wednesday – Friday', hours: 'Closed' },
      { days: 'Saturday', hours: '10 am – 5 pm' },
      { days: 'Sunday', hours: 'Closed' },
    ]);
  });

  it('shows noon and midnight in 12-hour time', () => {
    expect(summariseHours({ sunday: { opens: '12:00', closes: '00:00' } }).at(-1)).toEqual({
      days: 'Sunday',
      hours: '12 pm – 12 am',
    });
  });
});

describe('map links', () => {
  it('points at the branch coordinates without loading anything on the page', () => {
    expect(mapLink({ geo: { latitude: 12.97, longitude: 77.64 } })).toBe(
      'https://www.google.com/maps/search/?api=1&query=12.97%2C77.64',
    );
  });
});
