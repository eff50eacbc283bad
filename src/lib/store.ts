import { DATA_DIR, DATABASE_URL, FORM_RATE_LIMIT } from 'astro:env/server';
import { createClientRateLimiter } from '../../functions/http/rate-limit';
import { getStore } from '../../functions/store/instance';

/** The process's database, opened on first use (see functions/store/instance.ts). */
export async function clinicDatabase() {
  return (await getStore({ databaseUrl: DATABASE_URL, dataDir: DATA_DIR })).db;
}

/** A per-client limit for one form; make one per form and process, so it sees every request. */
export function formRateLimiter() {
  return createClientRateLimiter({ points: FORM_RATE_LIMIT, windowSeconds: 600 });
}
