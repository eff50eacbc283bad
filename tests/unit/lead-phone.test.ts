import { describe, expect, it } from 'vitest';
import { toMobileE164 } from '#functions/intake/phone.ts';

describe('toMobileE164', () => {
  it.each([
    ['98765 43210', '+919876543210'],
    ['9876543210', '+919876543210'],
    ['+91 98765-43210', '+919876543210'],
    ['+91-98765-43210', '+919876543210'],
    ['098765 43210', '+919876543210'],
    ['91 98765 43210', '+919876543210'],
    ['0091 98765 43210', '+919876543210'],
    ['(098765) 43.210', '+919876543210'],
    ['+971 50 123 4567', '+971501234567'],
    ['+1 415 555 2671', '+14155552671'],
  ])('reads %s as %s', (text, e164) => {
    expect(toMobileE164(text)).toEqual({ ok: true, number: e164 });
  });

  it.each([
    ['98765', 'This number is too short. Check the digits.'],
    ['98765 43210 12345 678', 'This number is too long. Check the digits.'],
    ['+999 1234 5678', 'Check the country code after the +.'],
    ['98765 4321O', 'Use digits only, with spaces or dashes if you like, and + before a country code.'],
    ['call 98765 43210', 'Use digits only, with spaces or dashes if you like, and + before a country code.'],
  ])('rejects %s: %s', (text, message) => {
    expect(toMobileE164(text)).toEqual({ ok: false, message });
  });

  it('rejects landlines and numbers no mobile network uses', () => {
    for (const text of ['080 4555 0101', '+91 22 5550 0202', '12345 67890', '+44 20 7946 0958']) {
      expect(toMobileE164(text), text).toEqual({ ok: false, message: expect.stringContaining('not a valid mobile') });
    }
  });
});
