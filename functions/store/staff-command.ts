/** What the staff commands (`npm run leads`, `npm run privacy`) share: exit codes, the store, the last word. */
import type { Kysely } from 'kysely';
import { openStore, storeConfigFromEnv } from './open.ts';
import type { Database } from './schema.ts';

export const exitCode = { done: 0, failed: 1, usage: 2 } as const;

/** Opens the store the environment names (as the server does) for one task, and closes it after. */
export async function withStoreFromEnv(task: (db: Kysely<Database>) => Promise<number>): Promise<number> {
  const store = await openStore(storeConfigFromEnv(process.env));
  try {
    return await task(store.db);
  } finally {
    await store.close();
  }
}

/** Runs the command and sets the process's exit code; an unexpected failure is reported, not thrown. */
export async function runStaffCommand(name: string, main: (args: string[]) => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (error) {
    console.error(`The ${name} command failed:`, error);
    process.exitCode = exitCode.failed;
  }
}
