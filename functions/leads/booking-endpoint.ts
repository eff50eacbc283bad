/** POST /api/booking without Astro: read the JSON body, hand it to the intake, answer with a status and JSON. */
import { readJsonBody } from '../http/request-body.ts';
import { errorResponse, internalError, jsonResponse, tooManyRequests } from '../http/responses.ts';
import type { BookingIntakeResult } from './booking-intake.ts';

export const maxBookingBytes = 16 * 1024;

export function createBookingHandler(intake: (input: unknown, clientAddress: string) => Promise<BookingIntakeResult>) {
  return async (request: Request, clientAddress: string): Promise<Response> => {
    const body = await readJsonBody(request, maxBookingBytes);
    if (!body.ok) return errorResponse(body.status, body.error);
    const result = await intake(body.value, clientAddress);
    switch (result.kind) {
      case 'accepted':
        return jsonResponse(201, { reference: result.reference });
      case 'invalid':
        return jsonResponse(400, { error: 'invalid_booking', fields: result.fields });
      case 'rate-limited':
        return tooManyRequests(result.retryAfterSeconds);
      case 'error':
        return internalError();
    }
  };
}
