import { describe, expect, it } from 'vitest';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';

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
