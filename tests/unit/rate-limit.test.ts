import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import pg from 'pg';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import { describe, expect, it } from 'vitest';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';
import { openStore } from '#functions/store/open.ts';
import { emptyStoreForSuite, postgresBackend } from '../support/store-backends.ts';

describe('createClientRateLimiter', () => {
  it('allows the configured number of requests per client, then says when to retry', async () => {
    const limit = createClientRateLimiter({ points: 3, windowSeconds: 60 });
    for (let request = 0; request < 3; request += 1) {
      expect(await limit('203.0.113.7')).toEqual({ allowed: true });
    }
    const refused = await limit('203.0.113.7');
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it('counts each client separately', async () => {
    const limit = createClientRateLimiter({ points: 1, windowSeconds: 60 });
    expect(await limit('203.0.113.7')).toEqual({ allowed: true });
    expect((await limit('203.0.113.7')).allowed).toBe(false);
    expect(await limit('2001:db8::1')).toEqual({ allowed: true });
  });
});

describe('createClientRateLimiter with counts shared in PostgreSQL', () => {
  const opened = emptyStoreForSuite(postgresBackend);
  const hashKey = createSecretKey(randomBytes(32));

  /** The same limit as another instance on the database has it: its own store (connections), the shared key. */
  async function instance(options: { points: number; windowSeconds: number; name: string }) {
    const store = await openStore(opened.config);
    const limit = createClientRateLimiter({ ...options, shared: async () => ({ sharedCounts: store.db, hashKey }) });
    return { limit, close: () => store.close() };
  }

  it('allows a client exactly its points across instances, however many requests come at once', async () => {
    const instances = await Promise.all([1, 2].map(() => instance({ points: 10, windowSeconds: 60, name: 'burst' })));
    try {
      const decisions = await Promise.all(
        Array.from({ length: 30 }, (_, index) => instances[index % 2]?.limit('203.0.113.7')),
      );
      expect(decisions.filter((decision) => decision?.allowed)).toHaveLength(10);
      for (const decision of decisions.filter((decision) => decision && !decision.allowed)) {
        expect(decision).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
        if (decision && !decision.allowed) expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      // Another client has a count of its own.
      expect(await instances[0]?.limit('2001:db8::1')).toEqual({ allowed: true });
    } finally {
      await Promise.all(instances.map((each) => each.close()));
    }
  });

  it('starts counting again once the window has ended', async () => {
    const { limit, close } = await instance({ points: 2, windowSeconds: 1, name: 'window' });
    try {
      expect((await Promise.all([1, 2, 3].map(() => limit('203.0.113.9')))).map((d) => d.allowed)).toEqual([
        true,
        true,
        false,
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(await limit('203.0.113.9')).toEqual({ allowed: true });
    } finally {
      await close();
    }
  });

  it("counts in rate-limiter-flexible's own layout: a count it made holds, and it reads ours", async () => {
    const pool = new pg.Pool({ connectionString: opened.config.databaseUrl });
    const library = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      keyPrefix: 'layout',
      points: 5,
      duration: 60,
      clearExpiredByTimeout: false,
    });
    const { limit, close } = await instance({ points: 5, windowSeconds: 60, name: 'layout' });
    const clientKey = createHmac('sha256', hashKey).update('203.0.113.10').digest('base64url');
    try {
      await library.consume(clientKey, 3);
      expect(await limit('203.0.113.10')).toEqual({ allowed: true });
      expect((await library.get(clientKey))?.consumedPoints).toBe(4);
      expect(await limit('203.0.113.10')).toEqual({ allowed: true });
      expect((await limit('203.0.113.10')).allowed).toBe(false);
    } finally {
      await close();
      await pool.end();
    }
  });
});
