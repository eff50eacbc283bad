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
    ['98765', 'tooShort'],
    ['98765 43210 12345 678', 'tooLong'],
    ['+999 1234 5678', 'invalidCountry'],
    ['98765 4321O', 'characters'],
    ['call 98765 43210', 'characters'],
  ])('rejects %s: %s', (text, problem) => {
    expect(toMobileE164(text)).toEqual({ ok: false, problem });
  });

  it('rejects landlines and numbers no mobile network uses', () => {
    for (const text of ['080 4555 0101', '+91 22 5550 0202', '12345 67890', '+44 20 7946 0958']) {
      expect(toMobileE164(text), text).toEqual({ ok: false, problem: 'notMobile' });
    }
  });
});
