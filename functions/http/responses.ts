/**
 * The JSON answers of the site's endpoints, as plain values: the Node server writes them straight to its
 * response (`sendAnswer`), the Astro routes and the Fetch-style handlers turn them into a Response (`toResponse`).
 */
import type { ServerResponse } from 'node:http';
import type { RequestError } from './request-body.ts';

export interface JsonAnswer {
  status: number;
  body: unknown;
  headers: Readonly<Record<string, string>>;
}

/** A JSON answer that no browser or proxy keeps. */
export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): JsonAnswer {
  return { status, body, headers: { 'Cache-Control': 'no-store', ...headers } };
}

export function errorAnswer(status: number, { code, message }: RequestError): JsonAnswer {
  return jsonAnswer(status, { error: code, message });
}

export function tooManyRequests(retryAfterSeconds: number): JsonAnswer {
  return jsonAnswer(
    429,
    { error: 'rate_limited', message: `Too many requests; try again in ${retryAfterSeconds} seconds.` },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

export function methodNotAllowed(allowedMethods: readonly string[]): JsonAnswer {
  return jsonAnswer(
    405,
    { error: 'method_not_allowed', message: `Use ${allowedMethods.join(' or ')}.` },
    { Allow: allowedMethods.join(', ') },
  );
}

export function internalError(): JsonAnswer {
  return jsonAnswer(500, { error: 'internal_error', message: 'Something went wrong on our side; please try again.' });
}

export function toResponse({ status, body, headers }: JsonAnswer): Response {
  return Response.json(body, { status, headers });
}

export function sendAnswer(res: ServerResponse, { status, body, headers }: JsonAnswer): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}
