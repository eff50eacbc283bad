import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  /** Requests allowed per client within one window. */
  points: number;
  windowSeconds: number;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type ClientRateLimiter = (clientAddress: string) => Promise<RateLimitDecision>;

/**
 * A per-client limiter kept in this process's memory. Clients are keyed by a keyed hash of their
 * address, never the address itself; the key is random per process, so the hashes cannot be
 * reversed by hashing every possible address.
 */
export function createClientRateLimiter({ points, windowSeconds }: RateLimitOptions): ClientRateLimiter {
  const limiter = new RateLimiterMemory({ points, duration: windowSeconds });
  // Imported once as a key object: handing createHmac raw bytes imports the key again on every request.
  const hashKey = createSecretKey(randomBytes(32));
  return async (clientAddress) => {
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
