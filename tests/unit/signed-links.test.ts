import { describe, expect, it } from 'vitest';
import { checkLink, signLink } from '#functions/links/signed-links.ts';

const key = 'a-test-key-that-is-long-enough-to-sign-with';
const now = new Date('2026-11-23T10:00:00Z');
const inOneWeek = new Date('2026-11-30T10:00:00Z');

describe('signed links', () => {
  it('checks a token it signed, and names its reference', () => {
    const token = signLink(key, 'newsletter-confirm', 'KC-7Q4M-X2P9', inOneWeek);
    expect(checkLink(key, 'newsletter-confirm', token, now)).toEqual({ ok: true, reference: 'KC-7Q4M-X2P9' });
    expect(token).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it('expires a token at its expiry, and never an unsubscribe token without one', () => {
    const token = signLink(key, 'newsletter-confirm', 'KC-7Q4M-X2P9', inOneWeek);
    expect(checkLink(key, 'newsletter-confirm', token, new Date(inOneWeek.getTime() - 1000)).ok).toBe(true);
    expect(checkLink(key, 'newsletter-confirm', token, inOneWeek)).toEqual({ ok: false, reason: 'expired' });
    const unsubscribe = signLink(key, 'newsletter-unsubscribe', 'KC-7Q4M-X2P9');
    expect(checkLink(key, 'newsletter-unsubscribe', unsubscribe, new Date('2036-01-01')).ok).toBe(true);
  });

  it('refuses a token for the other purpose, from another key, or changed in any part', () => {
    const token = signLink(key, 'newsletter-confirm', 'KC-7Q4M-X2P9', inOneWeek);
    const invalid = { ok: false, reason: 'invalid' };
    expect(checkLink(key, 'newsletter-unsubscribe', token, now)).toEqual(invalid);
    expect(checkLink(`${key}-other`, 'newsletter-confirm', token, now)).toEqual(invalid);
    const [reference, expiry, signature] = token.split('.');
    const tampered = [
      `KC-7Q4M-X2P8.${expiry}.${signature}`,
      `${reference}.${Number(expiry) + 86_400}.${signature}`,
      `${reference}.never.${signature}`,
      `${reference}.${expiry}.${signature?.slice(0, -1)}`,
      `${reference}.${expiry}.${signature}.extra`,
      '',
      'not-a-token',
    ];
    for (const changed of tampered)
      expect(checkLink(key, 'newsletter-confirm', changed, now), changed).toEqual(invalid);
  });
});
