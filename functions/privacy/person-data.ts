/**
 * Everything the website's database holds about one person, found by email address or mobile number, for a
 * data principal's requests: access (export) and erasure. Booking requests match on the person's own email or
 * mobile and on a guardian's (for a child, the DPDP Act's data principal includes the parent or guardian,
 * s.2(j)), with the record of the guardian's consent; newsletter subscriptions match on the email; data-rights requests on their email or
 * mobile. Every outbox job of those rows comes with them, and so does any other job whose payload names the
 * person as a JSON string value.
 *
 * Export and erasure each write a privacy_audit row and a processing record in the same transaction: counts and
 * the requests' references, never the identifier.
 */
import type { Kysely, Selectable } from 'kysely';
import { crmErasureJobs } from '#functions/intake/lead-jobs.ts';
import { insertJobsOfDeletedLeads } from '#functions/store/leads.ts';
import { deletePersonRecords, findPersonRecords, type PersonIdentifier } from '#functions/store/person-records.ts';
import { recordPrivacyAudit } from '#functions/store/privacy-audit.ts';
import { recordProcessing } from '#functions/store/processing-log.ts';
import type {
  BookingRequestsTable,
  Database,
  GuardianConsentsTable,
  NewsletterSubscriptionsTable,
  OutboxJobStatus,
  OutboxJobsTable,
  PreferenceChangesTable,
  RightsRequestsTable,
} from '#functions/store/schema.ts';

export type BookingMatch = 'email' | 'mobile' | 'guardianEmail' | 'guardianMobile';
export type RightsRequestMatch = 'email' | 'mobile';
export type OutboxJobRecord = Selectable<OutboxJobsTable>;

export interface MatchedBooking {
  matchedOn: BookingMatch[];
  record: Selectable<BookingRequestsTable>;
  /** A request for a patient under 18: how and when the guardian's consent was verified, or that it is pending. */
  guardianConsent: Selectable<GuardianConsentsTable> | undefined;
  outboxJobs: OutboxJobRecord[];
}

export interface MatchedSubscription {
  record: Selectable<NewsletterSubscriptionsTable>;
  outboxJobs: OutboxJobRecord[];
}

/** A data-rights request the person made (or that gives their email or mobile to reply to). */
export interface MatchedRightsRequest {
  matchedOn: RightsRequestMatch[];
  record: Selectable<RightsRequestsTable>;
  outboxJobs: OutboxJobRecord[];
}

export interface PersonData {
  bookingRequests: MatchedBooking[];
  newsletterSubscriptions: MatchedSubscription[];
  rightsRequests: MatchedRightsRequest[];
  /** Jobs of leads that did not match, whose payload names the person all the same. */
  otherOutboxJobs: OutboxJobRecord[];
  /** Choices changed on the preferences page for the email or the mobile. */
  preferenceChanges: Selectable<PreferenceChangesTable>[];
}

/** Jobs whose payload has not reached its destination: waiting, being delivered, or given up on. */
export const notDeliveredStatuses = ['pending', 'running', 'dead'] as const satisfies readonly OutboxJobStatus[];
type NotDeliveredStatus = (typeof notDeliveredStatuses)[number];

/** What a request found, as the audit log keeps it: numbers, and which kind of identifier was given. */
export interface PersonDataCounts {
  identifierType: PersonIdentifier['type'];
  bookingRequests: number;
  bookingRequestsMatchedOn: Record<BookingMatch, number>;
  newsletterSubscriptions: number;
  rightsRequests: number;
  rightsRequestsMatchedOn: Record<RightsRequestMatch, number>;
  /** Every job found: those of the matched leads and the others naming the person. */
  outboxJobs: number;
  outboxJobsOfOtherLeads: number;
  notDelivered: Record<NotDeliveredStatus, number>;
  preferenceChanges: number;
}

/** Which of a booking's columns hold the identifier. */
export function bookingMatches(record: Selectable<BookingRequestsTable>, identifier: PersonIdentifier): BookingMatch[] {
  const matches: BookingMatch[] = [];
  if (identifier.type === 'email') {
    if (record.email?.toLowerCase() === identifier.email) matches.push('email');
    if (record.guardian_email?.toLowerCase() === identifier.email) matches.push('guardianEmail');
  } else {
    if (record.mobile_e164 === identifier.mobile) matches.push('mobile');
    if (record.guardian_mobile_e164 === identifier.mobile) matches.push('guardianMobile');
  }
  return matches;
}

