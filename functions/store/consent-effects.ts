/**
 * What withdrawing a consent changes in the store besides the record of it, shared by a stop-marketing request and
 * the preferences page: bookings' CRM updates not yet sent stop carrying the consent (they would grant it again),
 * and the CRM's withdrawal (or a new consent) waits for any booking delivery under way for the person, which may
 * create the contact after the withdrawal found none.
 */
import { type RawBuilder, sql, type Transaction } from 'kysely';
import type { ContactChoice } from '#functions/outbox/jobs.ts';
import type { Database } from './schema.ts';

/** The booking payload's path to each consent. */
const consentPaths: Record<ContactChoice, string> = {
  emailNews: '{consents,emailNews}',
  whatsappUpdates: '{consents,whatsappUpdates}',
};

/**
 * Bookings' CRM updates not yet sent (or dead, which a retry would send) whose contact has this email or mobile
 * lose the consents named. (A request for a minor never carries email news: it stays false.)
 */
export async function withholdFromPendingBookings(
  trx: Transaction<Database>,
  contact: { by: 'email' | 'mobile'; value: string },
  consents: readonly ContactChoice[],
): Promise<void> {
  if (consents.length === 0) return;
  const payload = consents.reduce<RawBuilder<string>>(
    (withheld, consent) => sql`jsonb_set(${withheld}, ${consentPaths[consent]}, 'false')`,
    sql`payload`,
  );
  await trx
    .updateTable('outbox_jobs')
    .set({ payload })
    .where('kind', '=', 'crm.booking')
    .where('status', 'in', ['pending', 'dead'])
    .where(
      sql<string>`payload #>> ${contact.by === 'email' ? '{contact,email}' : '{contact,mobile}'}`,
      '=',
      contact.value,
    )
    .execute();
}

/** When the lease of a booking delivery under way for this email or mobile ends, if one is. */
export async function bookingDeliveryLease(
  trx: Transaction<Database>,
  { email, mobile }: { email?: string | undefined; mobile?: string | undefined },
): Promise<Date | undefined> {
  if (!email && !mobile) return undefined;
  const { lease } = await trx
    .selectFrom('outbox_jobs')
    .select(({ fn }) => fn.max('locked_until').as('lease'))
    .where('kind', '=', 'crm.booking')
    .where('status', '=', 'running')
    .where((where) =>
      where.or([
        ...(email ? [where(sql<string>`payload #>> '{contact,email}'`, '=', email)] : []),
        ...(mobile ? [where(sql<string>`payload #>> '{contact,mobile}'`, '=', mobile)] : []),
      ]),
    )
    .executeTakeFirstOrThrow();
  return lease ?? undefined;
}

/** The latest of the leases, if any: a job due after all of them. */
export function latest(...leases: (Date | undefined)[]): Date | undefined {
  return leases.filter((lease): lease is Date => lease !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
}
