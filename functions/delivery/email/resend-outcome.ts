/**
 * What an error from the Resend SDK means for the job. The SDK never throws for HTTP or network trouble: it
 * returns `{ error: { statusCode, name, message }, headers }`, with `statusCode: null` when no answer came.
 */
import type { ErrorResponse } from 'resend';
import { type DeliveryOutcome, retryAfterMs } from '#functions/delivery/delivery.ts';

export function outcomeOfResendError(
  error: ErrorResponse,
  headers: Readonly<Record<string, string>> | null,
  now = new Date(),
): DeliveryOutcome {
  const { statusCode } = error;
  if (typeof statusCode !== 'number') return { status: 'retry', error: 'Resend could not be reached' };
  // Resend's message can quote an address from the email: the outcome keeps only the status and the error's name.
  const description = `Resend answered ${statusCode} ${error.name}`;
  if (!isWorthRetrying(statusCode, error.name)) return { status: 'failed', error: description };
  const wait = retryAfterMs(headers?.['retry-after'], now);
  return wait === undefined
    ? { status: 'retry', error: description }
    : { status: 'retry', error: description, retryAfterMs: wait };
}

function isWorthRetrying(statusCode: number, name: string): boolean {
  // A 409 concurrent_idempotent_requests: an earlier attempt with the same key is still in progress at Resend.
  return statusCode === 408 || statusCode === 429 || statusCode >= 500 || name === 'concurrent_idempotent_requests';
}
