/**
 * What the privacy command and the retention purge say: the export document (JSON), the erasure's outcome and
 * the purge's one log line. Only the export names the person; the rest is counts.
 */
import type { PersonIdentifier } from '#functions/store/person-records.ts';
import type { LeadsDeletedAgain } from '#functions/store/restored-erasures.ts';
import type { ErasureOutcome, OutboxJobRecord, PersonData, PersonDataCounts } from './person-data.ts';
import type { PurgeCounts } from './retention-purge.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const elsewhereNote =
  'This covers the website database only. The CRM (HubSpot) and the email service (Resend) hold their own ' +
  'copies of what was delivered to them: handle the request there too.';

/** What an erasure leaves to staff: the CRM's job does the rest (crm-retention.ts). */
export const erasureElsewhereNote = [
  'Queued crm.erasure: HubSpot deletes the deals and privacy tickets the website made for this person (not a deal at a patient stage) and then their contact, with a GDPR delete, if the website made it and nothing else holds it. `npm run leads -- status` shows the job; a contact that stays (other deals, tickets or forms) is for staff to handle in HubSpot.',
  "Staff must still delete, by hand: the emails sent to this person in Resend (Emails, search by recipient), and the front desk's booking emails about them in the front-desk mailbox (FRONT_DESK_EMAIL).",
].join('\n');

const consentReceiptNote =
  'Cookie consent records are not included: they hold a random browser ID and no name, email address or ' +
  'phone number, so none can be linked to a person.';

const rightsRequestsErasedNote =
  "The person's data-rights requests are erased too, an erasure request made on the website included: the " +
  'audit entry (with the --request reference) is the record that it was handled.';

function jobDocument(job: OutboxJobRecord) {
  return {
    id: job.id,
    kind: job.kind,
    leadReference: job.lead_reference,
    status: job.status,
    attempts: job.attempts,
    createdAt: job.created_at,
    updatedAt: job.updated_at,
    lastError: job.last_error,
    payload: job.payload,
  };
}

/** Everything found, as stored: the leads' columns under their SQL names, each lead with its jobs. */
export function exportDocument(identifier: PersonIdentifier, data: PersonData, exportedAt: Date) {
  return {
    exportedAt,
    identifier,
    bookingRequests: data.bookingRequests.map((booking) => ({
      matchedOn: booking.matchedOn,
      record: booking.record,
      ...(booking.guardianConsent && { guardianConsent: booking.guardianConsent }),
      outboxJobs: booking.outboxJobs.map(jobDocument),
    })),
    newsletterSubscriptions: data.newsletterSubscriptions.map((subscription) => ({
      matchedOn: ['email'],
      record: subscription.record,
      outboxJobs: subscription.outboxJobs.map(jobDocument),
    })),
    rightsRequests: data.rightsRequests.map((request) => ({
      matchedOn: request.matchedOn,
      record: request.record,
      outboxJobs: request.outboxJobs.map(jobDocument),
    })),
    otherOutboxJobs: data.otherOutboxJobs.map((job) => ({ matchedOn: ['payload'], ...jobDocument(job) })),
    preferenceChanges: data.preferenceChanges,
    notes: [consentReceiptNote, elsewhereNote],
  };
}

function foundText(counts: PersonDataCounts): string {
  const by = counts.bookingRequestsMatchedOn;
  const matched = [
    by.email > 0 && `${by.email} by email`,
    by.mobile > 0 && `${by.mobile} by mobile`,
    by.guardianEmail > 0 && `${by.guardianEmail} by guardian's email`,
    by.guardianMobile > 0 && `${by.guardianMobile} by guardian's mobile`,
  ].filter(Boolean);
  const requestsBy = counts.rightsRequestsMatchedOn;
  const requestsMatched = [
    requestsBy.email > 0 && `${requestsBy.email} by email`,
    requestsBy.mobile > 0 && `${requestsBy.mobile} by mobile`,
  ].filter(Boolean);
  return [
    `${plural(counts.bookingRequests, 'booking request')}${matched.length > 0 ? ` (${matched.join(', ')})` : ''}`,
    plural(counts.newsletterSubscriptions, 'newsletter subscription'),
    `${plural(counts.rightsRequests, 'data-rights request')}${
      requestsMatched.length > 0 ? ` (${requestsMatched.join(', ')})` : ''
    }`,
    `${plural(counts.outboxJobs, 'outbox job')}${
      counts.outboxJobsOfOtherLeads > 0 ? ` (${counts.outboxJobsOfOtherLeads} of other leads naming them)` : ''
    }`,
    ...(counts.preferenceChanges > 0 ? [plural(counts.preferenceChanges, 'change of choices')] : []),
  ].join(', ');
}

