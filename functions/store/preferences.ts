/**
 * The preferences page's reads and writes. A person's current choices are read from everything the store holds
 * about their email address (clinic news) and mobile number (WhatsApp updates): each consent given on a booking
 * or by a newsletter confirmation, each unsubscribe and stop-marketing request, and each change made on the page;
 * the latest counts (a withdrawal wins a tie). A change is a row of its own, with what it undoes elsewhere in the
 * store and its jobs, in one transaction; the domain (functions/preferences) decides who may change what.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Locale } from '#functions/clinic/locales.ts';
import type { ContactChoice, OutboxJobDraft, PreferenceLeadKind } from '#functions/outbox/jobs.ts';
import { bookingDeliveryLease, latest, withholdFromPendingBookings } from './consent-effects.ts';
import { insertJobs, type JobLead } from './leads.ts';
import { endSubscriptionsOf } from './newsletter-subscriptions.ts';
import type { Database } from './schema.ts';

/** The request a preferences link names, and the person it names: the one whose choices the page shows. */
export interface PreferenceLead {
  kind: PreferenceLeadKind;
  reference: string;
  /** Lowercased: an adult patient's, a patient under 18's parent or guardian's, a subscriber's or a requester's. */
  email?: string;
  /** E.164, the same person's (a newsletter sign-up has none). */
  mobile?: string;
  /** A request for a patient under 18: the person is their parent or guardian. */
  forMinor: boolean;
  locale: Locale;
  jobLead: JobLead;
}

type Reader = Kysely<Database> | Transaction<Database>;

