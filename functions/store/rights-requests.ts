/**
 * Stores a data-rights request with its jobs in one transaction, like every lead. "Stop marketing" takes effect
 * in that same transaction wherever the site can act by itself, for the email and the mobile it gives: the
 * email's newsletter subscriptions end, their marketing jobs not yet sent are cancelled, pending CRM updates no
 * longer carry the consents withdrawn, and the CRM is told to withdraw them. Everything else (and every erasure) waits for staff to verify identity.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Locale } from '#functions/clinic/locales.ts';
import type { OutboxJobDraft, RightsRequestDetails, Screened } from '#functions/outbox/jobs.ts';
import { bookingDeliveryLease, latest, withholdFromPendingBookings } from './consent-effects.ts';
import { insertJobs, insertWithUnusedReference, type LeadEntry, type RecordedLead } from './leads.ts';
import { endSubscriptionsOf, type Withdrawal } from './newsletter-subscriptions.ts';
import type { Database } from './schema.ts';

export interface RightsRequestEntry
  extends LeadEntry<RightsRequestDetails & Screened & { submissionId: string; locale: Locale }, [reference: string]> {
  /** For "stop marketing": the CRM's withdrawal of the email's marketing consent. */
  withdrawalJobsFor: (withdrawal: Withdrawal) => readonly OutboxJobDraft[];
}

/** Records the requests one after another in one transaction (one commit). */
export function recordRightsRequests(
  db: Kysely<Database>,
  entries: readonly RightsRequestEntry[],
  newReference: () => string,
): Promise<RecordedLead[]> {
  return db.transaction().execute(async (trx) => {
    const results: RecordedLead[] = [];
    for (const entry of entries) results.push(await recordRightsRequestIn(trx, entry, newReference));
    return results;
  });
}

async function recordRightsRequestIn(
  trx: Transaction<Database>,
  { lead: request, jobsFor, withdrawalJobsFor }: RightsRequestEntry,
  newReference: () => string,
): Promise<RecordedLead> {
  const outcome = await insertWithUnusedReference(
    newReference,
    (reference) =>
      trx
        .insertInto('rights_requests')
        .values({
          submission_id: request.submissionId,
          reference,
          request_type: request.requestType,
          full_name: request.fullName,
          email: request.email ?? null,
          mobile_e164: request.mobile ?? null,
          requester_role: request.requesterRole,
          subject_name: request.subjectName ?? null,
          details: request.details ?? null,
          sent_quickly: request.sentQuickly ?? false,
          locale: request.locale,
        })
        .onConflict((conflict) => conflict.doNothing())
        .returning(['id', 'reference'])
        .executeTakeFirst(),
    async () =>
      (
        await trx
          .selectFrom('rights_requests')
          .select('reference')
          .where('submission_id', '=', request.submissionId)
          .executeTakeFirst()
      )?.reference,
  );
  if (!outcome.inserted) return { reference: outcome.reference, created: false };

  const lead = { rights_request_id: outcome.id, lead_reference: outcome.reference };
  await insertJobs(trx, jobsFor(outcome.reference), lead);
  if (request.requestType === 'stop-marketing') {
    await stopMarketing(trx, { email: request.email, mobile: request.mobile }, lead, withdrawalJobsFor);
  }
  return { reference: outcome.reference, created: true };
}

/**
 * The email's subscriptions end; bookings' CRM updates not yet sent lose the consents the request withdraws (email
 * news for the email; email news and WhatsApp updates for the mobile); the CRM is told, after any update under way.
 */
async function stopMarketing(
  trx: Transaction<Database>,
  { email, mobile }: { email: string | undefined; mobile: string | undefined },
  lead: { rights_request_id: string; lead_reference: string },
  withdrawalJobsFor: RightsRequestEntry['withdrawalJobsFor'],
): Promise<void> {
  const { withdrawnAt, lastLease } = await endSubscriptionsOf(trx, email);
  if (email) await withholdFromPendingBookings(trx, { by: 'email', value: email }, ['emailNews']);
  if (mobile) await withholdFromPendingBookings(trx, { by: 'mobile', value: mobile }, ['emailNews', 'whatsappUpdates']);
  const runAfter = latest(lastLease, await bookingDeliveryLease(trx, { email, mobile }));
  // The CRM may hold a consent from a booking as well as from the newsletter: it is always told.
  await insertJobs(
    trx,
    withdrawalJobsFor({
      reference: lead.lead_reference,
      ...(email && { email }),
      ...(mobile && { mobile }),
      withdrawnAt,
    }),
    lead,
    runAfter,
  );
}
