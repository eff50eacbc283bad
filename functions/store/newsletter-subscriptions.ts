/**
 * A newsletter subscription's life after the sign-up: confirmed by the link in the email (which tells the CRM),
 * withdrawn by an unsubscribe (which tells the CRM only if it may have heard of the subscriber). Each change and
 * the jobs it creates or cancels are one transaction, with the subscription's row locked, so a double click or
 * two mail apps acting at once change it once.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { OutboxJobDraft } from '#functions/outbox/jobs.ts';
import { insertJobs } from './leads.ts';
import type { Database, NewsletterStatus } from './schema.ts';

export type ConfirmationOutcome = 'confirmed' | 'already-confirmed' | 'unsubscribed' | 'not-found';
export type WithdrawalOutcome = 'withdrawn' | 'already-withdrawn' | 'not-found';

/** A subscription just confirmed: the times are ISO 8601. */
export interface Confirmation {
  reference: string;
  email: string;
  consentAt: string;
  confirmedAt: string;
}

/** Consents just withdrawn (ISO 8601), for an email address, a mobile number (E.164), or both. */
export interface Withdrawal {
  reference: string;
  email?: string;
  mobile?: string;
  withdrawnAt: string;
}

const now = sql<Date>`now()`;

export function confirmNewsletterSubscription(
  db: Kysely<Database>,
  reference: string,
  jobsFor: (confirmation: Confirmation) => readonly OutboxJobDraft[],
): Promise<ConfirmationOutcome> {
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
    const confirmation: Confirmation = {
      reference,
      email: subscription.email,
      consentAt: subscription.consent_at.toISOString(),
      confirmedAt: (confirmedAt ?? new Date()).toISOString(),
    };
    await insertJobs(trx, jobsFor(confirmation), {
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
export function withdrawNewsletterSubscription(
  db: Kysely<Database>,
  reference: string,
  jobsFor: (withdrawal: Withdrawal) => readonly OutboxJobDraft[],
): Promise<WithdrawalOutcome> {
  return db.transaction().execute(async (trx) => {
    const subscription = await trx
      .selectFrom('newsletter_subscriptions')
      .select(['id', 'email', 'status'])
      .where('reference', '=', reference)
      .forUpdate()
      .executeTakeFirst();
    if (!subscription) return 'not-found';
    if (subscription.status === 'unsubscribed') return 'already-withdrawn';

    const { withdrawnAt, crmMayKnow, lastLease } = await endSubscriptions(trx, [subscription.id]);
    if (crmMayKnow) {
      await insertJobs(
        trx,
        jobsFor({ reference, email: subscription.email, withdrawnAt }),
        { newsletter_subscription_id: subscription.id, lead_reference: reference },
        lastLease,
      );
    }
    return 'withdrawn';
  });
}

export interface EndedSubscriptions {
  /** ISO 8601. */
  withdrawnAt: string;
  /** Whether a subscribe may have reached the CRM (delivered, or under way). */
  crmMayKnow: boolean;
  /** When the lease of a subscribe still under way ends: a withdrawal must not run before it. */
  lastLease: Date | undefined;
}

/** Marks the subscriptions unsubscribed and cancels their jobs not yet started (and dead ones), in `trx`. */
export async function endSubscriptions(
  trx: Transaction<Database>,
  subscriptionIds: readonly string[],
): Promise<EndedSubscriptions> {
  const { withdrawnAt } = await sql<{ withdrawnAt: Date }>`select now() as "withdrawnAt"`
    .execute(trx)
    .then((result) => result.rows[0] ?? { withdrawnAt: new Date() });
  if (subscriptionIds.length === 0)
    return { withdrawnAt: withdrawnAt.toISOString(), crmMayKnow: false, lastLease: undefined };
  await trx
    .updateTable('newsletter_subscriptions')
    .set({ status: 'unsubscribed', unsubscribed_at: now })
    .where('id', 'in', subscriptionIds)
    .execute();
  await trx
    .updateTable('outbox_jobs')
    .set({ status: 'cancelled', updated_at: now })
    .where('newsletter_subscription_id', 'in', subscriptionIds)
    .where('status', 'in', ['pending', 'dead'])
    .execute();
  const subscribes = await trx
    .selectFrom('outbox_jobs')
    .select(({ fn }) => fn.max('locked_until').as('lastLease'))
    .select(({ fn }) => fn.countAll<string>().as('count'))
    .where('newsletter_subscription_id', 'in', subscriptionIds)
    .where('kind', '=', 'crm.newsletter')
    .where('status', 'in', ['done', 'running'])
    .executeTakeFirstOrThrow();
  return {
    withdrawnAt: withdrawnAt.toISOString(),
    crmMayKnow: Number(subscribes.count) > 0,
    lastLease: subscribes.lastLease ?? undefined,
  };
}

/** Ends the email's live subscriptions (pending or confirmed), in `trx`; none without an email. */
export async function endSubscriptionsOf(
  trx: Transaction<Database>,
  email: string | undefined,
): Promise<EndedSubscriptions> {
  const subscriptions = email
    ? await trx
        .selectFrom('newsletter_subscriptions')
        .select('id')
        .where('email', '=', email)
        .where('status', '<>', 'unsubscribed')
        .forUpdate()
        .execute()
    : [];
  return endSubscriptions(
    trx,
    subscriptions.map((subscription) => subscription.id),
  );
}
