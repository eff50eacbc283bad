/**
 * What a failed HubSpot call means for the job: try again (429, 408, 5xx, no answer) or park it (any other
 * 4xx, a record HubSpot refused). The error text names the status and HubSpot's reason, with anything that
 * looks like personal data taken out, as it ends up in the job's record and the logs.
 */
import { type DeliveryOutcome, retryAfterMs } from '#functions/delivery/delivery.ts';

/** HubSpot's daily limit resets at midnight in the account's time zone, which the site does not know. */
export const dailyLimitWaitMs = 60 * 60 * 1000;
const maxReasonLength = 200;

/** The SDK's ApiException; each of its API modules has its own copy of the class, so it is recognised by shape. */
interface HubSpotHttpError {
  code: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function isHttpError(error: unknown): error is HubSpotHttpError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'number';
}

/** A record HubSpot cannot take, whatever the number of attempts: it refused it, or setup is missing. */
export class HubSpotRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSpotRefusal';
  }
}

/** A record the job needs is not in HubSpot yet (an earlier job writes it): worth trying again later. */
export class HubSpotRecordMissing extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HubSpotRecordMissing';
  }
}

/**
 * Runs one attempt's HubSpot calls: delivered when they all succeed, else what the failure means.
 * `personalValues` are values known to be personal (a name, say), to keep out of the error text besides
 * email addresses and phone numbers.
 */
export async function hubSpotAttempt(
  calls: () => Promise<void>,
  personalValues: readonly string[] = [],
): Promise<DeliveryOutcome> {
  try {
    await calls();
    return { status: 'delivered' };
  } catch (error) {
    return hubSpotFailureOutcome(error, personalValues);
  }
}

/**
 * Runs one attempt at a batch's HubSpot calls: `calls` fails a job whose own record HubSpot refused or skipped in a
 * partial (207) answer, and the rest are delivered when the calls succeed. A failure of a whole request that a
 * retry may get past (a 429, an outage) is every unsettled job's retry. A whole request refused (a batch create
 * or upsert answers 400 for one input's bad value) is tried again one job at a time, in order, so that the bad
 * record parks only its own job. `personalValues` gives each job's values to keep out of error texts.
 */
export async function hubSpotBatchAttempt<Job>(
  jobs: readonly Job[],
  calls: (jobs: readonly Job[], fail: (index: number, error: unknown) => void) => Promise<void>,
  personalValues: (job: Job) => readonly string[] = () => [],
): Promise<DeliveryOutcome[]> {
  const outcomes: (DeliveryOutcome | undefined)[] = jobs.map(() => undefined);
  const redacted = jobs.flatMap(personalValues);
  const fail = (index: number, error: unknown) => {
    outcomes[index] ??= hubSpotFailureOutcome(error, redacted);
  };
  try {
    await calls(jobs, fail);
    return outcomes.map((outcome) => outcome ?? { status: 'delivered' });
  } catch (error) {
    const outcome = hubSpotFailureOutcome(error, redacted);
    if (outcome.status === 'failed' && jobs.length > 1) {
      for (const [index, job] of jobs.entries()) {
        if (outcomes[index] === undefined) [outcomes[index]] = await hubSpotBatchAttempt([job], calls, personalValues);
      }
    }
    return outcomes.map((settled) => settled ?? outcome);
  }
}

export function hubSpotFailureOutcome(
  error: unknown,
  personalValues: readonly string[] = [],
): Exclude<DeliveryOutcome, { status: 'delivered' }> {
  const redact = (text: string) => withoutPersonalData(text, personalValues);
  if (error instanceof HubSpotRefusal) return { status: 'failed', error: `HubSpot refusal: ${redact(error.message)}` };
  if (error instanceof HubSpotRecordMissing) return { status: 'retry', error: `HubSpot: ${redact(error.message)}` };
  if (!isHttpError(error)) return { status: 'retry', error: `HubSpot request failed: ${networkErrorCode(error)}` };

  const description = `HubSpot ${error.code}${reasonOf(error.body, redact)}`;
  if (error.code === 429) {
    const wait = retryAfterMs(error.headers?.['retry-after']) ?? dailyLimitWait(error.body);
    return { status: 'retry', error: description, ...(wait !== undefined && { retryAfterMs: wait }) };
  }
  if (error.code === 408 || error.code >= 500) return { status: 'retry', error: description };
  return { status: 'failed', error: description };
}

function reasonOf(body: unknown, redact: (text: string) => string): string {
  if (typeof body !== 'object' || body === null) return '';
  const { category, message } = body as { category?: unknown; message?: unknown };
  const parts = [category, typeof message === 'string' ? redact(message) : undefined].filter(
    (part) => typeof part === 'string' && part !== '',
  );
  return parts.length > 0 ? `: ${parts.join(' ')}` : '';
}

function dailyLimitWait(body: unknown): number | undefined {
  const policyName = typeof body === 'object' && body !== null && (body as { policyName?: unknown }).policyName;
  return policyName === 'DAILY' ? dailyLimitWaitMs : undefined;
}

/** ECONNREFUSED, ETIMEDOUT...: a network error's message can hold the address, its code cannot. */
function networkErrorCode(error: unknown): string {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  if (cause !== undefined) return networkErrorCode(cause);
  return error instanceof Error ? error.name : 'unknown error';
}

const emailAddress = /[^\s"'<>,;:()[\]]+@[^\s"'<>,;:()[\]]+/g;
// Phone numbers, also spaced or dashed, and the record ids HubSpot quotes beside them.
const longNumber = /\+?\d[\d\s-]{5,}\d/g;

export function withoutPersonalData(text: string, personalValues: readonly string[] = []): string {
  const known = personalValues
    .filter((value) => value.length >= 3)
    .reduce((result, value) => result.replaceAll(value, '[redacted]'), text);
  const redacted = known.replace(emailAddress, '[email]').replace(longNumber, '[number]');
  return redacted.length > maxReasonLength ? `${redacted.slice(0, maxReasonLength)}…` : redacted;
}
