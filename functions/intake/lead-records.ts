/**
 * Each lead stored with the jobs that deliver it, in one transaction: the store's writes given this domain's
 * references and job payloads (lead-jobs.ts). The intakes store through these, and so do the tests.
 */
import type { Kysely } from 'kysely';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import type { NewsletterSignup } from '#functions/forms/newsletter-schema.ts';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import type { NewsletterLinks } from '#functions/outbox/jobs.ts';
import { type RecordedLead, recordBookingRequest, recordNewsletterSignup } from '#functions/store/leads.ts';
import { recordRightsRequest } from '#functions/store/rights-requests.ts';
import type { Database } from '#functions/store/schema.ts';
import {
  bookingJobs,
  marketingWithdrawalJobs,
  newsletterJobs,
  type RightsRequestDeadlines,
  rightsRequestJobs,
  rightsRequestReceipt,
} from './lead-jobs.ts';
import { generateReference } from './reference.ts';

export function storeBookingRequest(db: Kysely<Database>, request: BookingRequest): Promise<RecordedLead> {
  return recordBookingRequest(db, request, {
    newReference: generateReference,
    jobsFor: (reference, requestedAt) => bookingJobs(request, reference, requestedAt),
  });
}

/** `linksFor` makes the signed links of the confirmation email, once the sign-up has its reference. */
export function storeNewsletterSignup(
  db: Kysely<Database>,
  signup: NewsletterSignup,
  linksFor: (reference: string) => NewsletterLinks,
): Promise<RecordedLead> {
  return recordNewsletterSignup(db, signup, {
    newReference: generateReference,
    jobsFor: (reference) => newsletterJobs(signup, reference, linksFor(reference)),
  });
}

export function storeRightsRequest(
  db: Kysely<Database>,
  request: RightsRequest,
  receivedAt: Date,
  deadlines: RightsRequestDeadlines,
): Promise<RecordedLead> {
  return recordRightsRequest(db, request, {
    newReference: generateReference,
    jobsFor: (reference) => rightsRequestJobs(request, rightsRequestReceipt(reference, receivedAt, deadlines)),
    withdrawalJobsFor: marketingWithdrawalJobs,
  });
}
