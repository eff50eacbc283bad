/**
 * The rows that name one person, found by email address or mobile number, for the privacy command's export and
 * erasure (functions/privacy/person-data.ts says what matches and what an erasure may drop).
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  BookingRequestsTable,
  Database,
  GuardianConsentsTable,
  NewsletterSubscriptionsTable,
  OutboxJobsTable,
  PreferenceChangesTable,
  RightsRequestsTable,
} from './schema.ts';

/** An email address in lower case, or a mobile number in E.164. */
export type PersonIdentifier = { type: 'email'; email: string } | { type: 'mobile'; mobile: string };

export interface PersonRecords {
  /** Matched on the email or the mobile, the patient's or a guardian's. */
  bookings: Selectable<BookingRequestsTable>[];
  /** The consent records of those bookings (for patients under 18). */
  guardianConsents: Selectable<GuardianConsentsTable>[];
  /** Matched on the email. */
  subscriptions: Selectable<NewsletterSubscriptionsTable>[];
  /** Matched on the email or the mobile. */
  rightsRequests: Selectable<RightsRequestsTable>[];
  /** Every job of those rows, and any other job whose payload names the person as a JSON string value. */
  jobs: Selectable<OutboxJobsTable>[];
  /** The choices the person changed on the preferences page, for the email or the mobile. */
  preferenceChanges: Selectable<PreferenceChangesTable>[];
}

/** Finds the person's rows; `lock` holds them (for update) until the transaction ends, as an erasure needs. */
export async function findPersonRecords(
  db: Kysely<Database>,
  identifier: PersonIdentifier,
  { lock = false }: { lock?: boolean } = {},
): Promise<PersonRecords> {
  let bookingQuery = db
    .selectFrom('booking_requests')
    .selectAll()
    .where((where) =>
      identifier.type === 'email'
        ? where.or([
            where(where.fn('lower', ['email']), '=', identifier.email),
            where(where.fn('lower', ['guardian_email']), '=', identifier.email),
          ])
        : where.or([
            where('mobile_e164', '=', identifier.mobile),
            where('guardian_mobile_e164', '=', identifier.mobile),
          ]),
    )
    .orderBy('created_at')
    .orderBy('id');
  if (lock) bookingQuery = bookingQuery.forUpdate();
  const bookings = await bookingQuery.execute();
  const guardianConsents =
    bookings.length === 0
      ? []
      : await db
          .selectFrom('guardian_consents')
          .selectAll()
          .where(
            'booking_request_id',
            'in',
            bookings.map((booking) => booking.id),
          )
          .execute();

  let subscriptions: Selectable<NewsletterSubscriptionsTable>[] = [];
  if (identifier.type === 'email') {
    let subscriptionQuery = db
      .selectFrom('newsletter_subscriptions')
      .selectAll()
      .where((where) => where(where.fn('lower', ['email']), '=', identifier.email))
      .orderBy('created_at')
      .orderBy('id');
    if (lock) subscriptionQuery = subscriptionQuery.forUpdate();
    subscriptions = await subscriptionQuery.execute();
  }

  let rightsRequestQuery = db
    .selectFrom('rights_requests')
    .selectAll()
    .where((where) =>
      identifier.type === 'email'
        ? where(where.fn('lower', ['email']), '=', identifier.email)
        : where('mobile_e164', '=', identifier.mobile),
    )
    .orderBy('created_at')
    .orderBy('id');
  if (lock) rightsRequestQuery = rightsRequestQuery.forUpdate();
  const rightsRequests = await rightsRequestQuery.execute();

  const bookingIds = bookings.map((booking) => booking.id);
  const subscriptionIds = subscriptions.map((subscription) => subscription.id);
  const rightsRequestIds = rightsRequests.map((request) => request.id);
  // The identifier as the payload's JSON holds it, quotes included, so a number never matches a longer one.
  const needle = JSON.stringify(identifier.type === 'email' ? identifier.email : identifier.mobile);
  let jobQuery = db
    .selectFrom('outbox_jobs')
    .selectAll()
    .where((where) =>
      where.or([
        ...(bookingIds.length > 0 ? [where('booking_request_id', 'in', bookingIds)] : []),
        ...(subscriptionIds.length > 0 ? [where('newsletter_subscription_id', 'in', subscriptionIds)] : []),
        ...(rightsRequestIds.length > 0 ? [where('rights_request_id', 'in', rightsRequestIds)] : []),
        where(sql<number>`strpos(lower(payload::text), ${needle})`, '>', 0),
      ]),
    )
    .orderBy('created_at')
    .orderBy('kind')
    .orderBy('id');
  if (lock) jobQuery = jobQuery.forUpdate();
  const jobs = await jobQuery.execute();

  let preferenceQuery = db
    .selectFrom('preference_changes')
    .selectAll()
    .where(
      identifier.type === 'email' ? 'email' : 'mobile_e164',
      '=',
      identifier.type === 'email' ? identifier.email : identifier.mobile,
    )
    .orderBy('changed_at')
    .orderBy('id');
  if (lock) preferenceQuery = preferenceQuery.forUpdate();
  const preferenceChanges = await preferenceQuery.execute();

  return { bookings, guardianConsents, subscriptions, rightsRequests, jobs, preferenceChanges };
}

/**
 * Deletes the rows, jobs first: deleting a lead would also take its jobs, including any written since. A booking's
 * consent record goes with it.
 */
export async function deletePersonRecords(
  db: Kysely<Database>,
  {
    jobIds,
    bookingIds,
    subscriptionIds,
    rightsRequestIds,
    preferenceChangeIds,
  }: Record<
    'jobIds' | 'bookingIds' | 'subscriptionIds' | 'rightsRequestIds' | 'preferenceChangeIds',
    readonly string[]
  >,
): Promise<void> {
  if (jobIds.length > 0) await db.deleteFrom('outbox_jobs').where('id', 'in', jobIds).execute();
  if (bookingIds.length > 0) await db.deleteFrom('booking_requests').where('id', 'in', bookingIds).execute();
  if (subscriptionIds.length > 0) {
    await db.deleteFrom('newsletter_subscriptions').where('id', 'in', subscriptionIds).execute();
  }
  if (rightsRequestIds.length > 0) await db.deleteFrom('rights_requests').where('id', 'in', rightsRequestIds).execute();
  if (preferenceChangeIds.length > 0) {
    await db.deleteFrom('preference_changes').where('id', 'in', preferenceChangeIds).execute();
  }
}
