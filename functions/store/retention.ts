/**
 * The retention purge's deletions, each in its own transaction: the rules are in functions/privacy/retention-purge.ts,
 * which says which rows have been kept long enough; these find and delete exactly those.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { OutboxJobDraft } from '#functions/outbox/jobs.ts';
import { count } from './lead-reports.ts';
import { insertJobsOfDeletedLeads } from './leads.ts';
import type { Database, OutboxJobStatus } from './schema.ts';

const undelivered = ['pending', 'running'] as const satisfies readonly OutboxJobStatus[];
/** A withdrawal that died is kept too: `npm run leads -- retry` can still send it. */
const withdrawalUndelivered = ['pending', 'running', 'dead'] as const satisfies readonly OutboxJobStatus[];
const finished = ['done', 'cancelled'] as const satisfies readonly OutboxJobStatus[];

const jobColumn = {
  booking_requests: 'booking_request_id',
  newsletter_subscriptions: 'newsletter_subscription_id',
  rights_requests: 'rights_request_id',
} as const;

/** Whether the lead in the outer query has a job in one of these states. */
function leadHasJob(lead: keyof typeof jobColumn, statuses: readonly OutboxJobStatus[]) {
  const column = jobColumn[lead];
  return sql<boolean>`exists (select 1 from outbox_jobs where ${sql.ref(`outbox_jobs.${column}`)} = ${sql.ref(`${lead}.id`)}
    and outbox_jobs.status in (${sql.join(statuses)}))`;
}
const lacks = (condition: RawBuilder<boolean>) => sql<boolean>`not ${condition}`;

const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/** Deletes the leads written before `cutoff`, with their jobs, except those with a job still to be delivered. */
async function purgeOldLeadsIn(
  trx: Transaction<Database>,
  lead: 'booking_requests' | 'rights_requests',
  cutoff: Date,
): Promise<LeadsPurged> {
  const waiting = leadHasJob(lead, undelivered);
  const expired = trx.selectFrom(lead).select('id').where('created_at', '<', cutoff).where(lacks(waiting));
  const jobs = await trx.deleteFrom('outbox_jobs').where(jobColumn[lead], 'in', expired).executeTakeFirst();
  const leads = await trx.deleteFrom(lead).where('created_at', '<', cutoff).where(lacks(waiting)).executeTakeFirst();
  const kept = await trx
    .selectFrom(lead)
    .select(count.as('count'))
    .where('created_at', '<', cutoff)
    .where(waiting)
    .executeTakeFirstOrThrow();
  return { deleted: deleted(leads), jobsDeleted: deleted(jobs), keptUndelivered: kept.count };
}

/** Deletes the newsletter sign-ups `which` selects, with their jobs, except those with a job in `holding` states. */
async function purgeSubscriptionsIn(
  trx: Transaction<Database>,
  which: RawBuilder<boolean>,
  holding: readonly OutboxJobStatus[],
): Promise<{ deleted: number; jobsDeleted: number; kept: number }> {
  const held = leadHasJob('newsletter_subscriptions', holding);
  const expired = trx.selectFrom('newsletter_subscriptions').select('id').where(which).where(lacks(held));
  const jobs = await trx
    .deleteFrom('outbox_jobs')
    .where('newsletter_subscription_id', 'in', expired)
    .executeTakeFirst();
  const subscriptions = await trx
    .deleteFrom('newsletter_subscriptions')
    .where(which)
    .where(lacks(held))
    .executeTakeFirst();
  const kept = await trx
    .selectFrom('newsletter_subscriptions')
    .select(count.as('count'))
    .where(which)
    .where(held)
    .executeTakeFirstOrThrow();
  return { deleted: deleted(subscriptions), jobsDeleted: deleted(jobs), kept: kept.count };
}

export interface LeadsPurged {
  deleted: number;
  jobsDeleted: number;
  /** Old enough, but with a job still to be delivered. */
  keptUndelivered: number;
}

/** Deletes the booking or rights requests written before `cutoff`, with their jobs, unless a job is undelivered. */
export function purgeLeadsWrittenBefore(
  db: Kysely<Database>,
  lead: 'booking_requests' | 'rights_requests',
  cutoff: Date,
): Promise<LeadsPurged> {
  return db.transaction().execute((trx) => purgeOldLeadsIn(trx, lead, cutoff));
}

export interface SubscriptionsPurged {
  deleted: number;
  jobsDeleted: number;
  /** Due for deletion, but held by a job (see the callers' rules). */
  kept: number;
}

/** Sign-ups never confirmed, signed up before `cutoff`; one whose confirmation email is being sent waits. */
export function purgeUnconfirmedSignupsBefore(db: Kysely<Database>, cutoff: Date): Promise<SubscriptionsPurged> {
  return db
    .transaction()
    .execute((trx) =>
      purgeSubscriptionsIn(
        trx,
        sql<boolean>`newsletter_subscriptions.status = 'pending' and newsletter_subscriptions.created_at < ${cutoff}`,
        ['running'],
      ),
    );
}

/** Unsubscribed sign-ups, once no job of theirs is still to be delivered (the withdrawal must reach the CRM). */
export function purgeUnsubscribedSignups(db: Kysely<Database>): Promise<SubscriptionsPurged> {
  return db
    .transaction()
    .execute((trx) =>
      purgeSubscriptionsIn(trx, sql<boolean>`newsletter_subscriptions.status = 'unsubscribed'`, withdrawalUndelivered),
    );
}

