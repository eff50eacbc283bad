import { randomUUID } from 'node:crypto';
import {
  type AdultBookingRequest,
  type BookableTreatment,
  type BookingFormValues,
  type BookingRequest,
  createBookingSchema,
  type MinorBookingRequest,
} from '#functions/forms/booking-schema.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import { toMobileE164 } from '#functions/intake/phone.ts';
import type { CrmBookingPayload, GuardianConsentLink, NewsletterLinks } from '#functions/outbox/jobs.ts';

/** A Monday. Indiranagar opens every day (Sundays until 2 pm), Bandra is closed on Sundays, Hauz Khas on Mondays. */
export const today = '2026-11-23';
/** When the fixtures' requests were stored: noon in the clinic on `today`. */
export const requestedAt = '2026-11-23T06:30:00.000Z';

/** As the build lists them for the server (src/pages/book/treatments.json.ts): English titles, and each language's. */
export const treatments: BookableTreatment[] = [
  {
    id: 'teeth-whitening',
    specialty: 'dental',
    title: 'Teeth whitening',
    titles: { en: 'Teeth whitening', hi: 'दांतों की व्हाइटनिंग' },
  },
  {
    id: 'acne-treatment',
    specialty: 'skin',
    title: 'Acne treatment',
    titles: { en: 'Acne treatment', hi: 'मुंहासों का इलाज' },
  },
  {
    id: 'hair-transplant',
    specialty: 'hair',
    title: 'Hair transplant',
    titles: { en: 'Hair transplant', hi: 'हेयर ट्रांसप्लांट' },
  },
];

export const bookingSchema = createBookingSchema({
  treatments,
  today,
  parseMobile: toMobileE164,
  messages: englishFormMessages,
});

/** What an adult's completed booking form holds. */
export function adultBookingValues(overrides: Partial<BookingFormValues> = {}): BookingFormValues {
  return {
    submissionId: randomUUID(),
    treatment: 'teeth-whitening',
    branch: 'bengaluru-indiranagar',
    preferredDate: '2026-11-25',
    timeWindow: 'morning',
    fullName: 'Asha Rao',
    mobile: '98765 43210',
    email: 'asha@example.com',
    dateOfBirth: '1990-05-01',
    helpText: 'A chipped front tooth',
    consents: { privacyNotice: true, whatsappUpdates: true, emailNews: true },
    attribution: { utm_source: 'google', utm_campaign: 'whitening', landingPage: '/treatments/teeth-whitening/' },
    marketingCookies: true,
    ...overrides,
  };
}

/** A 15-year-old's form, filled by their mother Asha with her own mobile and email, as the form asks. */
export function minorBookingValues(overrides: Partial<BookingFormValues> = {}): BookingFormValues {
  return adultBookingValues({
    fullName: 'Kiran Rao',
    dateOfBirth: '2011-03-10',
    guardian: { name: 'Asha Rao', relationship: 'parent', consent: true },
    ...overrides,
  });
}

export function adultBooking(overrides: Partial<BookingFormValues> = {}): AdultBookingRequest {
  const request = bookingSchema.parse(adultBookingValues(overrides));
  if (request.isMinor) throw new Error('Expected an adult booking');
  return request;
}

export function minorBooking(overrides: Partial<BookingFormValues> = {}): MinorBookingRequest {
  const request = bookingSchema.parse(minorBookingValues(overrides));
  if (!request.isMinor) throw new Error("Expected a minor's booking");
  return request;
}

/** Stand-ins for the signed links a newsletter sign-up's confirmation email carries. */
export function newsletterLinks(reference: string): NewsletterLinks {
  return {
    confirmUrl: `https://www.clinic.test/newsletter/confirm/?token=${reference}`,
    expiresAt: '2026-11-30T10:00:00.000Z',
    unsubscribeUrl: `https://www.clinic.test/newsletter/unsubscribe/?token=${reference}`,
  };
}

/** A stand-in for the signed link a guardian's consent email carries. */
export function guardianLinks(reference: string): GuardianConsentLink {
  return {
    verifyUrl: `https://www.clinic.test/book/guardian-consent/?token=${reference}`,
    expiresAt: '2026-11-30T06:30:00.000Z',
  };
}

/** The 'crm.booking' job's payload that storing this request queues. */
export function crmBookingPayload(
  request: BookingRequest,
  reference = 'KC-7Q4M-X2P9',
  storedAt = requestedAt,
): CrmBookingPayload {
  const job = bookingJobs(request, reference, storedAt, guardianLinks(reference)).find(
    (draft) => draft.kind === 'crm.booking',
  );
  if (job?.kind !== 'crm.booking') throw new Error('No crm.booking job');
  return job.payload;
}
