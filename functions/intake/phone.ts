/**
 * Mobile numbers on the server, checked with libphonenumber-js's mobile metadata: a number counts as valid
 * only when it can be a mobile (it receives calls back and WhatsApp).
 */
import { parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/mobile';
import {
  type MobileNumberResult,
  mobileCharactersProblem,
  mobileNumberMessages,
} from '#functions/forms/mobile-number.ts';

const lengthMessages: Partial<Record<string, string>> = {
  TOO_SHORT: mobileNumberMessages.tooShort,
  TOO_LONG: mobileNumberMessages.tooLong,
  INVALID_COUNTRY: 'Check the country code after the +.',
};
const notMobileMessage =
  'This is not a valid mobile number. Check the digits; a number from outside India starts with + and its country code.';

/** An Indian number with or without +91 or a leading 0, or any country's with + and its code, to E.164. */
export function toMobileE164(text: string): MobileNumberResult {
  const problem = mobileCharactersProblem(text);
  if (problem) return { ok: false, message: problem };
  const lengthProblem = validatePhoneNumberLength(text, 'IN');
  if (lengthProblem) return { ok: false, message: lengthMessages[lengthProblem] ?? notMobileMessage };
  const number = parsePhoneNumberWithError(text, 'IN');
  return number.isValid() ? { ok: true, number: number.number } : { ok: false, message: notMobileMessage };
}
