/**
 * The privacy policy promises that erased information does not come back with a restored backup. Restoring one
 * replaces the processing record too, so the erasures made since the backup are listed first, from the database as
 * it is (`npm run privacy -- erasures --since <backup time>`: the references the 'erased' entries name, from
 * functions/store/restored-erasures.ts), and
 * repeated on the restored one (`repeat-erasures <reference>...`): those leads are deleted again with their jobs, in
 * one transaction that is itself recorded (audit and processing record, counts and references only).
 */
import type { Kysely } from 'kysely';
import { recordPrivacyAudit } from '#functions/store/privacy-audit.ts';
import { recordProcessing } from '#functions/store/processing-log.ts';
import { deleteLeadsByReference, type LeadsDeletedAgain } from '#functions/store/restored-erasures.ts';
import type { Database } from '#functions/store/schema.ts';

export function repeatErasures(db: Kysely<Database>, references: readonly string[]): Promise<LeadsDeletedAgain> {
  return db.transaction().execute(async (trx) => {
    const deleted = await deleteLeadsByReference(trx, references);
    const counts = { repeatedErasures: references.length, ...deleted };
    await recordPrivacyAudit(trx, { action: 'erase', counts });
    await recordProcessing(trx, { activity: 'erased', purpose: 'data-rights', leadReferences: references, counts });
    return deleted;
  });
}