/** Which of a rights request's columns hold the identifier. */
export function rightsRequestMatches(
  record: Selectable<RightsRequestsTable>,
  identifier: PersonIdentifier,
): RightsRequestMatch[] {
  if (identifier.type === 'email') return record.email?.toLowerCase() === identifier.email ? ['email'] : [];
  return record.mobile_e164 === identifier.mobile ? ['mobile'] : [];
}

export function allOutboxJobs(data: PersonData): OutboxJobRecord[] {
  return [
    ...data.bookingRequests.flatMap((booking) => booking.outboxJobs),
    ...data.newsletterSubscriptions.flatMap((subscription) => subscription.outboxJobs),
    ...data.rightsRequests.flatMap((request) => request.outboxJobs),
    ...data.otherOutboxJobs,
  ];
}

export function countPersonData(identifier: PersonIdentifier, data: PersonData): PersonDataCounts {
  const jobs = allOutboxJobs(data);
  const matchedOn = (match: BookingMatch) =>
    data.bookingRequests.filter((booking) => booking.matchedOn.includes(match)).length;
  const requestsMatchedOn = (match: RightsRequestMatch) =>
    data.rightsRequests.filter((request) => request.matchedOn.includes(match)).length;
  const withStatus = (status: NotDeliveredStatus) => jobs.filter((job) => job.status === status).length;
  return {
    identifierType: identifier.type,
    bookingRequests: data.bookingRequests.length,
    bookingRequestsMatchedOn: {
      email: matchedOn('email'),
      mobile: matchedOn('mobile'),
      guardianEmail: matchedOn('guardianEmail'),
      guardianMobile: matchedOn('guardianMobile'),
    },
    newsletterSubscriptions: data.newsletterSubscriptions.length,
    rightsRequests: data.rightsRequests.length,
    rightsRequestsMatchedOn: { email: requestsMatchedOn('email'), mobile: requestsMatchedOn('mobile') },
    outboxJobs: jobs.length,
    outboxJobsOfOtherLeads: data.otherOutboxJobs.length,
    notDelivered: { pending: withStatus('pending'), running: withStatus('running'), dead: withStatus('dead') },
    preferenceChanges: data.preferenceChanges.length,
  };
}

/** The references of every lead found: what the processing record names instead of the person. */
function leadReferences(data: PersonData): string[] {
  return [
    ...data.bookingRequests.map((booking) => booking.record.reference),
    ...data.newsletterSubscriptions.map((subscription) => subscription.record.reference),
    ...data.rightsRequests.map((request) => request.record.reference),
  ];
}

export function notDeliveredTotal(counts: PersonDataCounts): number {
  return counts.notDelivered.pending + counts.notDelivered.running + counts.notDelivered.dead;
}

/** Finds the person's rows; `lock` holds them (for update) until the transaction ends, as an erasure needs. */
export async function findPersonData(
  db: Kysely<Database>,
  identifier: PersonIdentifier,
  options: { lock?: boolean } = {},
): Promise<PersonData> {
  const { bookings, guardianConsents, subscriptions, rightsRequests, jobs, preferenceChanges } =
    await findPersonRecords(db, identifier, options);
  const bookingIds = bookings.map((booking) => booking.id);
  const subscriptionIds = subscriptions.map((subscription) => subscription.id);
  const rightsRequestIds = rightsRequests.map((request) => request.id);
  const jobsOf = (column: 'booking_request_id' | 'newsletter_subscription_id' | 'rights_request_id', leadId: string) =>
    jobs.filter((job) => job[column] === leadId);
  const linked = (job: OutboxJobRecord) =>
    (job.booking_request_id !== null && bookingIds.includes(job.booking_request_id)) ||
    (job.newsletter_subscription_id !== null && subscriptionIds.includes(job.newsletter_subscription_id)) ||
    (job.rights_request_id !== null && rightsRequestIds.includes(job.rights_request_id));
  return {
    bookingRequests: bookings.map((record) => ({
      matchedOn: bookingMatches(record, identifier),
      record,
      guardianConsent: guardianConsents.find((consent) => consent.booking_request_id === record.id),
      outboxJobs: jobsOf('booking_request_id', record.id),
    })),
    newsletterSubscriptions: subscriptions.map((record) => ({
      record,
      outboxJobs: jobsOf('newsletter_subscription_id', record.id),
    })),
    rightsRequests: rightsRequests.map((record) => ({
      matchedOn: rightsRequestMatches(record, identifier),
      record,
      outboxJobs: jobsOf('rights_request_id', record.id),
    })),
    otherOutboxJobs: jobs.filter((job) => !linked(job)),
    preferenceChanges,
  };
}

