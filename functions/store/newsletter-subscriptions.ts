/**
 * A newsletter subscription's life after the sign-up: confirmed by the link in the email (which tells the CRM),
 * withdrawn by an unsubscribe (which tells the CRM only if it may have heard of the subscriber). Each change and
 * the jobs it creates or cancels are one transaction, with the subscription's row locked, so a double click or
 * two mail apps acting at once change it once.
 */
import { type Kysely, sql } from 'kysely';
import type { CrmNewsletterPayload, CrmNewsletterWithdrawalPayload } from '../leads/lead-jobs.ts';
import { insertJobs } from './leads.ts';
import type { Database, NewsletterStatus } from './schema.ts';

export type ConfirmationOutcome = 'confirmed' | 'already-confirmed' | 'unsubscribed' | 'not-found';
export type WithdrawalOutcome = 'withdrawn' | 'already-withdrawn' | 'not-found';

const now = sql<Date>`now()`;

export function confirmNewsletterSubscription(db: Kysely<Database>, reference: string): Promise<ConfirmationOutcome> {
  return db.transaction().execute(async (trx) => {
    const subscription = await trx
      .selectFrom('newsletter_subscriptions')
      .select(['id', 'email', 'status', 'consent_at'])
      .where('reference', '=', reference)
      .forUpdate()
      .executeTakeFirst();
    if (!subscription) return 'not-found';
    if (subscription.status !== 'pending') return alreadyDecided[subscription.status];

    const { confirmed_at: confirmedAt } = await trx
      .updateTable('newsletter_subscriptions')
      .set({ status: 'confirmed', confirmed_at: now })
      .where('id', '=', subscription.id)
      .returning('confirmed_at')
      .executeTakeFirstOrThrow();
    const payload: CrmNewsletterPayload = {
      reference,
      email: subscription.email,
      consentAt: subscription.consent_at.toISOString(),
      confirmedAt: (confirmedAt ?? new Date()).toISOString(),
    };
    await insertJobs(trx, [{ kind: 'crm.newsletter', payload }], {
      newsletter_subscription_id: subscription.id,
      lead_reference: reference,
    });
    return 'confirmed';
  });
}

const alreadyDecided: Record<Exclude<NewsletterStatus, 'pending'>, ConfirmationOutcome> = {
  confirmed: 'already-confirmed',
  unsubscribed: 'unsubscribed',
};

/**
 * Unsubscribes. Jobs not yet started for the subscription (the confirmation email, the CRM's subscribe) are
 * cancelled, as are dead ones, so that a manual retry cannot subscribe someone who has left. The CRM is told
 * of the withdrawal only when a subscribe may have reached it (delivered, or under way: then the withdrawal
 * waits for that attempt's lease to pass, so it lands after it).
 */
export function withdrawNewsletterSubscription(db: Kysely<Database>, reference: string): Promise<WithdrawalOutcome> {
  return db.transaction().execute(async (trx) => {
    const subscription = await trx
      .selectFrom('newsletter_subscriptions')
      .select(['id', 'email', 'status'])
      .where('reference', '=', reference)
      .forUpdate()
      .executeTakeFirst();
    if (!subscription) return 'not-found';
    if (subscription.status === 'unsubscribed') return 'already-withdrawn';

    const { unsubscribed_at: withdrawnAt } = await trx
      .updateTable('newsletter_subscriptions')
      .set({ status: 'unsubscribed', unsubscribed_at: now })
      .where('id', '=', subscription.id)
      .returning('unsubscribed_at')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('outbox_jobs')
      .set({ status: 'cancelled', updated_at: now })
      .where('newsletter_subscription_id', '=', subscription.id)
      .where('status', 'in', ['pending', 'dead'])
      .execute();
    const crmMayKnow = await trx
      .selectFrom('outbox_jobs')
      .select(({ fn }) => fn.max('locked_until').as('lastLease'))
      .select(({ fn }) => fn.countAll<string>().as('count'))
      .where('newsletter_subscription_id', '=', subscription.id)
      .where('kind', '=', 'crm.newsletter')
      .where('status', 'in', ['done', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(crmMayKnow.count) > 0) {
      const payload: CrmNewsletterWithdrawalPayload = {
        reference,
        email: subscription.email,
        withdrawnAt: (withdrawnAt ?? new Date()).toISOString(),
      };
      await insertJobs(
        trx,
        [{ kind: 'crm.newsletter-withdrawal', payload }],
        { newsletter_subscription_id: subscription.id, lead_reference: reference },
        crmMayKnow.lastLease ?? undefined,
      );
    }
    return 'withdrawn';
  });
}
