/** Vitest global setup: a throwaway PostgreSQL server for the store tests (tests/support/postgres-server.ts). */
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../support/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the test server; tests create their own databases on it. */
    postgresAdminUrl: string;
  }
}

export default async function startPostgres(project: TestProject): Promise<() => void> {
  const server = await startThrowawayPostgres({ durable: false });
  project.provide('postgresAdminUrl', server.adminUrl);
  return () => server.stop();
}
