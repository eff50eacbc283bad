/**
 * What staff type to name a person (an email address or a mobile number) and a privacy request, read the way
 * the forms read them: email addresses in lower case, mobile numbers as E.164 through the booking form's parser.
 */
import { describeMobileProblem, toMobileE164 } from '#functions/intake/phone.ts';
import type { PersonIdentifier } from '#functions/store/person-records.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

// Anything with an @ is meant as an email address. Quotes, backslashes and spaces never occur in an address
// the forms accept, and leaving them out keeps the search of job payloads (a JSON string match) exact.
const emailPattern = /^[^\s@"\\]+@[^\s@"\\]+\.[^\s@"\\]+$/;

export function parseIdentifier(text: string): Parsed<PersonIdentifier> {
  const typed = text.trim();
  if (typed.includes('@')) {
    const email = typed.toLowerCase();
    return emailPattern.test(email)
      ? { ok: true, value: { type: 'email', email } }
      : { ok: false, message: `Not an email address: ${typed}` };
  }
  const mobile = toMobileE164(typed);
  return mobile.ok
    ? { ok: true, value: { type: 'mobile', mobile: mobile.number } }
    : {
        ok: false,
        message: `Neither an email address nor a mobile number: ${typed} (${describeMobileProblem(mobile.problem)})`,
      };
}

export const requestReferenceRule =
  'a request reference is your ticket or letter number (letters, digits and . _ / # : -, at most 64 characters), ' +
  'never an email address or phone number';

const requestReferencePattern = /^[A-Za-z0-9][A-Za-z0-9._/#:-]{0,63}$/;

/** The privacy request's own reference, kept in the audit log, which must hold nobody's contact details. */
export function parseRequestReference(text: string): Parsed<string> {
  const typed = text.trim();
  const looksLikeContact = typed.includes('@') || toMobileE164(typed).ok;
  return requestReferencePattern.test(typed) && !looksLikeContact
    ? { ok: true, value: typed }
    : { ok: false, message: `Not a request reference: ${typed} (${requestReferenceRule}).` };
}
