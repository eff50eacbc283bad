/**
 * A stand-in for Resend's HTTP API on 127.0.0.1, for the real SDK to talk to: pass `baseUrl` to the client,
 * or set RESEND_BASE_URL for a child process (the SDK reads it when a client is created).
 * `POST /emails` answers as Resend does: `{ id }`, or an error body `{ statusCode, name, message }`.
 * `POST /emails/batch` takes up to 100 emails: in strict mode (the default) one invalid email refuses the whole
 * batch with a 422; with `x-batch-validation: permissive` the valid ones are sent and the others listed in
 * `errors` by index. An email is invalid here when its `to` is not an address or it has neither html nor text.
 * A repeated Idempotency-Key with the same body gets the first answer and sends nothing; with another body, a 409.
 * Failures only happen when a test asks for them.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An accepted email as Resend's API receives it (snake_case on the wire), with the id it was given. */
export interface SentEmail {
  id: string;
  from: string;
  to: string | string[];
  subject: string;
  html?: string;
  text?: string;
  reply_to?: string | string[];
  headers?: Record<string, string>;
}

/** Every request that reached the fake, answered or not, in order of arrival. */
export interface ReceivedRequest {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  authorization: string | undefined;
  body: string;
  /** The status the fake answered (or will answer, for a delayed request). */
  status: number;
}

export interface InjectedFailure {
  status: number;
  /** Resend's error name; by default rate_limit_exceeded for a 429, internal_server_error for a 5xx, else validation_error. */
  name?: string;
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number;
}

export interface FakeResend {
  /** Where the SDK should send its requests. */
  readonly baseUrl: string;
  readonly emails: readonly SentEmail[];
  readonly requests: readonly ReceivedRequest[];
  /** The next `count` requests get this error, and no email is sent for them. */
  failNext(count: number, failure: InjectedFailure): void;
  /**
   * The next `count` emails are accepted at once but answered only after `ms`: longer than the client's
   * timeout, they are the "sent, but the answer was lost" case.
   */
  delayNext(count: number, ms: number): void;
  /** While down, every request gets a 503. */
  setOutage(down: boolean): void;
  /** Forgets emails, requests, idempotency keys and pending failures. */
  reset(): void;
  stop(): Promise<void>;
}

interface Answer {
  status: number;
  body: object;
  headers?: Record<string, string>;
}

interface RememberedKey {
  body: string;
  answer: Answer;
}

function errorAnswer(status: number, name: string, message: string, headers?: Record<string, string>): Answer {
  return { status, body: { statusCode: status, name, message }, ...(headers && { headers }) };
}

function defaultErrorName(status: number): string {
  if (status === 429) return 'rate_limit_exceeded';
  return status >= 500 ? 'internal_server_error' : 'validation_error';
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function reply(response: ServerResponse, { status, body, headers }: Answer): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export async function startFakeResend(): Promise<FakeResend> {
  let emails: SentEmail[] = [];
  let requests: ReceivedRequest[] = [];
  let keys = new Map<string, RememberedKey>();
  let failures: InjectedFailure[] = [];
  let delays: number[] = [];
  let down = false;
  const pendingReplies = new Set<NodeJS.Timeout>();

  function answer(
    method: string,
    path: string,
    idempotencyKey: string | undefined,
    body: string,
    permissive: boolean,
  ): Answer {
    if (down) return errorAnswer(503, 'application_error', 'Service unavailable');
    const failure = failures.shift();
    if (failure) {
      const retryAfter = failure.retryAfterSeconds === undefined ? undefined : String(failure.retryAfterSeconds);
      return errorAnswer(
        failure.status,
        failure.name ?? defaultErrorName(failure.status),
        `Injected ${failure.status}`,
        retryAfter === undefined ? undefined : { 'retry-after': retryAfter },
      );
    }
    if (method !== 'POST' || (path !== '/emails' && path !== '/emails/batch')) {
      return errorAnswer(404, 'not_found', 'Not found');
    }
    if (idempotencyKey !== undefined) {
      const remembered = keys.get(idempotencyKey);
      if (remembered?.body === body) return remembered.answer;
      if (remembered) {
        return errorAnswer(409, 'invalid_idempotent_request', 'Same idempotency key used with a different payload');
      }
    }
    const accepted = path === '/emails' ? sendOne(JSON.parse(body)) : sendBatch(JSON.parse(body), permissive);
    if (idempotencyKey !== undefined && accepted.status === 200) keys.set(idempotencyKey, { body, answer: accepted });
    return accepted;
  }

  function problemWith(email: Partial<SentEmail>): string | undefined {
    const to = Array.isArray(email.to) ? email.to : [email.to];
    if (to.some((address) => typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address))) {
      return 'Invalid `to` field. The email address needs to follow the `email@example.com` format.';
    }
    if (!email.html && !email.text) return 'Missing `html` or `text` field.';
    return undefined;
  }

  function sendOne(email: Omit<SentEmail, 'id'>): Answer {
    const problem = problemWith(email);
    if (problem) return errorAnswer(422, 'validation_error', problem);
    const sent: SentEmail = { ...email, id: randomUUID() };
    emails.push(sent);
    return { status: 200, body: { id: sent.id } };
  }

  function sendBatch(batch: Omit<SentEmail, 'id'>[], permissiveMode: boolean): Answer {
    if (!Array.isArray(batch) || batch.length === 0 || batch.length > 100) {
      return errorAnswer(422, 'validation_error', 'A batch holds 1 to 100 emails.');
    }
    const problems = batch.map(problemWith);
    if (!permissiveMode) {
      const index = problems.findIndex((problem) => problem !== undefined);
      if (index !== -1) return errorAnswer(422, 'validation_error', `emails[${index}]: ${problems[index]}`);
    }
    const data: { id: string }[] = [];
    const errors: { index: number; message: string }[] = [];
    batch.forEach((email, index) => {
      const problem = problems[index];
      if (problem) {
        errors.push({ index, message: problem });
        return;
      }
      const sent: SentEmail = { ...email, id: randomUUID() };
      emails.push(sent);
      data.push({ id: sent.id });
    });
    return { status: 200, body: permissiveMode ? { data, errors } : { data } };
  }

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    const permissive = request.headers['x-batch-validation'] === 'permissive';
    const result = answer(method, path, idempotencyKey, body, permissive);
    requests.push({
      method,
      path,
      idempotencyKey,
      authorization: request.headers.authorization,
      body,
      status: result.status,
    });
    const delay = result.status === 200 ? delays.shift() : undefined;
    if (delay === undefined) {
      reply(response, result);
      return;
    }
    const timer = setTimeout(() => {
      pendingReplies.delete(timer);
      reply(response, result);
    }, delay);
    pendingReplies.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    get emails() {
      return emails;
    },
    get requests() {
      return requests;
    },
    failNext(count, failure) {
      failures.push(...Array.from({ length: count }, () => failure));
    },
    delayNext(count, ms) {
      delays.push(...Array.from({ length: count }, () => ms));
    },
    setOutage(isDown) {
      down = isDown;
    },
    reset() {
      emails = [];
      requests = [];
      keys = new Map();
      failures = [];
      delays = [];
      down = false;
    },
    stop() {
      for (const timer of pendingReplies) clearTimeout(timer);
      pendingReplies.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
