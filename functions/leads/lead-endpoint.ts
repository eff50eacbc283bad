/** POST /api/<lead form> without Astro: read the JSON body, hand it to the intake, answer with a status and JSON. */
import { readJsonBody } from '../http/request-body.ts';
import { errorResponse, internalError, jsonResponse, tooManyRequests } from '../http/responses.ts';
import type { LeadIntake } from './lead-intake.ts';

/** Far more than any lead form needs, and small enough that nobody can make the server hold much. */
export const maxLeadBytes = 16 * 1024;

export function createLeadHandler(intake: LeadIntake, invalidErrorCode: string) {
  return async (request: Request, clientAddress: string): Promise<Response> => {
    const body = await readJsonBody(request, maxLeadBytes);
    if (!body.ok) return errorResponse(body.status, body.error);
    const result = await intake(body.value, clientAddress);
    switch (result.kind) {
      case 'accepted':
        return jsonResponse(201, { reference: result.reference });
      case 'invalid':
        return jsonResponse(400, { error: invalidErrorCode, fields: result.fields });
      case 'rate-limited':
        return tooManyRequests(result.retryAfterSeconds);
      case 'error':
        return internalError();
    }
  };
}
