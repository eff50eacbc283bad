import {
  type AnyDelivery,
  type DeliveryAttempt,
  type DeliveryOutcome,
  isBatchDelivery,
} from '#functions/delivery/delivery.ts';
import type { OutboxJobKind, OutboxJobPayload } from '#functions/outbox/jobs.ts';

/** One job through a delivery: a batch delivery takes it as a batch of one, keyed by the job's idempotency key. */
export async function deliverAlone<Kind extends OutboxJobKind>(
  delivery: AnyDelivery<Kind>,
  payload: OutboxJobPayload<Kind>,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome | undefined> {
  if (!isBatchDelivery(delivery)) return delivery(payload, attempt);
  const [outcome] = await delivery.deliverBatch([{ payload, attempt }], { key: attempt.idempotencyKey });
  return outcome;
}
