/**
 * Each lead stored with the jobs that deliver it, in one transaction: the store's writes given this domain's
 * references and job payloads (lead-jobs.ts). `store*` writes one lead; `store*s` a group of them, as the intakes'
 * group commits (functions/store/group-commit.ts) do.
 */
import type { Kysely } from 'kysely';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import type { NewsletterSignup } from '#functions/forms/newsletter-schema.ts';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import type { GuardianConsentLink, NewsletterLinks, Screened } from '#functions/outbox/jobs.ts';
import { type RecordedLead, recordBookingRequests, recordNewsletterSignups } from '#functions/store/leads.ts';
import { recordRightsRequests } from '#functions/store/rights-requests.ts';
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

const only = async (recorded: Promise<readonly RecordedLead[]>): Promise<RecordedLead> => {
  const [lead] = await recorded;
  if (!lead) throw new Error('No lead recorded');
  return lead;
};

/** Each request with the maker of the signed link its guardian's consent email carries, which needs its reference. */
export interface BookingToStore {
  request: BookingRequest & Screened;
  guardianLinkFor: (reference: string) => GuardianConsentLink;
}

export function storeBookingRequests(
  db: Kysely<Database>,
  bookings: readonly BookingToStore[],
): Promise<RecordedLead[]> {
  return recordBookingRequests(
    db,
    bookings.map(({ request, guardianLinkFor }) => ({
      lead: request,
      jobsFor: (reference, requestedAt) => bookingJobs(request, reference, requestedAt, guardianLinkFor(reference)),
    })),
    generateReference,
  );
}

export const storeBookingRequest = (
  db: Kysely<Database>,
  request: BookingRequest,
  guardianLinkFor: BookingToStore['guardianLinkFor'],
) => only(storeBookingRequests(db, [{ request, guardianLinkFor }]));

/** Each sign-up with the maker of its confirmation email's signed links, which need its reference. */
export interface SignupToStore {
  signup: NewsletterSignup;
  linksFor: (reference: string) => NewsletterLinks;
}

export function storeNewsletterSignups(
  db: Kysely<Database>,
  signups: readonly SignupToStore[],
): Promise<RecordedLead[]> {
  return recordNewsletterSignups(
    db,
    signups.map(({ signup, linksFor }) => ({
      lead: signup,
      jobsFor: (reference) => newsletterJobs(signup, reference, linksFor(reference)),
    })),
    generateReference,
  );
}

export const storeNewsletterSignup = (
  db: Kysely<Database>,
  signup: NewsletterSignup,
  linksFor: SignupToStore['linksFor'],
) => only(storeNewsletterSignups(db, [{ signup, linksFor }]));

/** Each request with the moment it was received, from which its deadlines run. */
export interface RightsRequestToStore {
  request: RightsRequest & Screened;
  receivedAt: Date;
}

export function storeRightsRequests(
  db: Kysely<Database>,
  requests: readonly RightsRequestToStore[],
  deadlines: RightsRequestDeadlines,
): Promise<RecordedLead[]> {
  return recordRightsRequests(
    db,
    requests.map(({ request, receivedAt }) => ({
      lead: request,
      jobsFor: (reference) => rightsRequestJobs(request, rightsRequestReceipt(reference, receivedAt, deadlines)),
      withdrawalJobsFor: marketingWithdrawalJobs,
    })),
    generateReference,
  );
}

export const storeRightsRequest = (
  db: Kysely<Database>,
  request: RightsRequest,
  receivedAt: Date,
  deadlines: RightsRequestDeadlines,
) => only(storeRightsRequests(db, [{ request, receivedAt }], deadlines));
