import type { Kysely } from 'kysely';
import type { ConsentChoice, Database } from './schema.ts';

export interface StoredConsentReceipt extends Omit<ConsentChoice, 'privacySignal'> {
  /** Null on receipts recorded before the browser sent it. */
  privacySignal: ConsentChoice['privacySignal'] | null;
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
      privacy_signal: receipt.privacySignal,
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
      'privacy_signal as privacySignal',
      'recorded_at as recordedAt',
    ])
    .where('consent_id', '=', consentId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}
