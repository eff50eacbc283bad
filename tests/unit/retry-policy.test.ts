import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, nextJobState, type RetryPolicy, retryDelayMs } from '#functions/worker/retry-policy.ts';

const policy: RetryPolicy = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 5 };
const lowest = () => 0;
const highest = () => 1 - Number.EPSILON;
const minute = 60_000;

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap, jittered within the upper half of each step', () => {
    const steps = [1, 2, 3, 4, 5, 6].map((attempt) => [
      retryDelayMs(attempt, policy, lowest, undefined),
      retryDelayMs(attempt, policy, highest, undefined),
    ]);
    expect(steps).toEqual([
      [500, 1_000],
      [1_000, 2_000],
      [2_000, 4_000],
      [4_000, 8_000],
      [5_000, 10_000],
      [5_000, 10_000],
    ]);
  });

  it('is the same for the same random draws', () => {
    const draws = () => {
      const values = [0.25, 0.75];
      return () => values.shift() ?? 0;
    };
    const first = draws();
    const second = draws();
    expect([retryDelayMs(3, policy, first, undefined), retryDelayMs(3, policy, first, undefined)]).toEqual([
      2_500, 3_500,
    ]);
    expect([retryDelayMs(3, policy, second, undefined), retryDelayMs(3, policy, second, undefined)]).toEqual([
      2_500, 3_500,
    ]);
  });

  it('never comes sooner than the Retry-After the provider asked for, but may come later', () => {
    expect(retryDelayMs(1, policy, highest, 30_000)).toBe(30_000);
    expect(retryDelayMs(4, policy, highest, 2_000)).toBe(8_000);
    expect(retryDelayMs(1, policy, lowest, 0)).toBe(500);
  });

  it('by default keeps trying for three to six hours before giving up', () => {
    const retries = Array.from({ length: defaultRetryPolicy.maxAttempts - 1 }, (_, index) => index + 1);
    const span = (random: () => number) =>
      retries.reduce((total, attempt) => total + retryDelayMs(attempt, defaultRetryPolicy, random, undefined), 0);
    expect(span(lowest)).toBeGreaterThanOrEqual(180 * minute);
    expect(span(highest)).toBeLessThanOrEqual(6.5 * 60 * minute);
    expect(retryDelayMs(1, defaultRetryPolicy, highest, undefined)).toBeLessThanOrEqual(minute);
  });
});

describe('nextJobState', () => {
  const half = () => 0.5;

  it('a delivered job is done', () => {
    expect(nextJobState({ status: 'delivered' }, 1, policy, half)).toEqual({ status: 'done' });
  });

  it('a retry is scheduled by the backoff, or by Retry-After when that is later', () => {
    expect(nextJobState({ status: 'retry', error: 'HTTP 503' }, 2, policy, half)).toEqual({
      status: 'pending',
      retryInMs: 1_500,
      error: 'HTTP 503',
    });
    expect(nextJobState({ status: 'retry', error: 'HTTP 429', retryAfterMs: 60_000 }, 2, policy, half)).toEqual({
      status: 'pending',
      retryInMs: 60_000,
      error: 'HTTP 429',
    });
  });

  it('a retry after the last attempt, or a failure at any attempt, is dead', () => {
    expect(nextJobState({ status: 'retry', error: 'HTTP 503' }, 4, policy, half).status).toBe('pending');
    expect(nextJobState({ status: 'retry', error: 'HTTP 503' }, 5, policy, half)).toEqual({
      status: 'dead',
      error: 'HTTP 503',
    });
    expect(nextJobState({ status: 'failed', error: 'HTTP 400: invalid email' }, 1, policy, half)).toEqual({
      status: 'dead',
      error: 'HTTP 400: invalid email',
    });
  });

  it('keeps only the start of a long error', () => {
    const next = nextJobState({ status: 'retry', error: `HTTP 502: ${'<html>'.repeat(1_000)}` }, 1, policy, half);
    expect(next.status === 'pending' && next.error.length).toBe(500);
  });
});
