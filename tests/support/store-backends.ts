import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { openStore, type Store, type StoreConfig } from '#functions/store/open.ts';
import { createEmptyDatabase } from './postgres-database.ts';

export interface StoreBackend {
  name: string;
  /** A config for an empty database, and how to clean up after it. */
  emptyStore(): Promise<{ config: StoreConfig; cleanUp(): void }>;
}

export const pgliteBackend: StoreBackend = {
  name: 'PGlite',
  emptyStore: async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinic-site-store-'));
    return { config: { dataDir }, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
  },
};

export const postgresBackend: StoreBackend = {
  name: 'PostgreSQL',
  emptyStore: async () => ({
    config: { databaseUrl: await createEmptyDatabase(inject('postgresAdminUrl')), dataDir: '/nonexistent' },
    cleanUp: () => {},
  }),
};

export interface OpenedStore {
  config: StoreConfig;
  store: Store;
}

/** Opens an empty store of the backend before the suite's tests and closes it after them. */
export function emptyStoreForSuite(backend: StoreBackend): OpenedStore {
  const opened = {} as OpenedStore;
  let cleanUp = () => {};
  beforeAll(async () => {
    const empty = await backend.emptyStore();
    cleanUp = empty.cleanUp;
    opened.config = empty.config;
    opened.store = await openStore(empty.config);
  }, 60_000);
  afterAll(async () => {
    await opened.store?.close();
    cleanUp();
  });
  return opened;
}
