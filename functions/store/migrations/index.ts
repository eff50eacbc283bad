import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type { Database } from '#functions/store/schema.ts';
import * as consentReceipts from './0001-consent-receipts.ts';
import * as leads from './0002-leads.ts';
import * as newsletterWithdrawalAndSecrets from './0003-newsletter-withdrawal-and-secrets.ts';
import * as privacyAudit from './0004-privacy-audit.ts';
import * as rightsRequests from './0005-rights-requests.ts';
import * as sentQuickly from './0006-sent-quickly.ts';
import * as processingLog from './0007-processing-log.ts';
import * as rateLimits from './0008-rate-limits.ts';
import * as schedules from './0009-schedules.ts';
import * as providerRequests from './0010-provider-requests.ts';
import * as guardianConsent from './0011-guardian-consent.ts';
import * as outboxBatches from './0012-outbox-batches.ts';
import * as leadLanguages from './0013-lead-languages.ts';
import * as crmRetention from './0014-crm-retention.ts';
import * as preferenceChanges from './0015-preference-changes.ts';

/**
 * Every migration, in order of their names. A static record rather than a folder scan, so the
 * migrations travel inside the Astro server bundle. Never rename or edit a released one: add the next.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-consent-receipts': consentReceipts,
  '0002-leads': leads,
  '0003-newsletter-withdrawal-and-secrets': newsletterWithdrawalAndSecrets,
  '0004-privacy-audit': privacyAudit,
  '0005-rights-requests': rightsRequests,
  '0006-sent-quickly': sentQuickly,
  '0007-processing-log': processingLog,
  '0008-rate-limits': rateLimits,
  '0009-schedules': schedules,
  '0010-provider-requests': providerRequests,
  '0011-guardian-consent': guardianConsent,
  '0012-outbox-batches': outboxBatches,
  '0013-lead-languages': leadLanguages,
  '0014-crm-retention': crmRetention,
  '0015-preference-changes': preferenceChanges,
};

/** Applies the migrations not yet applied and returns their names; throws if one fails. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results.find((result) => result.status === 'Error')?.migrationName ?? 'the migrator';
    throw new Error(`Database migration failed in ${failed}`, { cause: error });
  }
  return results.map((result) => result.migrationName);
}
