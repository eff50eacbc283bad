import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { StoreConfig } from '../../functions/store/open.ts';
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
