import { clinic, grievanceOfficerIn } from '#functions/clinic/clinic.ts';
import { consentSettings } from '#functions/clinic/consent.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { formatPhone } from '#functions/clinic/format.ts';
import { type Locale, languageTags, locales, pathInLocale } from '#functions/clinic/locales.ts';
import {
  consentCategoryNames,
  consentManagerStatements,
  guardianConsentChecks,
  privacySignalNames,
  trackerFreePageNames,
} from '#functions/clinic/policy-wording.ts';
import { retention } from '#functions/clinic/retention.ts';
import { type TrackingService, trackingServices } from '#functions/clinic/tracking-services.ts';
import { preferencesPath } from '#functions/preferences/preference-links.ts';
import { requestSummaryMinutes } from '#src/islands/booking-request-storage.ts';

const listFormats = (type: Intl.ListFormatType) =>
  Object.fromEntries(
    locales.map((locale) => [locale, new Intl.ListFormat(languageTags[locale], { style: 'long', type })]),
  ) as Record<Locale, Intl.ListFormat>;
const conjunctions = listFormats('conjunction');
const alternatives = listFormats('disjunction');

/** "A, B and C" ("A, B और C"). */
export function formatList(items: readonly string[], locale: Locale = 'en'): string {
  return conjunctions[locale].format(items);
}

const periodWords: Readonly<Record<Locale, { months: string; day: string; days: string }>> = {
  en: { months: 'months', day: 'day', days: 'days' },
  hi: { months: 'महीने', day: 'दिन', days: 'दिन' },
};

/** A period in days as the policies say it: whole years as months ("12 months"), otherwise days. */
export function formatDays(days: number, locale: Locale = 'en'): string {
  const words = periodWords[locale];
  if (days > 0 && days % 365 === 0) return `${(days / 365) * 12} ${words.months}`;
  return `${days} ${days === 1 ? words.day : words.days}`;
}

const serviceNames = (services: readonly TrackingService[], locale: Locale) =>
  formatList(
    services.map((service) => service.label),
    locale,
  );

/**
 * Values that Markdown content may quote as `{{token}}`, so policies and pages never hard-code a contact, a period
 * or a list that lives in the site config: the same tokens in each language, words in that language.
 */
function tokensIn(locale: Locale): Readonly<Record<string, string>> {
  const officer = clinic.grievanceOfficer;
  const officerWords = grievanceOfficerIn(locale);
  const managers = consentSettings.consentManagers.map((manager) => `${manager.name} (${manager.url})`);
  return {
    brand: clinic.brand,
    legalName: clinic.legalName,
    registeredOffice: clinic.registeredOffice,
    email: clinic.email,
    phone: formatPhone(clinic.phone),
    whatsapp: formatPhone(clinic.whatsapp),
    'grievance.name': officerWords.name,
    'grievance.title': officerWords.title,
    'grievance.email': officer.email,
    'grievance.phone': formatPhone(officer.phone),
    'grievance.postalAddress': officer.postalAddress,
    'grievance.acknowledgeWithinHours': String(officer.acknowledgeWithinHours),
    'grievance.resolveWithinDays': String(officer.resolveWithinDays),
    ...Object.fromEntries(Object.entries(retention).map(([key, value]) => [`retention.${key}`, String(value)])),
    /** How long a cookie choice lasts before the banner asks again ("12 months"). */
    'consent.choiceLasts': formatDays(consentSettings.expiresAfterDays, locale),
    /** Every third-party service the site can load, by name ("Google Analytics 4, Microsoft Clarity and Meta Pixel"). */
    'tracking.all': serviceNames(trackingServices, locale),
    'tracking.analytics': serviceNames(
      trackingServices.filter((service) => service.category === 'analytics'),
      locale,
    ),
    'tracking.marketing': serviceNames(
      trackingServices.filter((service) => service.category === 'marketing'),
      locale,
    ),
    /** How long the booking thank-you page can repeat what was requested. */
    'bookingSummary.minutes': String(requestSummaryMinutes),
    /** How a guardian's consent to a request for a patient under 18 is verified, as the form and the email say it. */
    'minors.consentCheck': guardianConsentChecks[locale],
    /** The form pages that never load a tracker ("appointment requests, newsletter sign-up and privacy requests"). */
    trackerFreePages: formatList(
      consentSettings.trackerFreeRoutes.map((route) => trackerFreePageNames[locale][route]),
      locale,
    ),
    /** The browser signals honoured as a refusal ("Global Privacy Control or Do Not Track"). */
    'consent.privacySignals': alternatives[locale].format(
      consentSettings.privacySignals.map((signal) => privacySignalNames[signal]),
    ),
    /** What such a signal keeps off ("marketing"). */
    'consent.privacySignalRefuses': formatList(
      consentSettings.privacySignalRefuses.map((category) => consentCategoryNames[locale][category].toLowerCase()),
      locale,
    ),
    /** The Consent Managers the clinic takes consent through, or that there is none yet. */
    'consent.managers':
      managers.length === 0
        ? consentManagerStatements[locale].none
        : consentManagerStatements[locale].some(formatList(managers, locale)),
    'policy.changeNoticeDays': String(consentSettings.policyChangeNoticeDays),
    'dataProtectionBoard.name': locale === 'hi' ? dataProtectionBoard.nameInHindi : dataProtectionBoard.name,
    'dataProtectionBoard.website': dataProtectionBoard.website,
    'security.email': clinic.securityContact.email,
    /** The preferences page every email to a person links, in the policy's language. */
    'preferences.path': pathInLocale(locale, preferencesPath),
  };
}

export const clinicTokens: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: tokensIn('en'),
  hi: tokensIn('hi'),
};

const tokenPattern = /\{\{\s*([\w.]+)\s*\}\}/g;

export function replaceClinicTokens(text: string, tokens: Readonly<Record<string, string>> = clinicTokens.en): string {
  return text.replace(tokenPattern, (_match, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`Unknown content token {{${name}}}`);
    return value;
  });
}
