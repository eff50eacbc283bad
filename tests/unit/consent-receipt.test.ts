import { describe, expect, it } from 'vitest';
import { parseConsentReceipt } from '#functions/consent/receipt.ts';

const validReceipt = {
  consentId: '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f8a9b0c',
  acceptType: 'custom',
  acceptedCategories: ['necessary', 'analytics'],
  acceptedServices: ['ga4', 'clarity'],
  revision: 1,
  policyVersion: '2026-11',
  language: 'en',
  source: 'banner',
  privacySignal: 'none',
};

function fieldsOf(body: unknown) {
  const result = parseConsentReceipt(body);
  if (result.ok) throw new Error('Expected the receipt to be rejected');
  return result.fields;
}

describe('parseConsentReceipt', () => {
  it('accepts a complete receipt as it is', () => {
    expect(parseConsentReceipt(validReceipt)).toEqual({ ok: true, receipt: validReceipt });
  });

  it('accepts a necessary-only receipt, as recorded for a minor', () => {
    const receipt = {
      ...validReceipt,
      acceptType: 'necessary',
      acceptedCategories: ['necessary'],
      acceptedServices: [],
    };
    expect(parseConsentReceipt({ ...receipt, source: 'minor', language: 'hi' }).ok).toBe(true);
  });

  it('records which privacy signal the browser sent, and whether it narrowed "Accept all"', () => {
    for (const privacySignal of ['gpc', 'dnt', 'none']) {
      expect(parseConsentReceipt({ ...validReceipt, source: 'gpc', privacySignal }).ok, privacySignal).toBe(true);
    }
    expect(fieldsOf({ ...validReceipt, privacySignal: true })).toEqual({
      privacySignal: 'Must be "gpc", "dnt" or "none"',
    });
  });

  it('rejects unknown keys, so no personal data can be added to a receipt', () => {
    expect(fieldsOf({ ...validReceipt, email: 'a@example.com', ip: '203.0.113.9' })).toEqual({
      email: 'Unknown field',
      ip: 'Unknown field',
    });
  });

  it('rejects a service without the category it belongs to', () => {
    expect(fieldsOf({ ...validReceipt, acceptedServices: ['meta'] })).toEqual({
      acceptedServices: '"meta" needs the "marketing" category',
    });
    expect(
      fieldsOf({ ...validReceipt, acceptedCategories: ['necessary', 'marketing'], acceptedServices: ['ga4', 'meta'] }),
    ).toEqual({ acceptedServices: '"ga4" needs the "analytics" category' });
  });

  it('rejects categories without "necessary", repeated, unknown or too many', () => {
    expect(fieldsOf({ ...validReceipt, acceptedCategories: ['analytics'] })).toEqual({
      acceptedCategories: 'Must include "necessary"',
    });
    expect(fieldsOf({ ...validReceipt, acceptedCategories: ['necessary', 'necessary'], acceptedServices: [] })).toEqual(
      {
        acceptedCategories: 'Must not list a category twice',
      },
    );
    expect(fieldsOf({ ...validReceipt, acceptedCategories: ['necessary', 'functional'] })).toEqual({
      'acceptedCategories.1': 'Must be "necessary", "analytics" or "marketing"',
    });
    expect(
      fieldsOf({ ...validReceipt, acceptedCategories: ['necessary', 'analytics', 'marketing', 'necessary'] }),
    ).toEqual({ acceptedCategories: 'Must list at most 3 categories' });
  });

  it('rejects repeated or unknown services', () => {
    expect(fieldsOf({ ...validReceipt, acceptedServices: ['ga4', 'ga4'] })).toEqual({
      acceptedServices: 'Must not list a service twice',
    });
    expect(fieldsOf({ ...validReceipt, acceptedServices: ['hotjar'] })).toEqual({
      'acceptedServices.0': 'Must be "ga4", "clarity" or "meta"',
    });
  });

  it('names each invalid field with a specific message', () => {
    expect(
      fieldsOf({
        ...validReceipt,
        consentId: 'not-a-uuid',
        acceptType: 'some',
        revision: 1.5,
        policyVersion: '2026-1',
        language: 'fr',
        source: 'email',
        privacySignal: 'yes',
      }),
    ).toEqual({
      consentId: 'Must be a UUID',
      acceptType: 'Must be "all", "necessary" or "custom"',
      revision: 'Must be a whole number',
      policyVersion: 'Must look like 2026-11 (YYYY-MM)',
      language: 'Must be "en" or "hi"',
      source: 'Must be "banner", "gpc" or "minor"',
      privacySignal: 'Must be "gpc", "dnt" or "none"',
    });
  });

  it('keeps the revision between 1 and 1000', () => {
    expect(fieldsOf({ ...validReceipt, revision: 0 })).toEqual({ revision: 'Must be at least 1' });
    expect(fieldsOf({ ...validReceipt, revision: 1001 })).toEqual({ revision: 'Must be at most 1000' });
    expect(parseConsentReceipt({ ...validReceipt, revision: 1000 }).ok).toBe(true);
  });

  it('reports missing fields as required', () => {
    const { source: _source, consentId: _consentId, privacySignal: _signal, ...incomplete } = validReceipt;
    expect(fieldsOf(incomplete)).toEqual({ consentId: 'Required', source: 'Required', privacySignal: 'Required' });
  });

  it('rejects a body that is not an object', () => {
    expect(fieldsOf([validReceipt])).toEqual({ body: 'Must be a JSON object' });
    expect(fieldsOf(null)).toEqual({ body: 'Must be a JSON object' });
  });
});
