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
 *
 * Server logs (`serverLogDays`) are the host's log rotation's to enforce: the server only writes to stdout.
 */
import { utc } from '@date-fns/utc';
import { subDays } from 'date-fns/subDays';
import { subMonths } from 'date-fns/subMonths';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { count } from '../store/lead-reports.ts';
import type { Database, OutboxJobStatus } from '../store/schema.ts';
import { recordPrivacyAudit } from './privacy-audit.ts';
import { purgeSummary } from './report.ts';
import { type RetentionPeriods, retention } from './retention-periods.ts';

export interface RetentionCutoffs {
  bookingRequest: Date;
  rightsRequest: Date;
  deliveredJobPayload: Date;
  pendingNewsletter: Date;
  consentReceipt: Date;
}

/** Rows written before these moments have been kept long enough. Calendar months and days, counted in UTC. */
export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  const plain = (date: Date) => new Date(date.getTime());
  return {
    bookingRequest: plain(subMonths(now, periods.websiteLeadMonths, { in: utc })),
    rightsRequest: plain(subMonths(now, periods.rightsRequestMonths, { in: utc })),
    deliveredJobPayload: plain(subDays(now, periods.deliveredJobPayloadDays, { in: utc })),
    pendingNewsletter: plain(subDays(now, periods.pendingNewsletterDays, { in: utc })),
    consentReceipt: plain(subMonths(now, periods.consentReceiptMonths, { in: utc })),
  };
}

export interface PurgeCounts {
  bookingRequests: { deleted: number; jobsDeleted: number; keptUndelivered: number };
  rightsRequests: { deleted: number; jobsDeleted: number; keptUndelivered: number };
  deliveredJobPayloads: { cleared: number };
  unconfirmedNewsletterSignups: { deleted: number; jobsDeleted: number; keptSending: number };
  unsubscribedNewsletterSignups: { deleted: number; jobsDeleted: number; keptWithdrawalUndelivered: number };
  consentReceipts: { deleted: number };
}

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
async function purgeOldLeads(
  trx: Transaction<Database>,
  lead: 'booking_requests' | 'rights_requests',
  cutoff: Date,
): Promise<PurgeCounts['bookingRequests']> {
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
async function purgeSubscriptions(
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

/** Applies the retention periods as of `now`, records the counts in the privacy audit log and returns them. */
export async function purgeExpired(
  db: Kysely<Database>,
  { now, periods = retention }: { now: Date; periods?: RetentionPeriods },
): Promise<PurgeCounts> {
  const cutoffs = retentionCutoffs(now, periods);
  const bookingRequests = await db
    .transaction()
    .execute((trx) => purgeOldLeads(trx, 'booking_requests', cutoffs.bookingRequest));
  const rightsRequests = await db
    .transaction()
    .execute((trx) => purgeOldLeads(trx, 'rights_requests', cutoffs.rightsRequest));
  const unconfirmed = await db
    .transaction()
    .execute((trx) =>
      purgeSubscriptions(
        trx,
        sql<boolean>`newsletter_subscriptions.status = 'pending' and newsletter_subscriptions.created_at < ${cutoffs.pendingNewsletter}`,
        ['running'],
      ),
    );
  const unsubscribed = await db
    .transaction()
    .execute((trx) =>
      purgeSubscriptions(trx, sql<boolean>`newsletter_subscriptions.status = 'unsubscribed'`, withdrawalUndelivered),
    );
  // Only rows still holding a payload, so a later run counts only what it changed. updated_at stays: it says
  // when the job was delivered.
  const payloads = await db
    .updateTable('outbox_jobs')
    .set({ payload: '{}' })
    .where('status', 'in', finished)
    .where('updated_at', '<', cutoffs.deliveredJobPayload)
    .where(sql<boolean>`payload <> '{}'::jsonb`)
    .executeTakeFirst();
  const receipts = await db
    .deleteFrom('consent_receipts')
    .where('recorded_at', '<', cutoffs.consentReceipt)
    .executeTakeFirst();

  const counts: PurgeCounts = {
    bookingRequests,
    rightsRequests,
    deliveredJobPayloads: { cleared: Number(payloads.numUpdatedRows) },
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
    consentReceipts: { deleted: deleted(receipts) },
  };
  await recordPrivacyAudit(db, { action: 'purge', counts });
  return counts;
}

export interface PurgeLogger {
  info(line: string): void;
  error(line: string): void;
}

export interface RetentionScheduleOptions {
  /** Between the end of one run and the start of the next; a day unless a test says otherwise. */
  intervalMs?: number;
  logger?: PurgeLogger;
  periods?: RetentionPeriods;
  clock?: () => Date;
}

export interface RetentionSchedule {
  /** Cancels the next run and waits for one under way. */
  stop(): Promise<void>;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Purges at once, then again every `intervalMs` (a day), logging one line of counts per run and never a
 * person's details. A failed run is logged and the schedule goes on. The timer does not keep the process alive.
 */
export function startRetentionSchedule(
  db: Kysely<Database>,
  {
    intervalMs = dayMs,
    logger = console,
    periods = retention,
    clock = () => new Date(),
  }: RetentionScheduleOptions = {},
): RetentionSchedule {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (): Promise<void> => {
    try {
      logger.info(purgeSummary(await purgeExpired(db, { now: clock(), periods })));
    } catch (error) {
      logger.error(
        `Retention purge failed, trying again at the next run: ${error instanceof Error ? error.message : error}`,
      );
    }
    if (stopped) return;
    timer = setTimeout(() => {
      running = run();
    }, intervalMs);
    timer.unref();
  };
  let running = run();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** The daily purge beside the outbox worker (in the server, or `npm run worker`), unless RETENTION=off leaves it to cron. */
export function startRetentionFromEnv(
  db: Kysely<Database>,
  env: Record<string, string | undefined>,
): RetentionSchedule | undefined {
  if (env.RETENTION !== 'off') return startRetentionSchedule(db);
  console.log('Retention purge off (RETENTION=off): run `npm run privacy -- purge` daily');
  return undefined;
}
