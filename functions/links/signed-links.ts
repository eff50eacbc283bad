/**
 * Signed tokens for the links in the site's emails: the newsletter's confirmation (double opt-in), which expires,
 * and its unsubscribe, which must keep working (RFC 8058); a parent or guardian's consent to a booking request
 * for a patient under 18, which expires; and the preferences page of every email to a person, which never expires
 * (it works while the store holds the request it names). A token names the lead's reference, the link's purpose and its expiry,
 * signed with HMAC-SHA256, so nobody can confirm, unsubscribe or consent for another lead by guessing, and a token
 * for one purpose cannot be used for another.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkPurpose = 'newsletter-confirm' | 'newsletter-unsubscribe' | 'guardian-consent' | 'preferences';

export type LinkCheck = { ok: true; reference: string } | { ok: false; reason: 'invalid' | 'expired' };

const never = 'never';
/** 128 bits of the signature, in base64url: short enough for a link, far too many to guess. */
const signatureLength = 22;

function signature(key: string, purpose: LinkPurpose, reference: string, expiry: string): string {
  return createHmac('sha256', key)
    .update(`${purpose}\n${reference}\n${expiry}`)
    .digest('base64url')
    .slice(0, signatureLength);
}

/** A token for the link; without `expiresAt` it never expires. */
export function signLink(key: string, purpose: LinkPurpose, reference: string, expiresAt?: Date): string {
  const expiry = expiresAt ? String(Math.floor(expiresAt.getTime() / 1000)) : never;
  return `${reference}.${expiry}.${signature(key, purpose, reference, expiry)}`;
}

export function checkLink(key: string, purpose: LinkPurpose, token: string, now: Date): LinkCheck {
  const [reference, expiry, signed, ...rest] = token.split('.');
  if (!reference || !expiry || !signed || rest.length > 0) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signature(key, purpose, reference, expiry));
  const given = Buffer.from(signed);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  if (expiry !== never && Number(expiry) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, reference };
}
