/**
 * Per-client limits on the site's forms and endpoints (rate-limiter-flexible). Clients are keyed by a keyed hash of
 * their address, never the address itself. With `shared` backing (the site's), the counts live in PostgreSQL's
 * `rate_limits` table, so a client's limit holds across every instance on one database, and the hashing key comes
 * from the database (site_secrets), so every instance hashes an address alike; on the embedded database, which one
 * process serves, the counts stay in that process's memory. Without backing (tests), memory and a random key.
 */
import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from 'rate-limiter-flexible';

export interface RateLimitBacking {
  /** PostgreSQL, where the counts are kept for every instance; unset: this process's memory. */
  pool?: pg.Pool | undefined;
  hashKey: KeyObject;
}

export interface RateLimitOptions {
  /** Requests allowed per client within one window. */
  points: number;
  windowSeconds: number;
  /** Tells this limit's counts apart from the others' in the shared table. */
  name?: string;
  shared?: () => Promise<RateLimitBacking>;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type ClientRateLimiter = (clientAddress: string) => Promise<RateLimitDecision>;

/** The table the shared counts are kept in (migration 0008, as rate-limiter-flexible lays it out). */
export const rateLimitTable = 'rate_limits';

async function limiterFor({
  points,
  windowSeconds,
  name = 'limit',
  shared,
}: RateLimitOptions): Promise<{ limiter: RateLimiterAbstract; hashKey: KeyObject }> {
  if (!shared)
    return {
      limiter: new RateLimiterMemory({ points, duration: windowSeconds }),
      hashKey: createSecretKey(randomBytes(32)),
    };
  const { pool, hashKey } = await shared();
  const limiter = pool
    ? new RateLimiterPostgres({
        storeClient: pool,
        storeType: 'pool',
        tableName: rateLimitTable,
        tableCreated: true,
        keyPrefix: name,
        points,
        duration: windowSeconds,
      })
    : new RateLimiterMemory({ keyPrefix: name, points, duration: windowSeconds });
  return { limiter, hashKey };
}

export function createClientRateLimiter(options: RateLimitOptions): ClientRateLimiter {
  let made: Promise<{ limiter: RateLimiterAbstract; hashKey: KeyObject }> | undefined;
  return async (clientAddress) => {
    made ??= limiterFor(options);
    made.catch(() => {
      made = undefined;
    });
    const { limiter, hashKey } = await made;
    const clientKey = createHmac('sha256', hashKey).update(clientAddress).digest('base64url');
    try {
      await limiter.consume(clientKey);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  };
}