export interface PersonExport {
  data: PersonData;
  counts: PersonDataCounts;
  auditId: string;
  /** The database's clock, as the audit entry has it. */
  exportedAt: Date;
}

/** Reads the person's rows and logs the export, in one transaction. */
export function exportPersonData(
  db: Kysely<Database>,
  identifier: PersonIdentifier,
  { requestReference }: { requestReference?: string | undefined } = {},
): Promise<PersonExport> {
  return db.transaction().execute(async (trx) => {
    const data = await findPersonData(trx, identifier);
    const counts = countPersonData(identifier, data);
    const audit = await recordPrivacyAudit(trx, { action: 'export', counts, requestReference });
    await recordProcessing(trx, {
      activity: 'exported',
      purpose: 'data-rights',
      leadReferences: leadReferences(data),
      counts,
    });
    return { data, counts, auditId: audit.id, exportedAt: audit.performedAt };
  });
}

export type ErasureOutcome =
  | { status: 'erased'; counts: PersonDataCounts; auditId: string }
  /** Jobs not yet delivered would have been dropped, and the caller did not allow it: nothing changed. */
  | { status: 'needs-confirmation'; counts: PersonDataCounts };

/**
 * Deletes the person's booking requests, newsletter subscriptions, data-rights requests and every job found with
 * them, and logs the erasure, in one transaction. Refuses, changing nothing, when that would drop jobs not yet
 * delivered (a booking the front desk has not seen, a withdrawal the CRM has not heard of, a rights request the
 * privacy team has no ticket for) unless `dropNotDelivered`.
 *
 * An erasure carried out because the person asked for it deletes that request's own row too (it holds their
 * name and contact details): the audit entry, with the request's reference, is the record that it was handled.
 * It queues `crm.erasure` (under that reference), which deletes what the website put in HubSpot about the person.
 */
export function erasePersonData(
  db: Kysely<Database>,
  identifier: PersonIdentifier,
  { dropNotDelivered, requestReference }: { dropNotDelivered: boolean; requestReference?: string | undefined },
): Promise<ErasureOutcome> {
  return db.transaction().execute(async (trx) => {
    const data = await findPersonData(trx, identifier, { lock: true });
    const counts = countPersonData(identifier, data);
    if (notDeliveredTotal(counts) > 0 && !dropNotDelivered) return { status: 'needs-confirmation', counts };

    await deletePersonRecords(trx, {
      jobIds: allOutboxJobs(data).map((job) => job.id),
      bookingIds: data.bookingRequests.map((booking) => booking.record.id),
      subscriptionIds: data.newsletterSubscriptions.map((subscription) => subscription.record.id),
      rightsRequestIds: data.rightsRequests.map((request) => request.record.id),
      preferenceChangeIds: data.preferenceChanges.map((change) => change.id),
    });
    // What the website put in HubSpot about them goes too, whether or not the store still held any of it.
    await insertJobsOfDeletedLeads(trx, [
      {
        reference: requestReference ?? 'erasure',
        jobs: crmErasureJobs({
          ...(identifier.type === 'email' ? { email: identifier.email } : { mobile: identifier.mobile }),
          bookingReferences: data.bookingRequests.map((booking) => booking.record.reference),
          rightsRequestReferences: data.rightsRequests.map((request) => request.record.reference),
        }),
      },
    ]);
    const audit = await recordPrivacyAudit(trx, { action: 'erase', counts, requestReference });
    await recordProcessing(trx, {
      activity: 'erased',
      purpose: 'data-rights',
      leadReferences: leadReferences(data),
      counts,
    });
    return { status: 'erased', counts, auditId: audit.id };
  });
}
