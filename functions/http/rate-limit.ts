/**
 * Per-client limits on the site's forms and endpoints. Clients are keyed by a keyed hash of their address, never the
 * address itself. With `shared` backing (the site's), the counts live in PostgreSQL's `rate_limits` table, so a
 * client's limit holds across every instance on one database, and the hashing key comes from the database
 * (site_secrets), so every instance hashes an address alike; on the embedded database, which one process serves,
 * the counts stay in that process's memory (rate-limiter-flexible). Without backing (tests), memory and a random key.
 *
 * The shared counts are taken for concurrent requests together (store/rate-limits.ts, through a group commit):
 * one statement for a group, each request still answered from the database's count before it goes on, so the
 * limit is exact across instances. rate-limiter-flexible's own PostgreSQL store costs a round trip and a commit per
 * request, which was the largest part of a booking's cost on PostgreSQL.
 */
import { createHmac, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import { deleteEndedRateLimits, takeRateLimitPoints } from '#functions/store/rate-limits.ts';
import type { Database } from '#functions/store/schema.ts';

export interface RateLimitBacking {
  /** The PostgreSQL database whose counts every instance shares; unset: this process's memory. */
  sharedCounts?: Kysely<Database> | undefined;
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

type KeyLimiter = (clientKey: string) => Promise<RateLimitDecision>;

const retryAfterSeconds = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

function memoryLimiter(points: number, windowSeconds: number): KeyLimiter {
  const limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  return async (clientKey) => {
    try {
      await limiter.consume(clientKey);
      return { allowed: true };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { allowed: false, retryAfterSeconds: retryAfterSeconds(rejection.msBeforeNext) };
    }
  };
}

/** How often, and how long after their window ended, counts are deleted (as rate-limiter-flexible's store does). */
const endedCountsCheckMs = 5 * 60_000;
const endedCountsKeptMs = 60 * 60_000;

/**
 * Counts in the shared table, a group of concurrent requests in one statement. Requests of one client in a group
 * are counted in the order they came, as if one after another: the first ones up to the limit are allowed.
 */
function sharedLimiter(db: Kysely<Database>, name: string, points: number, windowSeconds: number): KeyLimiter {
  setInterval(() => void deleteEndedRateLimits(db, endedCountsKeptMs).catch(() => {}), endedCountsCheckMs).unref();
  const take = createGroupCommit({
    writeGroup: async (keys: readonly string[]): Promise<RateLimitDecision[]> => {
      const requested = new Map<string, number>();
      for (const key of keys) requested.set(key, (requested.get(key) ?? 0) + 1);
      const counts = await takeRateLimitPoints(
        db,
        [...requested].map(([key, taking]) => ({ key, points: taking })),
        windowSeconds * 1000,
      );
      const counted = new Map<string, number>();
      return keys.map((key) => {
        const count = counts.get(key);
        if (!count) throw new Error('A rate limit count was not answered');
        const before = count.points - (requested.get(key) ?? 0);
        const nth = (counted.get(key) ?? 0) + 1;
        counted.set(key, nth);
        return before + nth <= points
          ? { allowed: true }
          : { allowed: false, retryAfterSeconds: retryAfterSeconds(count.msBeforeNext) };
      });
    },
  });
  // The key as rate-limiter-flexible writes it with this prefix.
  return (clientKey) => take(`${name}:${clientKey}`);
}

async function limiterFor({
  points,
  windowSeconds,
  name = 'limit',
  shared,
}: RateLimitOptions): Promise<{ limiter: KeyLimiter; hashKey: KeyObject }> {
  if (!shared) return { limiter: memoryLimiter(points, windowSeconds), hashKey: createSecretKey(randomBytes(32)) };
  const { sharedCounts, hashKey } = await shared();
  const limiter = sharedCounts
    ? sharedLimiter(sharedCounts, name, points, windowSeconds)
    : memoryLimiter(points, windowSeconds);
  return { limiter, hashKey };
}

export function createClientRateLimiter(options: RateLimitOptions): ClientRateLimiter {
  let made: Promise<{ limiter: KeyLimiter; hashKey: KeyObject }> | undefined;
  return async (clientAddress) => {
    made ??= limiterFor(options);
    made.catch(() => {
      made = undefined;
    });
    const { limiter, hashKey } = await made;
    return limiter(createHmac('sha256', hashKey).update(clientAddress).digest('base64url'));
  };
}
