import { describe, expect, it } from 'vitest';
import { consentSettings, isTrackerFreeRoute } from '#functions/clinic/consent.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { trackingServices } from '#functions/clinic/tracking-services.ts';
import { type BannerOptions, buildBannerConfig } from '#src/scripts/consent/banner-config.ts';
import { cookieDomainsFor, matchesCookie } from '#src/scripts/consent/cookies.ts';
import { englishCopy } from '#src/scripts/consent/copy-en.ts';
import { hindiCopy } from '#src/scripts/consent/copy-hi.ts';
import { allowedParams, isAllowedEvent } from '#src/scripts/consent/events.ts';
import { sanitizedPageUrl } from '#src/scripts/consent/page-url.ts';
import { privacySignalOf } from '#src/scripts/consent/privacy-signal.ts';
import { storedMinorFlag } from '#src/scripts/consent/stored-consent.ts';

const ga4 = trackingServices.filter((service) => service.id === 'ga4');
const baseOptions = {
  language: 'en',
  copy: englishCopy,
  privacySignal: 'none',
  minor: false,
  secureCookie: true,
  callbacks: {},
} as const satisfies Partial<BannerOptions>;
const hindiOptions = { ...baseOptions, language: 'hi', copy: hindiCopy } as const;

describe('buildBannerConfig', () => {
  it('ships opt-in mode, visible to automated browsers, with a 12-month cookie and the current revision', () => {
    const config = buildBannerConfig({ ...baseOptions, services: trackingServices });
    expect(config).toMatchObject({
      mode: 'opt-in',
      hideFromBots: false,
      revision: consentSettings.revision,
      cookie: { name: 'cc_cookie', expiresAfterDays: 365 },
    });
    expect(consentSettings.expiresAfterDays).toBeLessThanOrEqual(366);
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics', 'marketing']);
    expect(config.categories.necessary).toEqual({ enabled: true, readOnly: true });
  });

  it('leaves out every service, and any category, whose tracker ID is not configured', () => {
    const config = buildBannerConfig({ ...baseOptions, services: ga4 });
    expect(Object.keys(config.categories)).toEqual(['necessary', 'analytics']);
    expect(Object.keys(config.categories.analytics?.services ?? {})).toEqual(['ga4']);
    const english = config.language.translations.en as { preferencesModal: { sections: { description?: string }[] } };
    const text = JSON.stringify(english.preferencesModal.sections);
    expect(text).toContain('Google Analytics 4');
    expect(text).not.toContain('Clarity');
    expect(text).not.toContain('Meta');
  });

  it('does not show the banner at all when no tracker is configured', () => {
    expect(buildBannerConfig({ ...baseOptions, services: [] }).autoShow).toBe(false);
  });

  it('says in the banner and the preferences that a privacy signal keeps marketing off under "Accept all"', async () => {
    for (const [signal, name] of [
      ['gpc', 'Global Privacy Control'],
      ['dnt', 'Do Not Track'],
    ] as const) {
      const config = buildBannerConfig({ ...baseOptions, services: trackingServices, privacySignal: signal });
      const english = config.language.translations.en as {
        consentModal: { description: string };
        preferencesModal: { sections: { description?: string }[] };
      };
      expect(english.consentModal.description).toContain(`Your browser sent ${name}, so marketing stays off`);
      expect(english.preferencesModal.sections[0]?.description).toContain('"Accept all" leaves marketing off');
      const hindi = buildBannerConfig({ ...hindiOptions, services: trackingServices, privacySignal: signal });
      expect(hindi.language.default).toBe('hi');
      expect(JSON.stringify(hindi.language.translations.hi)).toContain(name);
      expect(hindi.language.translations.en).toBeUndefined();
    }
    const unsignalled = buildBannerConfig({ ...baseOptions, services: trackingServices });
    expect(JSON.stringify(unsignalled.language.translations.en)).not.toContain('Global Privacy Control');
  });

  it('offers a minor nothing to choose: no banner, and preferences that explain why, with no toggle or button', async () => {
    for (const options of [baseOptions, hindiOptions]) {
      const { language } = options;
      const config = buildBannerConfig({ ...options, services: trackingServices, minor: true });
      expect(config.autoShow).toBe(false);
      // The library treats a read-only category as always accepted, which would keep a minor's tracking "on".
      expect(config.categories.analytics?.readOnly).toBeUndefined();
      expect(config.categories.marketing?.readOnly).toBeUndefined();
      const translation = config.language.translations[language];
      if (typeof translation !== 'function') throw new Error("A minor's preferences load lazily");
      const { preferencesModal } = (await translation()) as unknown as {
        preferencesModal: Record<string, unknown> & { sections: { description?: string; linkedCategory?: string }[] };
      };
      expect(preferencesModal.sections.every((section) => section.linkedCategory === undefined)).toBe(true);
      for (const button of ['acceptAllBtn', 'acceptNecessaryBtn', 'savePreferencesBtn']) {
        expect(preferencesModal[button], `${language}: ${button}`).toBeUndefined();
      }
      expect(preferencesModal.sections[0]?.description).toContain(language === 'en' ? 'under 18' : '18 वर्ष');
      expect(preferencesModal.sections[1]?.description).toContain('/privacy-rights/');
    }
    const minorConfig = buildBannerConfig({ ...baseOptions, services: trackingServices, minor: true });
    const english = (await (minorConfig.language.translations.en as () => Promise<unknown>)()) as {
      preferencesModal: { sections: { description: string }[] };
    };
    expect(english.preferencesModal.sections[0]?.description).toContain('If you are a parent');
  });

  it('links the rights page and the complaint route from the banner and the preferences', () => {
    const english = buildBannerConfig({ ...baseOptions, services: trackingServices }).language.translations.en as {
      consentModal: { footer: string };
      preferencesModal: { sections: { description?: string }[] };
    };
    expect(english.consentModal.footer).toContain('href="/privacy-rights/"');
    const last = english.preferencesModal.sections.at(-1)?.description ?? '';
    expect(last).toContain('href="/privacy-rights/"');
    expect(last).toContain('href="/privacy-policy/#grievances-and-complaints"');
    expect(last).toContain(`href="${dataProtectionBoard.website}"`);
  });

  it('has the same three first-layer buttons in English and Hindi', async () => {
    const [english, translated] = [
      buildBannerConfig({ ...baseOptions, services: trackingServices }).language.translations.en,
      buildBannerConfig({ ...hindiOptions, services: trackingServices }).language.translations.hi,
    ] as unknown as {
      consentModal: Record<string, string>;
    }[];
    for (const key of ['acceptAllBtn', 'acceptNecessaryBtn', 'showPreferencesBtn', 'title', 'revisionMessage']) {
      expect(english?.consentModal[key], key).toBeTruthy();
      expect(translated?.consentModal[key], key).toBeTruthy();
    }
  });
});