export interface UnverifiedRequestsPurged {
  deleted: number;
  jobsDeleted: number;
  /** Deleted requests whose deal the CRM may hold: a job deletes it there. */
  crmDeletionsQueued: number;
  /** Due for deletion, but a job of theirs is being delivered right now: the next run takes them. */
  keptSending: number;
}

/**
 * Deletes the booking requests made before `cutoff` whose guardian's consent is still pending, with their jobs and
 * consent records, and queues `crmDeletionJobsFor` each one the CRM may have heard of (its CRM job was attempted).
 * One whose job is being delivered right now waits a run, so that no delivery can recreate what was deleted.
 */
export function purgeUnverifiedMinorRequestsBefore(
  db: Kysely<Database>,
  cutoff: Date,
  crmDeletionJobsFor: (reference: string) => readonly OutboxJobDraft[],
): Promise<UnverifiedRequestsPurged> {
  return db.transaction().execute(async (trx) => {
    const sending = leadHasJob('booking_requests', ['running']);
    const unverified = trx
      .selectFrom('booking_requests')
      .innerJoin('guardian_consents', 'guardian_consents.booking_request_id', 'booking_requests.id')
      .where('guardian_consents.status', '=', 'pending')
      .where('booking_requests.created_at', '<', cutoff);
    const expired = await unverified
      .select([
        'booking_requests.id',
        'booking_requests.reference',
        sql<boolean>`exists (select 1 from outbox_jobs where outbox_jobs.booking_request_id = booking_requests.id
          and outbox_jobs.kind = 'crm.booking' and outbox_jobs.attempts > 0)`.as('crmMayKnow'),
      ])
      .where(lacks(sending))
      .forUpdate()
      .execute();
    const kept = await unverified.select(count.as('count')).where(sending).executeTakeFirstOrThrow();
    if (expired.length === 0) return { deleted: 0, jobsDeleted: 0, crmDeletionsQueued: 0, keptSending: kept.count };

    const ids = expired.map(({ id }) => id);
    const jobs = await trx.deleteFrom('outbox_jobs').where('booking_request_id', 'in', ids).executeTakeFirst();
    const requests = await trx.deleteFrom('booking_requests').where('id', 'in', ids).executeTakeFirst();
    const known = expired.filter(({ crmMayKnow }) => crmMayKnow);
    await insertJobsOfDeletedLeads(
      trx,
      known.map(({ reference }) => ({ reference, jobs: crmDeletionJobsFor(reference) })),
    );
    return {
      deleted: deleted(requests),
      jobsDeleted: deleted(jobs),
      crmDeletionsQueued: known.length,
      keptSending: kept.count,
    };
  });
}

/**
 * Empties the payload of jobs delivered or cancelled before `cutoff`; the row stays as the delivery's history.
 * Only rows still holding a payload, so a later run counts only what it changed; updated_at stays, as it says
 * when the job was delivered.
 */
export async function clearPayloadsFinishedBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db
    .updateTable('outbox_jobs')
    .set({ payload: '{}' })
    .where('status', 'in', finished)
    .where('updated_at', '<', cutoff)
    .where(sql<boolean>`payload <> '{}'::jsonb`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Deletes the preferences page's changes of an email address or mobile number the store holds no request or sign-up
 * of any more: they live as long as the person's data, and the page's links with it. Clinic news turned on there is
 * kept while it stands (the latest change of its address), as a confirmed newsletter subscription is.
 */
export async function purgePreferenceChangesOfNobody(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom('preference_changes as change')
    .where(
      sql<boolean>`not exists (select 1 from booking_requests where change.email in (booking_requests.email, booking_requests.guardian_email)
        or change.mobile_e164 in (booking_requests.mobile_e164, booking_requests.guardian_mobile_e164))`,
    )
    .where(
      sql<boolean>`not exists (select 1 from newsletter_subscriptions where newsletter_subscriptions.email = change.email)`,
    )
    .where(
      sql<boolean>`not exists (select 1 from rights_requests where rights_requests.email = change.email
        or rights_requests.mobile_e164 = change.mobile_e164)`,
    )
    .where(
      sql<boolean>`not (change.choice = 'emailNews' and change.given and not exists (select 1 from preference_changes later
        where later.choice = 'emailNews' and later.email = change.email and later.changed_at > change.changed_at))`,
    )
    .executeTakeFirst();
  return deleted(result);
}

export async function deleteConsentReceiptsBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  return deleted(await db.deleteFrom('consent_receipts').where('recorded_at', '<', cutoff).executeTakeFirst());
}

/**
 * Queues the CRM's share of a purge run (its jobs belong to no lead, under `reference`), in place of one an earlier
 * run queued that has not been delivered: the newer cutoffs cover everything it would have deleted.
 */
export function queueCrmRetention(
  db: Kysely<Database>,
  reference: string,
  jobs: readonly OutboxJobDraft[],
): Promise<void> {
  return db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('outbox_jobs')
      .where(
        'kind',
        'in',
        jobs.map((job) => job.kind),
      )
      .where('status', 'in', ['pending', 'dead'])
      .execute();
    await insertJobsOfDeletedLeads(trx, [{ reference, jobs }]);
  });
}
