/**
 * The mobile number field, shared by the browser and the server. Which numbers are mobiles is decided by a
 * parser the schema is given: the server passes `toMobileE164` (phone.ts: libphonenumber-js and its
 * numbering plans, 24 KB gzip that the booking page's JavaScript budget cannot hold); the browser passes
 * `plausibleMobileNumber`, which checks only what needs no numbering plan and leaves the rest to the server.
 * A parser names the problem it found; the field says it in the form's language.
 */
import * as z from 'zod/mini';
import type { MobileMessages } from './messages-en.ts';

export type MobileNumberProblem = keyof MobileMessages;
/** The number in E.164 (+919876543210) on the server; the trimmed text as typed in the browser. */
export type MobileNumberResult = { ok: true; number: string } | { ok: false; problem: MobileNumberProblem };
export type MobileNumberParser = (text: string) => MobileNumberResult;

// Never stricter than the server: an Indian mobile has 10 digits (more with 0, 91 or 0091 before them);
// with + and a country code, some countries' numbers have only 7 digits in all, and none more than 15.
const minIndianDigits = 10;
const minInternationalDigits = 7;
const maxDigits = 15;

/** Whether the characters alone are wrong: only digits, spaces, ( ) . - and a leading + belong in a number. */
export function hasBadMobileCharacters(text: string): boolean {
  return !/^\+?[\d\s().-]+$/.test(text);
}

export function plausibleMobileNumber(text: string): MobileNumberResult {
  if (hasBadMobileCharacters(text)) return { ok: false, problem: 'characters' };
  const digits = text.replace(/\D/g, '').length;
  if (digits < (text.startsWith('+') ? minInternationalDigits : minIndianDigits))
    return { ok: false, problem: 'tooShort' };
  if (digits > maxDigits) return { ok: false, problem: 'tooLong' };
  return { ok: true, number: text };
}

/** A form field holding a mobile number; its output is what the parser makes of it. */
export function mobileNumberField(missingMessage: string, parse: MobileNumberParser, messages: MobileMessages) {
  return z.pipe(
    z.string({ error: missingMessage }).check(z.trim(), z.minLength(1, missingMessage)),
    z.transform((text, context) => {
      const result = parse(text);
      if (result.ok) return result.number;
      context.issues.push({ code: 'custom', message: messages[result.problem], input: text });
      return z.NEVER;
    }),
  );
}