/** The request and its person; `lock` holds its row until the transaction ends, so changes through it queue up. */
export async function findPreferenceLead(
  db: Reader,
  kind: PreferenceLeadKind,
  reference: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<PreferenceLead | undefined> {
  const locked = <Query extends { forUpdate(): Query }>(query: Query) => (lock ? query.forUpdate() : query);
  const person = (lead: Omit<PreferenceLead, 'email' | 'mobile'>, email: string | null, mobile: string | null) => ({
    ...lead,
    ...(email && { email }),
    ...(mobile && { mobile }),
  });
  switch (kind) {
    case 'booking': {
      const row = await locked(
        db
          .selectFrom('booking_requests')
          .select(['id', 'reference', 'is_minor', 'email', 'mobile_e164', 'guardian_email', 'guardian_mobile_e164'])
          .select('locale')
          .where('reference', '=', reference),
      ).executeTakeFirst();
      if (!row) return undefined;
      const lead = {
        kind,
        reference,
        forMinor: row.is_minor,
        locale: row.locale,
        jobLead: { booking_request_id: row.id, lead_reference: reference },
      };
      return row.is_minor
        ? person(lead, row.guardian_email, row.guardian_mobile_e164)
        : person(lead, row.email, row.mobile_e164);
    }
    case 'newsletter': {
      const row = await locked(
        db.selectFrom('newsletter_subscriptions').select(['id', 'email', 'locale']).where('reference', '=', reference),
      ).executeTakeFirst();
      if (!row) return undefined;
      const jobLead = { newsletter_subscription_id: row.id, lead_reference: reference };
      return person({ kind, reference, forMinor: false, locale: row.locale, jobLead }, row.email, null);
    }
    case 'rights-request': {
      const row = await locked(
        db
          .selectFrom('rights_requests')
          .select(['id', 'email', 'mobile_e164', 'locale'])
          .where('reference', '=', reference),
      ).executeTakeFirst();
      if (!row) return undefined;
      const jobLead = { rights_request_id: row.id, lead_reference: reference };
      return person({ kind, reference, forMinor: false, locale: row.locale, jobLead }, row.email, row.mobile_e164);
    }
  }
}

/** A choice as the store's records leave it: on or off, and since when (no time: never given). */
export interface ChoiceState {
  on: boolean;
  since?: Date;
}
export type PreferenceState = Record<ContactChoice, ChoiceState>;

const off: ChoiceState = { on: false };

/** Every consent given or withdrawn for the email's clinic news (a stop-marketing request by mobile withdraws it too). */
function emailNewsEvents(email: string, mobile: string | undefined) {
  return sql<{ given: boolean; at: Date }>`
    select true as given, consent_email_news_at as at from booking_requests
      where email = ${email} and consent_email_news_at is not null
    union all select true, confirmed_at from newsletter_subscriptions
      where email = ${email} and confirmed_at is not null
    union all select false, unsubscribed_at from newsletter_subscriptions
      where email = ${email} and unsubscribed_at is not null
    union all select false, created_at from rights_requests
      where request_type = 'stop-marketing' and (email = ${email}${mobile ? sql` or mobile_e164 = ${mobile}` : sql``})
    union all select given, changed_at from preference_changes where choice = 'emailNews' and email = ${email}`;
}

/** Every consent given or withdrawn for WhatsApp updates to the mobile (a guardian's, on a child's request). */
function whatsappEvents(mobile: string) {
  return sql<{ given: boolean; at: Date }>`
    select true as given, consent_whatsapp_at as at from booking_requests
      where consent_whatsapp_at is not null
        and ((not is_minor and mobile_e164 = ${mobile}) or (is_minor and guardian_mobile_e164 = ${mobile}))
    union all select false, created_at from rights_requests
      where request_type = 'stop-marketing' and mobile_e164 = ${mobile}
    union all select given, changed_at from preference_changes where choice = 'whatsappUpdates' and mobile_e164 = ${mobile}`;
}

async function latestEvent(db: Reader, events: ReturnType<typeof whatsappEvents>): Promise<ChoiceState> {
  const { rows } = await sql<{ given: boolean; at: Date }>`
    select given, at from (${events}) as events order by at desc, given asc limit 1`.execute(db);
  const last = rows[0];
  return last ? { on: last.given, since: new Date(last.at) } : off;
}

async function choiceState(db: Reader, person: Pick<PreferenceLead, 'email' | 'mobile'>, choice: ContactChoice) {
  if (choice === 'emailNews') return person.email ? latestEvent(db, emailNewsEvents(person.email, person.mobile)) : off;
  return person.mobile ? latestEvent(db, whatsappEvents(person.mobile)) : off;
}

/** The person's current choices. */
export async function currentPreferences(
  db: Reader,
  person: Pick<PreferenceLead, 'email' | 'mobile'>,
): Promise<PreferenceState> {
  return {
    emailNews: await choiceState(db, person, 'emailNews'),
    whatsappUpdates: await choiceState(db, person, 'whatsappUpdates'),
  };
}

/** A choice just changed on the page (the time is ISO 8601, the database's). */
export interface PreferenceChange {
  /** The request the link named. */
  reference: string;
  choice: ContactChoice;
  given: boolean;
  email?: string;
  mobile?: string;
  changedAt: string;
}

export type PreferenceChangeOutcome = 'changed' | 'unchanged' | 'not-found';

/**
 * Turns the choice on (`given`) or off for the person the request names, unless it already is. Turning clinic news
 * off ends the email's newsletter subscriptions (and cancels their unsent jobs); turning either off takes it from
 * bookings' CRM updates not yet sent. The CRM's jobs (`jobsFor`) wait for any subscribe or booking delivery under
 * way for the person.
 */
export function recordPreferenceChange(
  db: Kysely<Database>,
  { kind, reference }: Pick<PreferenceLead, 'kind' | 'reference'>,
  choice: ContactChoice,
  given: boolean,
  jobsFor: (change: PreferenceChange) => readonly OutboxJobDraft[],
): Promise<PreferenceChangeOutcome> {
  return db.transaction().execute(async (trx) => {
    const lead = await findPreferenceLead(trx, kind, reference, { lock: true });
    if (!lead) return 'not-found';
    const { email, mobile } = lead;
    const channel =
      choice === 'emailNews' ? { by: 'email' as const, value: email } : { by: 'mobile' as const, value: mobile };
    if (!channel.value) return 'unchanged';
    if ((await choiceState(trx, lead, choice)).on === given) return 'unchanged';

    const { changed_at: changedAt } = await trx
      .insertInto('preference_changes')
      .values({
        lead_reference: reference,
        choice,
        given,
        email: channel.by === 'email' ? channel.value : null,
        mobile_e164: channel.by === 'mobile' ? channel.value : null,
      })
      .returning('changed_at')
      .executeTakeFirstOrThrow();
    let subscribeLease: Date | undefined;
    if (!given) {
      if (choice === 'emailNews') subscribeLease = (await endSubscriptionsOf(trx, email)).lastLease;
      await withholdFromPendingBookings(trx, { by: channel.by, value: channel.value }, [choice]);
    }
    const runAfter = latest(subscribeLease, await bookingDeliveryLease(trx, { [channel.by]: channel.value }));
    const change: PreferenceChange = {
      reference,
      choice,
      given,
      [channel.by]: channel.value,
      changedAt: new Date(changedAt).toISOString(),
    };
    await insertJobs(trx, jobsFor(change), lead.jobLead, runAfter);
    return 'changed';
  });
}
