/** The privacy audit log: one row per export, erasure or purge, with counts and never the person's details. */
import type { Kysely } from 'kysely';
import type { Database, PrivacyAuditAction } from './schema.ts';

export interface PrivacyAuditEntry {
  action: PrivacyAuditAction;
  /** How many rows were found or changed, by kind; numbers and labels only. */
  counts: object;
  requestReference?: string | undefined;
}

export async function recordPrivacyAudit(
  db: Kysely<Database>,
  entry: PrivacyAuditEntry,
): Promise<{ id: string; performedAt: Date }> {
  return db
    .insertInto('privacy_audit')
    .values({
      action: entry.action,
      counts: JSON.stringify(entry.counts),
      request_reference: entry.requestReference ?? null,
    })
    .returning(['id', 'performed_at as performedAt'])
    .executeTakeFirstOrThrow();
}
