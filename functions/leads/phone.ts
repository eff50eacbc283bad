/**
 * Mobile numbers, checked with libphonenumber-js's mobile metadata: smaller than the full set in the
 * browser, and a number counts as valid only when it can be a mobile (it receives calls back and WhatsApp).
 */
import { parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/mobile';
import * as z from 'zod';

export type MobileNumberResult = { ok: true; e164: string } | { ok: false; message: string };

const lengthMessages: Partial<Record<string, string>> = {
  TOO_SHORT: 'This number is too short. Check the digits.',
  TOO_LONG: 'This number is too long. Check the digits.',
  INVALID_COUNTRY: 'Check the country code after the +.',
};
const notMobileMessage =
  'This is not a valid mobile number. Check the digits; a number from outside India starts with + and its country code.';

/** An Indian number with or without +91 or a leading 0, or any country's with + and its code, to E.164. */
export function toMobileE164(text: string): MobileNumberResult {
  if (!/^\+?[\d\s().-]+$/.test(text)) {
    return { ok: false, message: 'Use digits only, with spaces or dashes if you like, and + before a country code.' };
  }
  const lengthProblem = validatePhoneNumberLength(text, 'IN');
  if (lengthProblem) return { ok: false, message: lengthMessages[lengthProblem] ?? notMobileMessage };
  const number = parsePhoneNumberWithError(text, 'IN');
  return number.isValid() ? { ok: true, e164: number.number } : { ok: false, message: notMobileMessage };
}

/** A form field holding a mobile number; its output is the number in E.164 (+919876543210). */
export function mobileNumberField(missingMessage: string) {
  return z
    .string({ error: missingMessage })
    .trim()
    .min(1, missingMessage)
    .transform((text, context) => {
      const result = toMobileE164(text);
      if (result.ok) return result.e164;
      context.issues.push({ code: 'custom', message: result.message, input: text });
      return z.NEVER;
    });
}
