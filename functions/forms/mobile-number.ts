/**
 * The mobile number field, shared by the browser and the server. Which numbers are mobiles is decided by a
 * parser the schema is given: the server passes `toMobileE164` (phone.ts: libphonenumber-js and its
 * numbering plans, 24 KB gzip that the booking page's JavaScript budget cannot hold); the browser passes
 * `plausibleMobileNumber`, which checks only what needs no numbering plan and leaves the rest to the server.
 */
import * as z from 'zod/mini';

/** The number in E.164 (+919876543210) on the server; the trimmed text as typed in the browser. */
export type MobileNumberResult = { ok: true; number: string } | { ok: false; message: string };
export type MobileNumberParser = (text: string) => MobileNumberResult;

export const mobileNumberMessages = {
  characters: 'Use digits only, with spaces or dashes if you like, and + before a country code.',
  tooShort: 'This number is too short. Check the digits.',
  tooLong: 'This number is too long. Check the digits.',
} as const;

// Never stricter than the server: an Indian mobile has 10 digits (more with 0, 91 or 0091 before them);
// with + and a country code, some countries' numbers have only 7 digits in all, and none more than 15.
const minIndianDigits = 10;
const minInternationalDigits = 7;
const maxDigits = 15;

/** A problem with the characters alone, or undefined: digits, spaces, ( ) . - and a leading +. */
export function mobileCharactersProblem(text: string): string | undefined {
  return /^\+?[\d\s().-]+$/.test(text) ? undefined : mobileNumberMessages.characters;
}

export function plausibleMobileNumber(text: string): MobileNumberResult {
  const problem = mobileCharactersProblem(text);
  if (problem) return { ok: false, message: problem };
  const digits = text.replace(/\D/g, '').length;
  if (digits < (text.startsWith('+') ? minInternationalDigits : minIndianDigits))
    return { ok: false, message: mobileNumberMessages.tooShort };
  if (digits > maxDigits) return { ok: false, message: mobileNumberMessages.tooLong };
  return { ok: true, number: text };
}

/** A form field holding a mobile number; its output is what the parser makes of it. */
export function mobileNumberField(missingMessage: string, parse: MobileNumberParser) {
  return z.pipe(
    z.string({ error: missingMessage }).check(z.trim(), z.minLength(1, missingMessage)),
    z.transform((text, context) => {
      const result = parse(text);
      if (result.ok) return result.number;
      context.issues.push({ code: 'custom', message: result.message, input: text });
      return z.NEVER;
    }),
  );
}
