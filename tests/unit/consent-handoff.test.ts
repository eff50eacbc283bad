import { afterEach, describe, expect, it, vi } from 'vitest';
import { consentSettings } from '#functions/clinic/consent.ts';
import { consentCookie } from '#functions/clinic/tracking-services.ts';
import { arrivalWithFormPage, consentRecord, handoffKeys as formSide } from '#src/islands/consent-handoff.ts';
import { handoffKeys as consentSide } from '#src/scripts/consent/handoff.ts';

describe('the handoff between the lead forms and the consent layer', () => {
  it('uses the same storage keys on both sides', () => {
    expect(formSide).toEqual(consentSide);
  });

  it("reads the consent layer's own cookie, of the banner's current revision", () => {
    expect(consentRecord).toEqual({ cookieName: consentCookie.name, revision: consentSettings.revision });
  });
});

describe("the booking form's attribution", () => {
  const arrival = { landingPage: '/treatments/teeth-whitening/', utm_source: 'google' };
  function browserWith(consentRecord: object | undefined) {
    vi.stubGlobal('sessionStorage', { getItem: () => JSON.stringify(arrival) });
    vi.stubGlobal('document', {
      cookie: consentRecord ? `other=1; cc_cookie=${encodeURIComponent(JSON.stringify(consentRecord))}` : 'other=1',
    });
  }
  afterEach(() => vi.unstubAllGlobals());

  it('goes with the request, with the marketing-cookie answer, only while the consent record allows marketing', () => {
    browserWith({ categories: ['necessary', 'marketing'], revision: consentSettings.revision, data: {} });
    expect(arrivalWithFormPage('/book/')).toEqual({
      attribution: { ...arrival, formPage: '/book/' },
      marketingCookies: true,
    });
    for (const record of [
      undefined,
      { categories: ['necessary', 'analytics'], revision: consentSettings.revision },
      { categories: ['necessary', 'marketing'], revision: consentSettings.revision - 1 },
      { categories: ['necessary', 'marketing'], revision: consentSettings.revision, data: { minor: true } },
    ]) {
      browserWith(record);
      expect(arrivalWithFormPage('/book/'), JSON.stringify(record)).toEqual({});
    }
  });
});
