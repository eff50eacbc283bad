import type { BatchDelivery, DeliveryAttempt, DeliveryOutcome } from '#functions/delivery/delivery.ts';
import type { OutboxJobKind, OutboxJobPayload } from '#functions/outbox/jobs.ts';

/** One job through a batch delivery, as a batch of one whose key is the job's idempotency key. */
export async function deliverAlone<Kind extends OutboxJobKind>(
  delivery: BatchDelivery<Kind>,
  payload: OutboxJobPayload<Kind>,
  attempt: DeliveryAttempt,
): Promise<DeliveryOutcome | undefined> {
  const [outcome] = await delivery.deliverBatch([{ payload, attempt }], { key: attempt.idempotencyKey });
  return outcome;
}
