/** One attempt at sending a rendered email through Resend, told as the worker's DeliveryOutcome. */
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
  /** Stable across a job's attempts: Resend answers a repeated key with the first answer and sends nothing. */
  idempotencyKey: string;
  /** The SDK has no timeout of its own: without one a hung connection would hold the job forever. */
  timeoutMs?: number;
}

export const defaultSendTimeoutMs = 15_000;

export async function sendEmail(
  resend: Resend,
  email: OutgoingEmail,
  { idempotencyKey, timeoutMs = defaultSendTimeoutMs }: SendOptions,
): Promise<DeliveryOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  const { error, headers } = await resend.emails.send(email, { idempotencyKey, signal });
  if (!error) return { status: 'delivered' };
  // The SDK reports an aborted request as it does an unreachable server: only the signal tells them apart.
  if (error.statusCode === null && signal.aborted) {
    return { status: 'retry', error: `Resend did not answer within ${timeoutMs} ms` };
  }
  return outcomeOfResendError(error, headers);
}
