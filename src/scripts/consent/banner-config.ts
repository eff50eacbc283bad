import type { CookieConsentConfig, Translation } from 'vanilla-cookieconsent';
import { type ConsentLanguage, consentSettings, type PrivacySignal } from '#functions/clinic/consent.ts';
import { privacySignalNames } from '#functions/clinic/policy-wording.ts';
import { consentCookie, necessaryCookies, type TrackingService } from '#functions/clinic/tracking-services.ts';
import type { BannerCopy } from './copy.ts';

export interface BannerOptions {
  /** The page's language, and the banner's words in it (the page carries them: see copy.ts). */
  language: ConsentLanguage;
  copy: BannerCopy;
  services: readonly TrackingService[];
  /** The privacy signal the browser sends, if any (privacy-signal.ts). */
  privacySignal: PrivacySignal;
  /** A form has shown that the visitor is under 18. */
  minor: boolean;
  secureCookie: boolean;
  callbacks: Pick<CookieConsentConfig, 'onFirstConsent' | 'onConsent' | 'onChange' | 'onModalReady' | 'onModalShow'>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);

/**
 * Once a form has shown the visitor is under 18 there is nothing left to choose: the preferences explain why
 * tracking stays off, with no toggle and no button that would do nothing.
 */
async function minorTranslation(copy: BannerCopy, language: ConsentLanguage): Promise<Translation> {
  const { minorExplanation } = await import('./copy-minor.ts');
  return {
    consentModal: {},
    preferencesModal: {
      title: copy.preferencesTitle,
      closeIconLabel: copy.close,
      sections: [{ description: minorExplanation[language] }, { description: `${copy.complaints}${copy.policyLinks}` }],
    },
  };
}

function translation(copy: BannerCopy, language: ConsentLanguage, options: BannerOptions): Translation {
  const signal = options.privacySignal === 'none' ? undefined : privacySignalNames[options.privacySignal];
  const naming = (text: string) => text.replace('{signal}', signal ?? '');
  const categorySection = (category: 'analytics' | 'marketing') => {
    const services = options.services.filter((service) => service.category === category);
    if (services.length === 0) return [];
    const serviceList = services
      .map((service) => {
        const cookies = service.cookies.map((cookie) => `${cookie.name}${cookie.prefix ? '*' : ''}`).join(', ');
        return `<br><strong>${escapeHtml(service.label)}</strong> (${escapeHtml(service.provider)}): ${copy.servicePurposes[service.id]} ${copy.cookiesLabel}: ${cookies}.`;
      })
      .join('');
    return [
      {
        title: copy.categories[category].title,
        description: `${copy.categories[category].description}${serviceList}`,
        linkedCategory: category,
      },
    ];
  };

  return {
    consentModal: {
      title: copy.title,
      // The library fills {{revisionMessage}} only for visitors whose stored choice is from an older revision.
      description: `${signal ? naming(copy.signalDescription) : copy.description}{{revisionMessage}}`,
      acceptAllBtn: copy.acceptAll,
      acceptNecessaryBtn: copy.rejectAll,
      showPreferencesBtn: copy.managePreferences,
      closeIconLabel: copy.closeAndReject,
      revisionMessage: `<br><strong>${consentSettings.revisionNote[language]}</strong>`,
      footer: copy.policyLinks,
    },
    preferencesModal: {
      title: copy.preferencesTitle,
      acceptAllBtn: copy.acceptAll,
      acceptNecessaryBtn: copy.rejectAll,
      savePreferencesBtn: copy.savePreferences,
      closeIconLabel: copy.close,
      serviceCounterLabel: copy.serviceCounter,
      sections: [
        { description: `${copy.intro}${signal ? naming(copy.signalPreferencesNote) : ''}` },
        {
          title: copy.categories.necessary.title,
          description: `${copy.categories.necessary.description} ${copy.cookiesLabel}: ${necessaryCookies.map((cookie) => cookie.name).join(', ')}.`,
          linkedCategory: 'necessary',
        },
        ...categorySection('analytics'),
        ...categorySection('marketing'),
        { description: `${copy.complaints}${copy.policyLinks}` },
      ],
    },
  };
}

/** The one configuration the site ships, browser tests included (`hideFromBots` is off so they see it). */
export function buildBannerConfig(options: BannerOptions): CookieConsentConfig {
  const servicesIn = (category: 'analytics' | 'marketing') =>
    Object.fromEntries(
      options.services
        .filter((service) => service.category === category)
        .map((service) => [service.id, { label: service.label }]),
    );
  const categories: CookieConsentConfig['categories'] = { necessary: { enabled: true, readOnly: true } };
  for (const category of ['analytics', 'marketing'] as const) {
    const services = servicesIn(category);
    // Never readOnly, even for a minor: the library treats a read-only category as always accepted. main.ts undoes
    // any later acceptance for a minor instead.
    if (Object.keys(services).length > 0) categories[category] = { services };
  }

  return {
    mode: 'opt-in',
    // A minor's choice is recorded for them (main.ts): the banner would only offer buttons that change nothing.
    autoShow: options.services.length > 0 && !options.minor,
    revision: consentSettings.revision,
    hideFromBots: false,
    manageScriptTags: false,
    // Withdrawal deletes cookies on the host and every parent domain itself (see cookies.ts).
    autoClearCookies: false,
    disablePageInteraction: false,
    cookie: {
      name: consentCookie.name,
      expiresAfterDays: consentSettings.expiresAfterDays,
      sameSite: 'Lax',
      secure: options.secureCookie,
    },
    guiOptions: {
      consentModal: { layout: 'box wide', position: 'bottom center', equalWeightButtons: true, flipButtons: false },
      preferencesModal: { layout: 'box', equalWeightButtons: true, flipButtons: false },
    },
    categories,
    // One language: the page's, in the words the page carries.
    language: {
      default: options.language,
      translations: {
        [options.language]: options.minor
          ? () => minorTranslation(options.copy, options.language)
          : translation(options.copy, options.language, options),
      },
    },
    ...options.callbacks,
  };
}
