import type { RequestError } from './request-body.ts';

/** A JSON response that no browser or proxy keeps. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function errorResponse(status: number, { code, message }: RequestError): Response {
  return jsonResponse(status, { error: code, message });
}

export function tooManyRequests(retryAfterSeconds: number): Response {
  return jsonResponse(
    429,
    { error: 'rate_limited', message: `Too many requests; try again in ${retryAfterSeconds} seconds.` },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function methodNotAllowed(allowedMethods: readonly string[]): Response {
  return jsonResponse(
    405,
    { error: 'method_not_allowed', message: `Use ${allowedMethods.join(' or ')}.` },
    { Allow: allowedMethods.join(', ') },
  );
}

export function internalError(): Response {
  return jsonResponse(500, { error: 'internal_error', message: 'Something went wrong on our side; please try again.' });
}
