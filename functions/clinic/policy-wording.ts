/**
 * What the privacy and cookie policies say about facts the code decides, keyed by the code's own identifiers so
 * that a new tracking service or tracker-free page cannot be added without its wording here (the compiler asks
 * for it). The policies quote these through `{{token}}` and `{{table.*}}` placeholders (src/lib/clinic-tokens.ts,
 * src/lib/policy-blocks.ts); tests/unit/policy-drift.test.ts checks the rendered policies.
 */
import type { consentSettings } from './consent.ts';
import { retention } from './retention.ts';
import type { TrackingServiceId } from './tracking-services.ts';

export interface TrackingServicePolicy {
  /** What the tool collects, in plain words. */
  collects: string;
  /** How its use is limited (see src/scripts/consent/loaders.ts for the settings applied). */
  limits: string;
}

/** One entry per service in tracking-services.ts. */
export const trackingServicePolicy: Readonly<Record<TrackingServiceId, TrackingServicePolicy>> = {
  ga4: {
    collects: 'Pages visited, time on pages, device and browser type, approximate location, and how you reached us.',
    limits:
      'Your IP address is used only to estimate a rough location and is not stored. Google signals and ad personalisation are switched off, and only analytics storage is allowed.',
  },
  clarity: {
    collects: 'Clicks, taps, scrolling and mouse movement, and recordings of how pages are used.',
    limits: 'Everything typed into form fields is masked, so it is never recorded. No advertising storage.',
  },
  meta: {
    collects:
      'Pages you visit on our site, with browser, device and IP address, so that visits can be matched to our ads on Facebook and Instagram.',
    limits: 'Used only to measure our ads.',
  },
};

export type TrackerFreeRoute = (typeof consentSettings.trackerFreeRoutes)[number];

/** How the policies and the banner name each privacy signal the site honours (`consentSettings.privacySignals`). */
export const privacySignalNames: Readonly<Record<(typeof consentSettings.privacySignals)[number], string>> = {
  gpc: 'Global Privacy Control',
  dnt: 'Do Not Track',
};

/** How the policies and notices name each page in `consentSettings.trackerFreeRoutes`. */
export const trackerFreePageNames: Readonly<Record<TrackerFreeRoute, string>> = {
  '/book/': 'appointment requests',
  '/newsletter/': 'newsletter sign-up',
  '/privacy-rights/': 'privacy requests',
};

/**
 * How a parent or guardian's consent to a request for a patient under 18 is verified, and what happens until it
 * is: the booking form's notice, the privacy policy (`{{minors.consentCheck}}`) and the email to the guardian say
 * exactly this (tests/unit/policy-drift.test.ts holds them to it).
 */
export const guardianConsentCheck = `We book an appointment for a patient under 18 only once their parent or guardian's consent is verified: the parent or guardian confirms it through the link we email them, or our front desk confirms it with them by phone or at the clinic. Until then, the patient's details go only to our front desk, who arrange appointments, by email and in the request's record in our CRM, and we send the patient nothing. If the consent is not verified within ${retention.unverifiedMinorRequestDays} days, we delete the request from our website's database and from our CRM.`;

/** What a parent or guardian confirms, in one step, on the page the emailed link opens. */
export function guardianConsentStatement(patientName: string): string {
  return `I am ${patientName}'s parent or legal guardian and I agree to this request.`;
}
