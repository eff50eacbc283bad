/**
 * Real job payloads, made by the same functions that queue them: the emails' from the lead fixtures, and both
 * jobs of a data-rights request from a form parsed by the real schema.
 */
import { randomUUID } from 'node:crypto';
import type { BookingFormValues } from '#functions/forms/booking-schema.ts';
import { englishFormMessages } from '#functions/forms/messages-en.ts';
import { createRightsRequestSchema, type RightsRequestFormValues } from '#functions/forms/rights-request-schema.ts';
import { bookingJobs, newsletterJobs, rightsRequestJobs } from '#functions/intake/lead-jobs.ts';
import { toMobileE164 } from '#functions/intake/phone.ts';
import type { OutboxJobDraft, OutboxJobKind, OutboxJobPayload, RightsRequestReceipt } from '#functions/outbox/jobs.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks, requestedAt } from './lead-fixtures.ts';

export const reference = 'KC-7Q4M-X2P9';

function payloadOf<Kind extends OutboxJobKind>(jobs: readonly OutboxJobDraft[], kind: Kind): OutboxJobPayload<Kind> {
  const job = jobs.find((candidate) => candidate.kind === kind);
  if (!job) throw new Error(`No ${kind} job`);
  return job.payload as OutboxJobPayload<Kind>;
}

export const adultConfirmation = (overrides: Partial<BookingFormValues> = {}) =>
  payloadOf(
    bookingJobs(adultBooking(overrides), reference, requestedAt, guardianLinks(reference)),
    'email.booking-confirmation',
  );
export const adultFrontDesk = (overrides: Partial<BookingFormValues> = {}) =>
  payloadOf(bookingJobs(adultBooking(overrides), reference, requestedAt, guardianLinks(reference)), 'email.front-desk');
export const minorFrontDesk = (overrides: Partial<BookingFormValues> = {}) =>
  payloadOf(bookingJobs(minorBooking(overrides), reference, requestedAt, guardianLinks(reference)), 'email.front-desk');

export const guardianConsentRequest = (overrides: Partial<BookingFormValues> = {}) =>
  payloadOf(
    bookingJobs(minorBooking(overrides), reference, requestedAt, guardianLinks(reference)),
    'email.guardian-consent',
  );

export const newsletterConfirmation = () =>
  payloadOf(
    newsletterJobs(
      { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
      reference,
      newsletterLinks(reference),
    ),
    'email.newsletter-confirmation',
  );

/** Received at 10:30 am IST on Monday 23 November 2026, with the policy's 48-hour and 30-day deadlines. */
export const rightsReceipt: RightsRequestReceipt = {
  reference,
  receivedAt: '2026-11-23T05:00:00.000Z',
  acknowledgeBy: '2026-11-25T05:00:00.000Z',
  resolveBy: '2026-12-23T05:00:00.000Z',
};

const rightsRequestSchema = createRightsRequestSchema({ parseMobile: toMobileE164, messages: englishFormMessages });

/** Asha asks for her own information to be deleted, giving both an email and a mobile; '' leaves a field out. */
export function rightsRequestValues(overrides: Partial<RightsRequestFormValues> = {}): RightsRequestFormValues {
  return {
    submissionId: randomUUID(),
    requestType: 'erasure',
    fullName: 'Asha Rao',
    email: 'Asha@Example.com',
    mobile: '98765 43210',
    requesterRole: 'self',
    locale: 'en',
    details: 'Please delete everything from my booking last year.',
    ...overrides,
  };
}

const rightsJobs = (overrides: Partial<RightsRequestFormValues>) =>
  rightsRequestJobs(rightsRequestSchema.parse(rightsRequestValues(overrides)), rightsReceipt);

export const crmRightsRequest = (overrides: Partial<RightsRequestFormValues> = {}) =>
  payloadOf(rightsJobs(overrides), 'crm.rights-request');
export const rightsAcknowledgement = (overrides: Partial<RightsRequestFormValues> = {}) =>
  payloadOf(rightsJobs(overrides), 'email.rights-acknowledgement');
