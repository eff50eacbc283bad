/**
 * Everything the site's server pages and endpoints work with, made once per process from the settings: the
 * store, the forms with their intakes and rate limits, the consent receipt endpoint and the newsletter's links.
 * The Node server (server.ts) makes it and hands it to every Astro request as `locals.site`; `astro dev` makes
 * its own (src/middleware.ts).
 */
import type { Kysely } from 'kysely';
import { clinic } from '#functions/clinic/clinic.ts';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';
import { createBookingIntake } from '#functions/intake/booking-intake.ts';
import { createGuardianConsentActions, type GuardianConsentActions } from '#functions/intake/guardian-consent.ts';
import { createRightsRequestIntake } from '#functions/intake/rights-request-intake.ts';
import { createNewsletterLinkActions, type NewsletterLinkActions } from '#functions/newsletter/links.ts';
import { createNewsletterIntake } from '#functions/newsletter/newsletter-intake.ts';
import { createPreferenceActions, type PreferenceActions } from '#functions/preferences/preferences.ts';
import { defaultSiteUrl, type Settings } from '#functions/settings/settings.ts';
import { getStore } from '#functions/store/instance.ts';
import { storeConfigFrom } from '#functions/store/open.ts';
import type { Database } from '#functions/store/schema.ts';
import { clientAddressKey, linkSigningKey } from '#functions/store/site-secrets.ts';
import { createConsentReceiptHandler } from './consent-endpoint.ts';
import type { LeadForm } from './lead-forms.ts';
import { createOneClickUnsubscribeHandler } from './one-click-unsubscribe.ts';
import { type ClientRateLimiter, createClientRateLimiter } from './rate-limit.ts';
import type { IncomingBody } from './request-body.ts';
import type { JsonAnswer } from './responses.ts';

export interface Site {
  settings: Settings;
  /** The process's store, opened on first use. */
  database: () => Promise<Kysely<Database>>;
  /** What the booking form offers, in the order it lists them. */
  bookableTreatments: () => Promise<readonly BookableTreatment[]>;
  forms: { booking: LeadForm; newsletter: LeadForm; rightsRequest: LeadForm };
  /** `POST /api/consent`. */
  consentReceipt: (request: Request | IncomingBody, clientAddress: string) => Promise<JsonAnswer>;
  newsletterLinks: NewsletterLinkActions;
  /** The page a patient under 18's guardian opens from the link in their email. */
  guardianConsent: GuardianConsentActions;
  /** The preferences page every email to a person links, and the limit on its buttons (as on the forms). */
  preferences: PreferenceActions & { rateLimit: ClientRateLimiter };
  /** RFC 8058's one-click POST to the List-Unsubscribe address, which mail apps send. */
  oneClickUnsubscribe: (request: Request) => Promise<Response>;
}

/**
 * The treatments the booking form offers come from the `treatments` content collection, which only the Astro
 * build reads: it lists them in this file (src/pages/book/treatments.json.ts), and the server reads that.
 */
export const bookableTreatmentsPath = '/book/treatments.json';

const formWindowSeconds = 600;
const consentReceiptLimit = { points: 20, windowSeconds: 60 };

export function createSite(
  settings: Settings,
  { bookableTreatments }: { bookableTreatments: () => Promise<readonly BookableTreatment[]> },
): Site {
  const store = () => getStore(storeConfigFrom(settings));
  const database = async () => (await store()).db;
  const signingKey = (db: Kysely<Database>) => linkSigningKey(db, settings.LINK_SIGNING_KEY);
  const siteUrl = settings.SITE_URL ?? defaultSiteUrl;
  // Kept in PostgreSQL when the site runs on it, so that a client's limit holds across every instance.
  const shared = async () => {
    const { db, shared } = await store();
    return { sharedCounts: shared ? db : undefined, hashKey: await clientAddressKey(db) };
  };
  const formRateLimit = (name: string) =>
    createClientRateLimiter({ name, points: settings.FORM_RATE_LIMIT, windowSeconds: formWindowSeconds, shared });
  return {
    settings,
    database,
    bookableTreatments,
    forms: {
      booking: {
        intake: createBookingIntake({ database, treatments: bookableTreatments, siteUrl, signingKey }),
        rateLimit: formRateLimit('booking'),
        invalidErrorCode: 'invalid_booking',
        checkboxFields: [
          'consents.privacyNotice',
          'consents.whatsappUpdates',
          'consents.emailNews',
          'guardian.consent',
        ],
      },
      newsletter: {
        intake: createNewsletterIntake({ database, siteUrl, signingKey }),
        rateLimit: formRateLimit('newsletter'),
        invalidErrorCode: 'invalid_signup',
        checkboxFields: ['marketingConsent'],
        // The footer's form is on prebuilt pages, so it cannot carry a submission ID made for this visit. Sending
        // it twice cannot subscribe twice either way: an address with a live subscription is kept once.
        plainFormDefaults: () => ({ submissionId: crypto.randomUUID() }),
      },
      rightsRequest: {
        intake: createRightsRequestIntake({ database, deadlines: clinic.grievanceOfficer }),
        rateLimit: formRateLimit('rights-request'),
        invalidErrorCode: 'invalid_request',
        checkboxFields: [],
      },
    },
    consentReceipt: createConsentReceiptHandler({
      rateLimit: createClientRateLimiter({ ...consentReceiptLimit, name: 'consent', shared }),
      database,
    }),
    newsletterLinks: createNewsletterLinkActions({ database, signingKey }),
    guardianConsent: createGuardianConsentActions({ database, signingKey }),
    preferences: { ...createPreferenceActions({ database, signingKey }), rateLimit: formRateLimit('preferences') },
    oneClickUnsubscribe: createOneClickUnsubscribeHandler({ database, signingKey }),
  };
}
