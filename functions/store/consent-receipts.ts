import type { Kysely } from 'kysely';
import type { ConsentChoice, Database } from './schema.ts';

export interface StoredConsentReceipt extends ConsentChoice {
  id: string;
  recordedAt: Date;
}

export async function recordConsentReceipt(
  db: Kysely<Database>,
  receipt: ConsentChoice,
): Promise<{ id: string; recordedAt: Date }> {
  return db
    .insertInto('consent_receipts')
    .values({
      consent_id: receipt.consentId,
      accept_type: receipt.acceptType,
      categories: receipt.acceptedCategories,
      services: receipt.acceptedServices,
      revision: receipt.revision,
      policy_version: receipt.policyVersion,
      language: receipt.language,
      source: receipt.source,
    })
    .returning(['id', 'recorded_at as recordedAt'])
    .executeTakeFirstOrThrow();
}

/** Every receipt of one browser's consent, oldest first. */
export async function listConsentReceipts(db: Kysely<Database>, consentId: string): Promise<StoredConsentReceipt[]> {
  return db
    .selectFrom('consent_receipts')
    .select([
      'id',
      'consent_id as consentId',
      'accept_type as acceptType',
      'categories as acceptedCategories',
      'services as acceptedServices',
      'revision',
      'policy_version as policyVersion',
      'language',
      'source',
      'recorded_at as recordedAt',
    ])
    .where('consent_id', '=', consentId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}
