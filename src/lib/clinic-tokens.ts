import { clinic } from '#functions/clinic/clinic.ts';
import { consentSettings } from '#functions/clinic/consent.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { formatPhone } from '#functions/clinic/format.ts';
import { guardianConsentCheck, privacySignalNames, trackerFreePageNames } from '#functions/clinic/policy-wording.ts';
import { retention } from '#functions/clinic/retention.ts';
import { type TrackingService, trackingServices } from '#functions/clinic/tracking-services.ts';
import { preferencesPath } from '#functions/preferences/preference-links.ts';
import { requestSummaryMinutes } from '#src/islands/booking-request-storage.ts';

const listFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
const alternativesFormat = new Intl.ListFormat('en-GB', { style: 'long', type: 'disjunction' });

/** "A, B and C". */
export function formatList(items: readonly string[]): string {
  return listFormat.format(items);
}

/** A period in days as the policies say it: whole years as months ("12 months"), otherwise days. */
export function formatDays(days: number): string {
  if (days > 0 && days % 365 === 0) return `${(days / 365) * 12} months`;
  return days === 1 ? '1 day' : `${days} days`;
}

const serviceNames = (services: readonly TrackingService[]) => formatList(services.map((service) => service.label));

/**
 * Values that Markdown content may quote as `{{token}}`, so policies and pages never hard-code
 * a contact, a period or a list that lives in the site config.
 */
export const clinicTokens: Readonly<Record<string, string>> = {
  brand: clinic.brand,
  legalName: clinic.legalName,
  registeredOffice: clinic.registeredOffice,
  email: clinic.email,
  phone: formatPhone(clinic.phone),
  whatsapp: formatPhone(clinic.whatsapp),
  'grievance.name': clinic.grievanceOfficer.name,
  'grievance.title': clinic.grievanceOfficer.title,
  'grievance.email': clinic.grievanceOfficer.email,
  'grievance.phone': formatPhone(clinic.grievanceOfficer.phone),
  'grievance.postalAddress': clinic.grievanceOfficer.postalAddress,
  'grievance.acknowledgeWithinHours': String(clinic.grievanceOfficer.acknowledgeWithinHours),
  'grievance.resolveWithinDays': String(clinic.grievanceOfficer.resolveWithinDays),
  ...Object.fromEntries(Object.entries(retention).map(([key, value]) => [`retention.${key}`, String(value)])),
  /** How long a cookie choice lasts before the banner asks again ("12 months"). */
  'consent.choiceLasts': formatDays(consentSettings.expiresAfterDays),
  /** Every third-party service the site can load, by name ("Google Analytics 4, Microsoft Clarity and Meta Pixel"). */
  'tracking.all': serviceNames(trackingServices),
  'tracking.analytics': serviceNames(trackingServices.filter((service) => service.category === 'analytics')),
  'tracking.marketing': serviceNames(trackingServices.filter((service) => service.category === 'marketing')),
  /** How long the booking thank-you page can repeat what was requested. */
  'bookingSummary.minutes': String(requestSummaryMinutes),
  /** How a guardian's consent to a request for a patient under 18 is verified, as the form and the email say it. */
  'minors.consentCheck': guardianConsentCheck,
  /** The form pages that never load a tracker ("appointment requests, newsletter sign-up and privacy requests"). */
  trackerFreePages: formatList(consentSettings.trackerFreeRoutes.map((route) => trackerFreePageNames[route])),
  /** The browser signals honoured as a refusal ("Global Privacy Control or Do Not Track"). */
  'consent.privacySignals': alternativesFormat.format(
    consentSettings.privacySignals.map((signal) => privacySignalNames[signal]),
  ),
  /** What such a signal keeps off ("marketing"). */
  'consent.privacySignalRefuses': formatList(consentSettings.privacySignalRefuses),
  /** The Consent Managers the clinic takes consent through, or that there is none yet. */
  'consent.managers':
    consentSettings.consentManagers.length === 0
      ? 'We do not work with a Consent Manager yet; when we do, we will name it here'
      : `We work with ${formatList(consentSettings.consentManagers.map((manager) => `${manager.name} (${manager.url})`))}`,
  'policy.changeNoticeDays': String(consentSettings.policyChangeNoticeDays),
  'dataProtectionBoard.name': dataProtectionBoard.name,
  'dataProtectionBoard.website': dataProtectionBoard.website,
  'security.email': clinic.securityContact.email,
  /** The preferences page every email to a person links. */
  'preferences.path': preferencesPath,
};

const tokenPattern = /\{\{\s*([\w.]+)\s*\}\}/g;

export function replaceClinicTokens(text: string, tokens: Readonly<Record<string, string>> = clinicTokens): string {
  return text.replace(tokenPattern, (_match, name: string) => {
    const value = tokens[name];
    if (value === undefined) throw new Error(`Unknown content token {{${name}}}`);
    return value;
  });
}
