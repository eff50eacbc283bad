/** Read-only views of the leads and their outbox jobs, for the staff command line (`npm run leads`). */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { OutboxJobKind } from '#functions/outbox/jobs.ts';
import type {
  BookingRequestsTable,
  Database,
  GuardianConsentsTable,
  NewsletterStatus,
  NewsletterSubscriptionsTable,
  OutboxJobStatus,
  RightsRequestsTable,
} from './schema.ts';

export interface LeadCounts {
  bookings: number;
  newsletter: Record<NewsletterStatus, number>;
  rightsRequests: number;
  jobs: { kind: OutboxJobKind; status: OutboxJobStatus; count: number }[];
  /** Seconds since the oldest job still pending was created; undefined when none is pending. */
  oldestPendingJobAgeSeconds: number | undefined;
}

// `count(*)` is a bigint, which the drivers return as text or BigInt; cast, there are far fewer rows than 2^31.
export const count = sql<number>`count(*)::int`;

export async function countLeads(db: Kysely<Database>): Promise<LeadCounts> {
  const bookings = await db.selectFrom('booking_requests').select(count.as('count')).executeTakeFirstOrThrow();
  const rightsRequests = await db.selectFrom('rights_requests').select(count.as('count')).executeTakeFirstOrThrow();
  const newsletter = await db
    .selectFrom('newsletter_subscriptions')
    .select(['status', count.as('count')])
    .groupBy('status')
    .execute();
  const jobs = await db
    .selectFrom('outbox_jobs')
    .select(['kind', 'status', count.as('count')])
    .groupBy(['kind', 'status'])
    .orderBy('kind')
    .orderBy('status')
    .execute();
  const oldestPending = await db
    .selectFrom('outbox_jobs')
    .select(sql<number | null>`floor(extract(epoch from now() - min(created_at)))::int`.as('ageSeconds'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  const newsletterCount = (status: NewsletterStatus) => newsletter.find((row) => row.status === status)?.count ?? 0;
  return {
    bookings: bookings.count,
    newsletter: {
      pending: newsletterCount('pending'),
      confirmed: newsletterCount('confirmed'),
      unsubscribed: newsletterCount('unsubscribed'),
    },
    rightsRequests: rightsRequests.count,
    jobs,
    oldestPendingJobAgeSeconds: oldestPending.ageSeconds ?? undefined,
  };
}

/** What a list of bookings may show: no contact details. */
export interface BookingListItem {
  reference: string;
  createdAt: Date;
  treatment: string;
  branch: string;
  isMinor: boolean;
}

export function latestBookings(db: Kysely<Database>, limit: number): Promise<BookingListItem[]> {
  return db
    .selectFrom('booking_requests')
    .select(['reference', 'created_at as createdAt', 'treatment', 'branch', 'is_minor as isMinor'])
    .orderBy('created_at', 'desc')
    .orderBy('reference')
    .limit(limit)
    .execute();
}

export interface OutboxJobSummary {
  kind: OutboxJobKind;
  status: OutboxJobStatus;
  attempts: number;
  runAfter: Date;
  lastError: string | null;
  createdAt: Date;
}

export type StoredLead =
  | {
      type: 'booking';
      record: Selectable<BookingRequestsTable>;
      /** A request for a patient under 18 has one, unless it was made before consents were verified. */
      guardianConsent: Selectable<GuardianConsentsTable> | undefined;
      jobs: OutboxJobSummary[];
    }
  | { type: 'newsletter'; record: Selectable<NewsletterSubscriptionsTable>; jobs: OutboxJobSummary[] }
  | { type: 'rights-request'; record: Selectable<RightsRequestsTable>; jobs: OutboxJobSummary[] };

/** The booking request, newsletter subscription or rights request with this reference, with its outbox jobs. */
export async function findLeadByReference(db: Kysely<Database>, reference: string): Promise<StoredLead | undefined> {
  const booking = await db
    .selectFrom('booking_requests')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (booking) {
    const guardianConsent = await db
      .selectFrom('guardian_consents')
      .selectAll()
      .where('booking_request_id', '=', booking.id)
      .executeTakeFirst();
    return {
      type: 'booking',
      record: booking,
      guardianConsent,
      jobs: await jobsOf(db, 'booking_request_id', booking.id),
    };
  }
  const subscription = await db
    .selectFrom('newsletter_subscriptions')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (subscription) {
    return {
      type: 'newsletter',
      record: subscription,
      jobs: await jobsOf(db, 'newsletter_subscription_id', subscription.id),
    };
  }
  const request = await db
    .selectFrom('rights_requests')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  if (request)
    return { type: 'rights-request', record: request, jobs: await jobsOf(db, 'rights_request_id', request.id) };
  return undefined;
}

function jobsOf(
  db: Kysely<Database>,
  leadColumn: 'booking_request_id' | 'newsletter_subscription_id' | 'rights_request_id',
  leadId: string,
): Promise<OutboxJobSummary[]> {
  return db
    .selectFrom('outbox_jobs')
    .select([
      'kind',
      'status',
      'attempts',
      'run_after as runAfter',
      'last_error as lastError',
      'created_at as createdAt',
    ])
    .where(leadColumn, '=', leadId)
    .orderBy('created_at')
    .orderBy('kind')
    .execute();
}
