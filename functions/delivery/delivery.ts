/**
 * What every delivery (a CRM write, an email) tells the worker: the worker owns retries, backoff and
 * dead-lettering; a delivery only classifies what happened on one attempt.
 */
import type { OutboxJobKind, OutboxJobPayload } from '#functions/outbox/jobs.ts';

export type DeliveryOutcome =
  | { status: 'delivered' }
  /** Worth trying again: a timeout, a 5xx, a 429. `retryAfterMs` is the provider's Retry-After, when it gave one. */
  | { status: 'retry'; error: string; retryAfterMs?: number }
  /** Trying again cannot help (a 4xx other than 408/429, a payload the provider refuses): park the job. */
  | { status: 'failed'; error: string };

export interface DeliveryAttempt {
  /** Stable for the job across all its attempts: providers use it to drop a repeat of a send. */
  idempotencyKey: string;
  /** 1 on the first attempt. */
  attempt: number;
}

export type Delivery<Kind extends OutboxJobKind> = (
  payload: OutboxJobPayload<Kind>,
  attempt: DeliveryAttempt,
) => Promise<DeliveryOutcome>;

export interface BatchedJob<Kind extends OutboxJobKind> {
  payload: OutboxJobPayload<Kind>;
  attempt: DeliveryAttempt;
}

/**
 * A delivery of many jobs of one kind in a few requests (a provider's batch endpoints): the worker claims up to
 * `maxBatch` due jobs and hands them over together; the answer is each job's outcome, in order. A failure of the
 * whole batch (a 429, an outage) is the same retry for every job.
 */
export interface BatchDelivery<Kind extends OutboxJobKind> {
  deliverBatch: (jobs: readonly BatchedJob<Kind>[], batch: { key: string }) => Promise<readonly DeliveryOutcome[]>;
  maxBatch: number;
  /**
   * The batch is claimed again whole, under the same key, until every job in it is settled: for a provider whose
   * idempotency key covers the whole request (Resend's batch send), so a retry can never send one of its emails twice.
   */
  sticky?: boolean;
}

export type AnyDelivery<Kind extends OutboxJobKind> = Delivery<Kind> | BatchDelivery<Kind>;

export function isBatchDelivery<Kind extends OutboxJobKind>(
  delivery: AnyDelivery<Kind>,
): delivery is BatchDelivery<Kind> {
  return typeof delivery === 'object';
}

/** The deliveries that are configured; a kind without one waits (no credentials yet) and is reported as such. */
export type Deliveries = { [Kind in OutboxJobKind]?: AnyDelivery<Kind> };

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date | number = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Number(now));
}

/**
 * A provider's request budget, shared by every process that calls it (the worker keeps it in the database): the
 * provider's rate limit is the account's, whatever the number of instances.
 */
export interface RequestBudget {
  /** Waits until a request may be made, and counts it as made. */
  take(): Promise<void>;
  /** The provider asked everyone to wait this long: a 429's Retry-After, its daily limit. */
  holdOff(ms: number): Promise<void>;
}
