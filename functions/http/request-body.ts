import type { IncomingMessage } from 'node:http';

export interface RequestError {
  code: string;
  message: string;
}

/** What the readers need of a request: a Fetch API Request has it, and so has `incomingBody(req)` of a Node one. */
export interface IncomingBody {
  headers: { get(name: string): string | null };
  /** The body's bytes as they arrive; leaving early stops reading, and the rest is not read. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** A Node request's headers and body, read without building a Fetch API Request. */
export function incomingBody(req: IncomingMessage): IncomingBody {
  return {
    headers: {
      get: (name) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : (value ?? null);
      },
    },
    // Not destroyed on leaving early, so that the answer (a 413) can still be sent.
    chunks: () => req.iterator({ destroyOnReturn: false }),
  };
}

function bodyOf(request: Request | IncomingBody): IncomingBody {
  if ('chunks' in request) return request;
  const { body } = request;
  return {
    headers: request.headers,
    async *chunks() {
      if (!body) return;
      const reader = body.getReader();
      try {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) yield chunk.value;
      } finally {
        await reader.cancel();
      }
    },
  };
}

type BodyFailure = { ok: false; status: 400 | 413 | 415; error: RequestError };
export type JsonBodyResult = { ok: true; value: unknown } | BodyFailure;
export type FormBodyResult = { ok: true; value: FormData } | BodyFailure;

const formMediaTypes = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/**
 * Reads a JSON request body of at most `maxBytes`. The Content-Length header is only a first check:
 * the bytes are counted while reading too, so a chunked or lying request cannot get past the limit.
 */
export async function readJsonBody(from: Request | IncomingBody, maxBytes: number): Promise<JsonBodyResult> {
  const request = bodyOf(from);
  if (mediaType(request.headers.get('content-type')) !== 'application/json') {
    return failure(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const tooLarge = failure(413, 'payload_too_large', `The body must be at most ${maxBytes} bytes.`);
  const declaredLength = Number(request.headers.get('content-length'));
  if (declaredLength > maxBytes) return tooLarge;

  const bytes = await readAtMost(request, maxBytes);
  if (bytes === undefined) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch {
    return failure(400, 'malformed_json', 'The body is not valid JSON.');
  }
}

/** Reads an HTML form post (URL-encoded or multipart) of at most `maxBytes`, counted as for JSON. */
export async function readFormBody(from: Request | IncomingBody, maxBytes: number): Promise<FormBodyResult> {
  const request = bodyOf(from);
  const type = mediaType(request.headers.get('content-type'));
  if (!type || !formMediaTypes.has(type)) {
    return failure(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded.');
  }
  const tooLarge = failure(413, 'payload_too_large', `The form must be at most ${maxBytes} bytes.`);
  if (Number(request.headers.get('content-length')) > maxBytes) return tooLarge;
  const bytes = await readAtMost(request, maxBytes);
  if (bytes === undefined) return tooLarge;
  try {
    const copy = new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), {
      headers: { 'Content-Type': request.headers.get('content-type') ?? '' },
    });
    return { ok: true, value: await copy.formData() };
  } catch {
    return failure(400, 'malformed_form', 'The form data could not be read.');
  }
}

function mediaType(contentType: string | null): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase();
}

/** The body's bytes, or undefined as soon as there are more than `maxBytes` (the rest is not read). */
async function readAtMost(request: IncomingBody, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of request.chunks()) {
    total += chunk.byteLength;
    if (total > maxBytes) return undefined;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function failure(status: 400 | 413 | 415, code: string, message: string): BodyFailure {
  return { ok: false, status, error: { code, message } };
}
