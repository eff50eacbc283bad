/**
 * The retention purge: applies the periods the privacy policy states (retention-periods.ts) to the website's
 * own records, deleting or emptying what has been kept long enough. Each category is one transaction, and the
 * run ends with a privacy_audit row of its counts. The clock is passed in; the rows' times come from the
 * database's clock when they were written.
 *
 * - Booking requests older than `websiteLeadMonths` are deleted with their outbox jobs, except one whose jobs
 *   are still pending or running: an undelivered lead is never lost, and it goes at the first run after its
 *   delivery. A dead job does not hold a booking back: it has been listed by `npm run leads -- failed` for the
 *   whole period.
 * - Booking requests for a patient under 18 whose parent or guardian's consent was not verified within
 *   `unverifiedMinorRequestDays` are deleted with their jobs and consent record, whether delivered or not (the
 *   consent the law asks for before processing a child's data never came), and a job deletes the request's deal
 *   in the CRM if its CRM job was attempted. One with a job being delivered right now waits a run.
 * - Data-rights requests older than `rightsRequestMonths` are deleted with their outbox jobs, by the same rule:
 *   one whose ticket, acknowledgement or withdrawal is still pending or running waits until it is delivered.
 * - Outbox jobs delivered (done) or cancelled more than `deliveredJobPayloadDays` ago keep their row, as the
 *   delivery's history, but their payload (the copy of the lead made for sending) becomes `{}`.
 * - Newsletter sign-ups never confirmed within `pendingNewsletterDays` are deleted with their jobs (their
 *   confirmation link has expired by then); one whose confirmation email is being sent right now waits a run.
 * - Unsubscribed sign-ups are deleted at the first run after the unsubscribe, with their jobs, once no job of
 *   theirs is still to be delivered (pending, running, or dead and awaiting a retry): the withdrawal must reach
 *   the CRM first, or the CRM would go on treating them as a subscriber. No row is kept as "proof of
 *   withdrawal": the CRM records the withdrawal and its time, and keeping the address here for that would be
 *   keeping personal data after consent was withdrawn (DPDP Act 2023, s.6(6) and s.8(7)).
 * - Consent receipts older than `consentReceiptMonths` are deleted.
 * - Processing records older than `processingLogMonths` are deleted: they are kept that long whatever happens to
 *   the leads they name, an erasure included (DPDP Rules 2025, r.8(3)).
 *
 * - In the CRM, through the `crm.retention` job each run queues (in place of one not yet delivered): the website's
 *   deals older than `websiteLeadMonths` at no stage meaning the person became a patient, its privacy tickets
 *   older than `rightsRequestMonths`, and the contacts the website made that nothing else holds
 *   (functions/delivery/hubspot/crm-retention.ts).
 *
 * Each run is itself a processing record, with its counts. Server logs (`serverLogDays`) and backups
 * (`backupDays`) are the host's to enforce: the server only writes to stdout and keeps no backup of its own.
 */
import { utc } from '@date-fns/utc';
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import type { Kysely } from 'kysely';
import { type RetentionPeriods, retention } from '#functions/clinic/retention.ts';
import { bookingDeletionJobs, crmRetentionJobs } from '#functions/intake/lead-jobs.ts';
import { recordPrivacyAudit } from '#functions/store/privacy-audit.ts';
import { deleteProcessingRecordsBefore, recordProcessing } from '#functions/store/processing-log.ts';
import {
  clearPayloadsFinishedBefore,
  deleteConsentReceiptsBefore,
  type LeadsPurged,
  purgeLeadsWrittenBefore,
  purgePreferenceChangesOfNobody,
  purgeUnconfirmedSignupsBefore,
  purgeUnsubscribedSignups,
  purgeUnverifiedMinorRequestsBefore,
  queueCrmRetention,
  type UnverifiedRequestsPurged,
} from '#functions/store/retention.ts';
import type { Database } from '#functions/store/schema.ts';

export interface RetentionCutoffs {
  bookingRequest: Date;
  unverifiedMinorRequest: Date;
  rightsRequest: Date;
  deliveredJobPayload: Date;
  pendingNewsletter: Date;
  consentReceipt: Date;
  processingRecord: Date;
}

