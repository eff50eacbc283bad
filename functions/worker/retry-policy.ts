/**
 * What happens to an outbox job after one delivery attempt: done, tried again later, or parked as dead.
 * Pure: the random source is passed in, so a schedule can be replayed exactly.
 */
import type { DeliveryOutcome } from '#functions/delivery/delivery.ts';

export interface RetryPolicy {
  /** The first retry's step; each later step doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts in all, the first included; a job still failing after the last one is dead. */
  maxAttempts: number;
}

const minute = 60_000;

/**
 * Steps of 1, 2, 4 … 64 minutes, then 2 hours: the 9 retries after a first attempt wait at least half their
 * steps, 3 h 3 min in all (at most 6 h 7 min), so any provider outage shorter than three hours is survived.
 */
export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: minute, maxDelayMs: 120 * minute, maxAttempts: 10 };

/** A number in [0, 1), like Math.random. */
export type RandomSource = () => number;

/**
 * The wait after failed attempt number `attempt` (1-based): exponential, capped, and jittered over the upper
 * half of its step. Full jitter (anywhere in [0, step]) spreads retries a little more, but could let every
 * retry come early and give up within minutes; the floor of half a step is what makes the span above a
 * promise. A provider's Retry-After is a floor too: never sooner than it asked.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: RandomSource,
  retryAfterMs: number | undefined,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(step / 2 + random() * (step / 2));
  return Math.max(jittered, retryAfterMs ?? 0);
}

export type NextJobState =
  | { status: 'done' }
  | { status: 'pending'; retryInMs: number; error: string }
  | { status: 'dead'; error: string };

/** Stored in `last_error` and logged: enough to act on, short enough that a provider's error page is not kept. */
const maxErrorLength = 500;

export function nextJobState(
  outcome: DeliveryOutcome,
  attempt: number,
  policy: RetryPolicy,
  random: RandomSource,
): NextJobState {
  if (outcome.status === 'delivered') return { status: 'done' };
  const error = outcome.error.slice(0, maxErrorLength);
  if (outcome.status === 'failed' || attempt >= policy.maxAttempts) return { status: 'dead', error };
  return { status: 'pending', retryInMs: retryDelayMs(attempt, policy, random, outcome.retryAfterMs), error };
}
