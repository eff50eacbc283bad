/**
 * The processing record (DPDP Rules 2025, r.8(3)): what was done with personal data, when and for which purpose,
 * by the requests' references and row counts, never a name, email address, phone number or address. The database
 * writes the rows for leads collected, newsletter consent confirmed or withdrawn, and jobs delivered itself, in the
 * transaction that does it (migration 0007's triggers); exports, erasures and purges are recorded here by the
 * privacy code, inside their own transactions. Rows are never changed, and deleted only by the retention purge.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, ProcessingActivity, ProcessingLogTable, ProcessingPurpose } from './schema.ts';

export interface ProcessingEntry {
  activity: Extract<ProcessingActivity, 'exported' | 'erased' | 'purged'>;
  purpose: Extract<ProcessingPurpose, 'data-rights' | 'retention'>;
  leadReferences?: readonly string[];
  /** How many rows were found or changed, by kind; numbers and labels only. */
  counts: object;
}

export async function recordProcessing(db: Kysely<Database>, entry: ProcessingEntry): Promise<void> {
  await db
    .insertInto('processing_log')
    .values({
      activity: entry.activity,
      purpose: entry.purpose,
      lead_references: [...(entry.leadReferences ?? [])],
      counts: JSON.stringify(entry.counts),
    })
    .execute();
}

export type ProcessingRecord = Selectable<ProcessingLogTable>;

/** Every entry from `since` on, oldest first. */
export function listProcessingRecords(db: Kysely<Database>, since = new Date(0)): Promise<ProcessingRecord[]> {
  return db
    .selectFrom('processing_log')
    .selectAll()
    .where('recorded_at', '>=', since)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Deletes the entries recorded before `cutoff`: the retention purge, once they have been kept long enough. */
export async function deleteProcessingRecordsBefore(db: Kysely<Database>, cutoff: Date): Promise<number> {
  const result = await db.deleteFrom('processing_log').where('recorded_at', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}
