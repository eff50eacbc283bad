/**
 * Mobile numbers on the server, checked with libphonenumber-js's mobile metadata: a number counts as valid
 * only when it can be a mobile (it receives calls back and WhatsApp).
 */
import { parsePhoneNumberWithError, validatePhoneNumberLength } from 'libphonenumber-js/mobile';
import { englishMobileMessages } from '#functions/forms/messages-en.ts';
import {
  hasBadMobileCharacters,
  type MobileNumberProblem,
  type MobileNumberResult,
} from '#functions/forms/mobile-number.ts';

const lengthProblems: Partial<Record<string, MobileNumberProblem>> = {
  TOO_SHORT: 'tooShort',
  TOO_LONG: 'tooLong',
  INVALID_COUNTRY: 'invalidCountry',
};

/** An Indian number with or without +91 or a leading 0, or any country's with + and its code, to E.164. */
export function toMobileE164(text: string): MobileNumberResult {
  if (hasBadMobileCharacters(text)) return { ok: false, problem: 'characters' };
  const lengthProblem = validatePhoneNumberLength(text, 'IN');
  if (lengthProblem) return { ok: false, problem: lengthProblems[lengthProblem] ?? 'notMobile' };
  const number = parsePhoneNumberWithError(text, 'IN');
  return number.isValid() ? { ok: true, number: number.number } : { ok: false, problem: 'notMobile' };
}

/** A problem with a number as staff read it: the staff commands speak English. */
export function describeMobileProblem(problem: MobileNumberProblem): string {
  return englishMobileMessages[problem];
}
