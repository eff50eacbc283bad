/** POST /api/consent: limit, read, validate, store, answer. */
import type { Kysely } from 'kysely';
import { parseConsentReceipt } from '#functions/consent/receipt.ts';
import { log } from '#functions/log/log.ts';
import { recordConsentReceipt } from '#functions/store/consent-receipts.ts';
import type { Database } from '#functions/store/schema.ts';
import type { ClientRateLimiter } from './rate-limit.ts';
import { type IncomingBody, readJsonBody } from './request-body.ts';
import { errorAnswer, internalError, type JsonAnswer, jsonAnswer, tooManyRequests } from './responses.ts';

/** A receipt is a few hundred bytes; anything near this is not one. */
export const maxReceiptBytes = 2048;

export interface ConsentReceiptEndpoint {
  rateLimit: ClientRateLimiter;
  database: () => Promise<Kysely<Database>>;
}

export function createConsentReceiptHandler({ rateLimit, database }: ConsentReceiptEndpoint) {
  return async (request: Request | IncomingBody, clientAddress: string): Promise<JsonAnswer> => {
    try {
      const decision = await rateLimit(clientAddress);
      if (!decision.allowed) return tooManyRequests(decision.retryAfterSeconds);

      const body = await readJsonBody(request, maxReceiptBytes);
      if (!body.ok) return errorAnswer(body.status, body.error);

      const parsed = parseConsentReceipt(body.value);
      if (!parsed.ok) return jsonAnswer(400, { error: 'invalid_receipt', fields: parsed.fields });

      const { id } = await recordConsentReceipt(await database(), parsed.receipt);
      return jsonAnswer(201, { stored: true, receiptId: id });
    } catch (error) {
      log.error({ err: error }, 'Consent receipt not stored');
      return internalError();
    }
  };
}