/** Rows written before these moments have been kept long enough. Calendar months and days, counted in UTC. */
export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  const plain = (date: Date) => new Date(date.getTime());
  return {
    bookingRequest: plain(subMonths(now, periods.websiteLeadMonths, { in: utc })),
    unverifiedMinorRequest: plain(subDays(now, periods.unverifiedMinorRequestDays, { in: utc })),
    rightsRequest: plain(subMonths(now, periods.rightsRequestMonths, { in: utc })),
    deliveredJobPayload: plain(subDays(now, periods.deliveredJobPayloadDays, { in: utc })),
    pendingNewsletter: plain(subDays(now, periods.pendingNewsletterDays, { in: utc })),
    consentReceipt: plain(subMonths(now, periods.consentReceiptMonths, { in: utc })),
    processingRecord: plain(subMonths(now, periods.processingLogMonths, { in: utc })),
  };
}

export interface PurgeCounts {
  bookingRequests: LeadsPurged;
  unverifiedMinorRequests: UnverifiedRequestsPurged;
  rightsRequests: LeadsPurged;
  deliveredJobPayloads: { cleared: number };
  unconfirmedNewsletterSignups: { deleted: number; jobsDeleted: number; keptSending: number };
  unsubscribedNewsletterSignups: { deleted: number; jobsDeleted: number; keptWithdrawalUndelivered: number };
  consentReceipts: { deleted: number };
  processingRecords: { deleted: number };
  /** The preferences page's changes of people the store no longer holds (purgePreferenceChangesOfNobody). */
  preferenceChanges: { deleted: number };
}

/**
 * Applies the retention periods as of `now`, records the counts in the privacy audit log and the processing record,
 * and returns them.
 */
export async function purgeExpired(
  db: Kysely<Database>,
  { now, periods = retention }: { now: Date; periods?: RetentionPeriods },
): Promise<PurgeCounts> {
  const cutoffs = retentionCutoffs(now, periods);
  const unverifiedMinorRequests = await purgeUnverifiedMinorRequestsBefore(
    db,
    cutoffs.unverifiedMinorRequest,
    bookingDeletionJobs,
  );
  const bookingRequests = await purgeLeadsWrittenBefore(db, 'booking_requests', cutoffs.bookingRequest);
  const rightsRequests = await purgeLeadsWrittenBefore(db, 'rights_requests', cutoffs.rightsRequest);
  const unconfirmed = await purgeUnconfirmedSignupsBefore(db, cutoffs.pendingNewsletter);
  const unsubscribed = await purgeUnsubscribedSignups(db);
  const cleared = await clearPayloadsFinishedBefore(db, cutoffs.deliveredJobPayload);
  const receipts = await deleteConsentReceiptsBefore(db, cutoffs.consentReceipt);
  // After the leads' own deletions, whose people it follows.
  const preferenceChanges = await purgePreferenceChangesOfNobody(db);
  const processingRecords = await deleteProcessingRecordsBefore(db, cutoffs.processingRecord);
  await queueCrmRetention(db, `purge-${now.toISOString().slice(0, 10)}`, crmRetentionJobs(cutoffs));

  const counts: PurgeCounts = {
    bookingRequests,
    unverifiedMinorRequests,
    rightsRequests,
    deliveredJobPayloads: { cleared },
    unconfirmedNewsletterSignups: {
      deleted: unconfirmed.deleted,
      jobsDeleted: unconfirmed.jobsDeleted,
      keptSending: unconfirmed.kept,
    },
    unsubscribedNewsletterSignups: {
      deleted: unsubscribed.deleted,
      jobsDeleted: unsubscribed.jobsDeleted,
      keptWithdrawalUndelivered: unsubscribed.kept,
    },
    consentReceipts: { deleted: receipts },
    processingRecords: { deleted: processingRecords },
    preferenceChanges: { deleted: preferenceChanges },
  };
  await recordPrivacyAudit(db, { action: 'purge', counts });
  await recordProcessing(db, { activity: 'purged', purpose: 'retention', counts });
  return counts;
}
