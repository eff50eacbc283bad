/**
 * Stores a data-rights request with its jobs in one transaction, like every lead. "Stop marketing" takes effect
 * in that same transaction wherever the site can act by itself: the person's newsletter subscriptions end,
 * their marketing jobs not yet sent are cancelled, pending CRM updates no longer carry a marketing consent,
 * and the CRM is told to withdraw it. Everything else (and every erasure) waits for staff to verify identity.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type CrmNewsletterWithdrawalPayload,
  type RightsRequestReceipt,
  rightsRequestJobs,
} from '../leads/lead-jobs.ts';
import type { RightsRequest } from '../leads/rights-request-schema.ts';
import { insertJobs, insertWithUnusedReference, type RecordedLead } from './leads.ts';
import { endSubscriptions } from './newsletter-subscriptions.ts';
import type { Database } from './schema.ts';

/** The clinic's deadlines for a request, from when it was received. */
export interface RightsRequestDeadlines {
  acknowledgeWithinHours: number;
  resolveWithinDays: number;
}

const hourMs = 60 * 60 * 1000;

export function recordRightsRequest(
  db: Kysely<Database>,
  request: RightsRequest,
  receivedAt: Date,
  { acknowledgeWithinHours, resolveWithinDays }: RightsRequestDeadlines,
): Promise<RecordedLead> {
  return db.transaction().execute(async (trx) => {
    const outcome = await insertWithUnusedReference(
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
    const receipt: RightsRequestReceipt = {
      reference: outcome.reference,
      receivedAt: receivedAt.toISOString(),
      acknowledgeBy: new Date(receivedAt.getTime() + acknowledgeWithinHours * hourMs).toISOString(),
      resolveBy: new Date(receivedAt.getTime() + resolveWithinDays * 24 * hourMs).toISOString(),
    };
    await insertJobs(trx, rightsRequestJobs(request, receipt), lead);
    if (request.requestType === 'stop-marketing' && request.email) {
      await stopMarketing(trx, request.email, lead);
    }
    return { reference: outcome.reference, created: true };
  });
}

async function stopMarketing(
  trx: Transaction<Database>,
  email: string,
  lead: { rights_request_id: string; lead_reference: string },
): Promise<void> {
  const subscriptions = await trx
    .selectFrom('newsletter_subscriptions')
    .select('id')
    .where('email', '=', email)
    .where('status', '<>', 'unsubscribed')
    .forUpdate()
    .execute();
  const { withdrawnAt, lastLease } = await endSubscriptions(
    trx,
    subscriptions.map((subscription) => subscription.id),
  );
  // A booking's CRM update not yet sent would grant the email-news consent again. (A minor's carries no
  // consents, and jsonb_set leaves a payload without the path unchanged.)
  await trx
    .updateTable('outbox_jobs')
    .set({ payload: sql`jsonb_set(payload, '{consents,emailNews}', 'false')` })
    .where('kind', '=', 'crm.booking')
    .where('status', 'in', ['pending', 'dead'])
    .where(sql<string>`payload->>'email'`, '=', email)
    .execute();
  // The CRM may hold a consent from a booking as well as from the newsletter: it is always told.
  const payload: CrmNewsletterWithdrawalPayload = { reference: lead.lead_reference, email, withdrawnAt };
  await insertJobs(trx, [{ kind: 'crm.newsletter-withdrawal', payload }], lead, lastLease);
}
