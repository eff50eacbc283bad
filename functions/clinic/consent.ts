import { type Locale, locales, pathWithoutLocale } from './locales.ts';

/**
 * Consent settings shared by the banner, the receipt endpoint and the cookie policy.
 * Bump `revision` (and describe the change in `revisionNote`) to ask every visitor again.
 */
export const consentSettings = {
  revision: 1,
  revisionNote: {
    en: 'We have changed how this site uses cookies. Please check your choices.',
    hi: 'हमने इस साइट पर कुकीज़ के उपयोग का तरीका बदला है। कृपया अपनी पसंद फिर से देखें।',
  } satisfies Record<Locale, string>,
  /** Matches the privacy policy's `version` frontmatter; stored with every consent receipt. */
  policyVersion: '2026-11',
  /** A material change to the policies is published this many days before it takes effect. */
  policyChangeNoticeDays: 30,
  /** A choice lasts at most 12 months; then the banner asks again. */
  expiresAfterDays: 365,
  /**
   * Pages that never load a third-party tracker, even after "Accept all" (path prefixes, in every language): the
   * lead forms' pages, and the preferences page the emails link (its address carries the person's signed link).
   * They load no consent layer either, as there is nothing on them to consent to (see BaseLayout).
   */
  trackerFreeRoutes: ['/book/', '/newsletter/', '/privacy-rights/', '/preferences/'],
  /**
   * Browser signals read as a refusal of the categories in `privacySignalRefuses`: with one, those categories start
   * off and "Accept all" leaves them off; only switching one on in the preferences turns it on. Do Not Track is
   * honoured like Global Privacy Control (both ask a site not to track or share).
   */
  privacySignals: ['gpc', 'dnt'],
  privacySignalRefuses: ['marketing'],
  /**
   * Consent Managers registered with the Data Protection Board (DPDP Act 2023, s.6(7)-(9)) through which this clinic
   * takes consent. The policies say so, and say that there is none yet while this is empty.
   */
  consentManagers: [] as readonly { name: string; url: string }[],
} as const;

export type ConsentLanguage = Locale;
export const consentLanguages = locales;

/** How a choice was made: every optional category, none, or some. */
export const consentAcceptTypes = ['all', 'necessary', 'custom'] as const;
/**
 * Who made it: the visitor in the banner, or the site for them: `gpc` when a privacy signal narrowed "Accept all",
 * `minor` when a form showed the visitor is under 18.
 */
export const consentSources = ['banner', 'gpc', 'minor'] as const;
/** Which privacy signal the browser sent when the choice was made, if any. */
export const privacySignalValues = [...consentSettings.privacySignals, 'none'] as const;
export type PrivacySignal = (typeof privacySignalValues)[number];

/** `/book/` and its pages, in English or Hindi (`/hi/newsletter/`…). */
export function isTrackerFreeRoute(pathname: string): boolean {
  const page = pathWithoutLocale(pathname);
  return consentSettings.trackerFreeRoutes.some(
    (prefix) => page === prefix.replace(/\/$/, '') || page.startsWith(prefix),
  );
}
