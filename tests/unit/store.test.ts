import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ConsentReceipt } from '#functions/consent/receipt.ts';
import { listConsentReceipts, recordConsentReceipt } from '#functions/store/consent-receipts.ts';
import { migrateToLatest, migrations } from '#functions/store/migrations/index.ts';
import { openStore } from '#functions/store/open.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

function receipt(overrides: Partial<ConsentReceipt> = {}): ConsentReceipt {
  return {
    consentId: randomUUID(),
    acceptType: 'custom',
    acceptedCategories: ['necessary', 'analytics'],
    acceptedServices: ['ga4'],
    revision: 1,
    policyVersion: '2026-11',
    language: 'en',
    source: 'banner',
    privacySignal: 'none',
    ...overrides,
  };
}

function behavesAsTheStore(opened: OpenedStore) {
  it('applies every migration on open, and applying them again does nothing', async () => {
    const { db } = opened.store;
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('records receipts and lists those of one consent ID, oldest first', async () => {
    const { db } = opened.store;
    const first = receipt();
    const second = receipt({
      consentId: first.consentId,
      acceptType: 'all',
      acceptedCategories: ['necessary', 'analytics', 'marketing'],
      acceptedServices: ['ga4', 'clarity', 'meta'],
      revision: 2,
      language: 'hi',
    });
    const firstStored = await recordConsentReceipt(db, first);
    const secondStored = await recordConsentReceipt(db, second);
    await recordConsentReceipt(db, receipt());

    expect(firstStored.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(firstStored.recordedAt).toBeInstanceOf(Date);
    expect(await listConsentReceipts(db, first.consentId)).toEqual([
      { ...first, ...firstStored },
      { ...second, ...secondStored },
    ]);
  });

  it('stores empty lists of services', async () => {
    const necessaryOnly = receipt({ acceptType: 'necessary', acceptedCategories: ['necessary'], acceptedServices: [] });
    await recordConsentReceipt(opened.store.db, necessaryOnly);
    expect(await listConsentReceipts(opened.store.db, necessaryOnly.consentId)).toMatchObject([necessaryOnly]);
  });

  it('stores nothing when an insert violates a check', async () => {
    const invalid = receipt({ source: 'email' as ConsentReceipt['source'] });
    await expect(recordConsentReceipt(opened.store.db, invalid)).rejects.toThrow(/check constraint/);
    expect(await listConsentReceipts(opened.store.db, invalid.consentId)).toEqual([]);
  });

  it('has no column for personal data', async () => {
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_name = 'consent_receipts' order by column_name
    `.execute(opened.store.db);
    expect(columns.rows.map((row) => row.column_name)).toEqual([
      'accept_type',
      'categories',
      'consent_id',
      'id',
      'language',
      'policy_version',
      'privacy_signal',
      'recorded_at',
      'revision',
      'services',
      'source',
    ]);
  });

  it('keeps receipts after it is closed and opened again', async () => {
    const kept = receipt();
    await recordConsentReceipt(opened.store.db, kept);
    await opened.store.close();
    opened.store = await openStore(opened.config);
    expect(await listConsentReceipts(opened.store.db, kept.consentId)).toMatchObject([kept]);
  }, 60_000);
}

describe('the store on PGlite', () => {
  const opened = emptyStoreForSuite(pgliteBackend);
  behavesAsTheStore(opened);

  it('keeps its files in the pglite folder of the data directory', () => {
    expect(existsSync(join(opened.config.dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
  });
});

describe('the store on PostgreSQL', () => {
  behavesAsTheStore(emptyStoreForSuite(postgresBackend));
});
