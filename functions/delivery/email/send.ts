/**
 * One attempt at sending rendered emails through Resend's batch endpoint (up to 100 a request), told as the
 * worker's DeliveryOutcome for each email. Permissive validation: Resend sends the valid emails and names the
 * others by index, so one refused address never holds up the rest of the batch.
 */
import type { Resend } from 'resend';
import type { DeliveryOutcome } from '#functions/delivery/delivery.ts';
import type { RenderedEmail } from './render.ts';
import { outcomeOfResendError } from './resend-outcome.ts';

export interface OutgoingEmail extends RenderedEmail {
  from: string;
  to: string;
  replyTo?: string;
  headers?: Record<string, string>;
}

export interface SendOptions {
  /**
   * The request's: Resend answers a repeated key (with the same emails) with the first answer and sends nothing.
   * A batch is therefore sent again whole, under its key, until it is settled (the outbox's sticky batches).
   */
  idempotencyKey: string;
  /** The SDK has no timeout of its own: without one a hung connection would hold the jobs forever. */
  timeoutMs?: number;
}

export const defaultSendTimeoutMs = 15_000;
export const maxEmailsPerBatch = 100;

export async function sendEmailBatch(
  resend: Resend,
  emails: readonly OutgoingEmail[],
  { idempotencyKey, timeoutMs = defaultSendTimeoutMs }: SendOptions,
): Promise<DeliveryOutcome[]> {
  const signal = AbortSignal.timeout(timeoutMs);
  const { data, error, headers } = await resend.batch.send([...emails], {
    idempotencyKey,
    batchValidation: 'permissive',
    signal,
  });
  if (error) {
    // The SDK reports an aborted request as it does an unreachable server: only the signal tells them apart.
    const outcome: DeliveryOutcome =
      error.statusCode === null && signal.aborted
        ? { status: 'retry', error: `Resend did not answer within ${timeoutMs} ms` }
        : outcomeOfResendError(error, headers);
    return emails.map(() => outcome);
  }
  // Resend's message quotes the refused address: the outcome says only that it was refused.
  const refused = new Set(data.errors.map((refusal) => refusal.index));
  return emails.map((_, index) =>
    refused.has(index)
      ? { status: 'failed', error: 'Resend refused this email of the batch' }
      : { status: 'delivered' },
  );
}