function notDeliveredText(counts: PersonDataCounts): string {
  const { pending, running, dead } = counts.notDelivered;
  const parts = [
    pending > 0 && `${pending} waiting`,
    running > 0 && `${running} being delivered now`,
    dead > 0 && `${dead} dead`,
  ].filter(Boolean);
  return `${plural(pending + running + dead, 'job')} not yet delivered (${parts.join(', ')})`;
}

/** The line printed beside an export (on stderr, so the JSON on stdout can go straight to a file). */
export function exportNoteText(counts: PersonDataCounts, auditId: string): string {
  return `Exported ${foundText(counts)}. Audit entry ${auditId} (counts only).`;
}

export function erasureText(outcome: ErasureOutcome): string[] {
  const { counts } = outcome;
  if (outcome.status === 'needs-confirmation') {
    return [
      `Nothing erased: erasing would drop ${notDeliveredText(counts)}, so that lead, withdrawal or data-rights ` +
        'request would never reach the front desk or the CRM.',
      `Found ${foundText(counts)}.`,
      'Run again with --yes to erase anyway.',
    ];
  }
  if (counts.bookingRequests + counts.newsletterSubscriptions + counts.rightsRequests + counts.outboxJobs === 0) {
    return [
      'Nothing to erase: the website database holds nothing about this person.',
      `Audit entry ${outcome.auditId} (counts only).`,
      erasureElsewhereNote,
    ];
  }
  const notDelivered = counts.notDelivered.pending + counts.notDelivered.running + counts.notDelivered.dead;
  return [
    `Erased ${foundText(counts)}.`,
    ...(notDelivered > 0 ? [`Dropped ${notDeliveredText(counts)}.`] : []),
    ...(counts.notDelivered.running > 0
      ? ['A delivery that was under way may still have reached the CRM or the email service: check them.']
      : []),
    ...(counts.rightsRequests > 0 ? [rightsRequestsErasedNote] : []),
    `Audit entry ${outcome.auditId} (counts only).`,
    erasureElsewhereNote,
  ];
}

/** One log line of counts, for the server's log and the purge command. */
export function purgeSummary(counts: PurgeCounts): string {
  const {
    bookingRequests,
    unverifiedMinorRequests,
    rightsRequests,
    deliveredJobPayloads,
    unconfirmedNewsletterSignups,
    unsubscribedNewsletterSignups,
  } = counts;
  return [
    `Retention purge: booking requests ${bookingRequests.deleted} deleted (${plural(bookingRequests.jobsDeleted, 'job')}), ${bookingRequests.keptUndelivered} kept until delivered`,
    `requests for patients under 18 never verified ${unverifiedMinorRequests.deleted} deleted (${plural(unverifiedMinorRequests.jobsDeleted, 'job')}, ${plural(unverifiedMinorRequests.crmDeletionsQueued, 'CRM deletion')} queued), ${unverifiedMinorRequests.keptSending} kept while a job is sent`,
    `data-rights requests ${rightsRequests.deleted} deleted (${plural(rightsRequests.jobsDeleted, 'job')}), ${rightsRequests.keptUndelivered} kept until delivered`,
    `delivered job payloads ${deliveredJobPayloads.cleared} cleared`,
    `unconfirmed newsletter sign-ups ${unconfirmedNewsletterSignups.deleted} deleted (${plural(unconfirmedNewsletterSignups.jobsDeleted, 'job')}), ${unconfirmedNewsletterSignups.keptSending} kept while their email is sent`,
    `unsubscribed newsletter sign-ups ${unsubscribedNewsletterSignups.deleted} deleted (${plural(unsubscribedNewsletterSignups.jobsDeleted, 'job')}), ${unsubscribedNewsletterSignups.keptWithdrawalUndelivered} kept until the CRM has the withdrawal`,
    `consent receipts ${counts.consentReceipts.deleted} deleted`,
    `processing records ${counts.processingRecords.deleted} deleted`,
    `choices changed by people no longer held ${counts.preferenceChanges.deleted} deleted`,
  ].join('; ');
}

/** The line printed after erasures were repeated on a restored database. */
export function repeatedErasuresText(deleted: LeadsDeletedAgain): string {
  return `Erased again: ${plural(deleted.bookingRequests, 'booking request')}, ${plural(deleted.newsletterSubscriptions, 'newsletter subscription')}, ${plural(deleted.rightsRequests, 'data-rights request')}, ${plural(deleted.outboxJobs, 'outbox job')}.`;
}
