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

/** The deliveries that are configured; a kind without one waits (no credentials yet) and is reported as such. */
export type Deliveries = { [Kind in OutboxJobKind]?: Delivery<Kind> };

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
