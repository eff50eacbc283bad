/**
 * After a backup is restored, the leads that erasures since the backup had deleted are back and must go again. The
 * processing record names them by reference (its 'erased' entries); these list them, and delete them with their
 * outbox jobs. The procedure is in functions/privacy/restored-backup.ts.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** The references of every lead an erasure recorded since `since` deleted. */
export async function referencesErasedSince(db: Kysely<Database>, since: Date): Promise<string[]> {
  const { rows } = await sql<{ reference: string }>`select distinct unnest(lead_references) as reference
    from processing_log where activity = 'erased' and recorded_at >= ${since} order by reference`.execute(db);
  return rows.map((row) => row.reference);
}

export interface LeadsDeletedAgain {
  bookingRequests: number;
  newsletterSubscriptions: number;
  rightsRequests: number;
  outboxJobs: number;
}

/** Deletes the leads with these references and their jobs (jobs first, by their lead's reference). */
export async function deleteLeadsByReference(
  db: Kysely<Database>,
  references: readonly string[],
): Promise<LeadsDeletedAgain> {
  if (references.length === 0)
    return { bookingRequests: 0, newsletterSubscriptions: 0, rightsRequests: 0, outboxJobs: 0 };
  const deleted = async (
    table: 'outbox_jobs' | 'booking_requests' | 'newsletter_subscriptions' | 'rights_requests',
  ) => {
    const column = table === 'outbox_jobs' ? 'lead_reference' : 'reference';
    const result = await db.deleteFrom(table).where(column, 'in', references).executeTakeFirst();
    return Number(result.numDeletedRows);
  };
  const outboxJobs = await deleted('outbox_jobs');
  return {
    bookingRequests: await deleted('booking_requests'),
    newsletterSubscriptions: await deleted('newsletter_subscriptions'),
    rightsRequests: await deleted('rights_requests'),
    outboxJobs,
  };
}