describe('privacySignalOf', () => {
  it('reads Global Privacy Control first, then Do Not Track, as the settings honour both', () => {
    expect(consentSettings.privacySignals).toEqual(['gpc', 'dnt']);
    expect(privacySignalOf({ globalPrivacyControl: true, doNotTrack: '1' })).toBe('gpc');
    expect(privacySignalOf({ globalPrivacyControl: true })).toBe('gpc');
    expect(privacySignalOf({ doNotTrack: '1' })).toBe('dnt');
    expect(privacySignalOf({ globalPrivacyControl: false, doNotTrack: '0' })).toBe('none');
    expect(privacySignalOf({ doNotTrack: null })).toBe('none');
    expect(privacySignalOf({})).toBe('none');
  });
});

describe('cookie deletion', () => {
  it('targets the host and each parent domain', () => {
    expect(cookieDomainsFor('www.clinic.example.in')).toEqual([
      'www.clinic.example.in',
      'clinic.example.in',
      'example.in',
    ]);
    expect(cookieDomainsFor('localhost')).toEqual(['localhost']);
    expect(cookieDomainsFor('127.0.0.1')).toEqual(['127.0.0.1']);
  });

  it('matches exact names and prefixed names', () => {
    const cookies = trackingServices.find((service) => service.id === 'ga4')?.cookies ?? [];
    expect(matchesCookie('_ga', cookies)).toBe(true);
    expect(matchesCookie('_ga_ABC123', cookies)).toBe(true);
    expect(matchesCookie('_gcl_au', cookies)).toBe(true);
    expect(matchesCookie('_gat', cookies)).toBe(false);
    expect(matchesCookie('cc_cookie', cookies)).toBe(false);
  });
});

describe('what trackers may see', () => {
  it('page addresses lose their query string and fragment', () => {
    expect(sanitizedPageUrl(new URL('https://clinic.example.com/book/?name=Asha&phone=99#top'))).toBe(
      'https://clinic.example.com/book/',
    );
  });

  it('only allow-listed events with allow-listed values pass', () => {
    expect(isAllowedEvent('booking_cta_click')).toBe(true);
    expect(isAllowedEvent('form_submit')).toBe(false);
    expect(isAllowedEvent('toString')).toBe(false);
    expect(allowedParams('booking_cta_click', { specialty: 'dental', email: 'a@example.com' })).toEqual({
      specialty: 'dental',
    });
    expect(allowedParams('booking_cta_click', { specialty: 'Asha Rao' })).toEqual({});
  });

  it('booking routes are tracker-free', () => {
    expect(isTrackerFreeRoute('/book/')).toBe(true);
    expect(isTrackerFreeRoute('/book')).toBe(true);
    expect(isTrackerFreeRoute('/book/thank-you/')).toBe(true);
    expect(isTrackerFreeRoute('/booking-tips/')).toBe(false);
    expect(isTrackerFreeRoute('/')).toBe(false);
  });
});

describe('storedMinorFlag', () => {
  const cookie = (data: unknown) => `a=1; cc_cookie=${encodeURIComponent(JSON.stringify({ data }))}; b=2`;
  it('reads the minor flag from the consent cookie', () => {
    expect(storedMinorFlag(cookie({ minor: true }), 'cc_cookie')).toBe(true);
    expect(storedMinorFlag(cookie(null), 'cc_cookie')).toBe(false);
    expect(storedMinorFlag('cc_cookie=%7Bnot-json', 'cc_cookie')).toBe(false);
    expect(storedMinorFlag('', 'cc_cookie')).toBe(false);
  });
});
