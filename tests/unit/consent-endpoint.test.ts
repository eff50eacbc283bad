import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createConsentReceiptHandler, maxReceiptBytes } from '#functions/http/consent-endpoint.ts';
import { createClientRateLimiter } from '#functions/http/rate-limit.ts';
import { toResponse } from '#functions/http/responses.ts';
import { listConsentReceipts } from '#functions/store/consent-receipts.ts';
import { openStore, type Store } from '#functions/store/open.ts';
import { postgresBackend } from '../support/store-backends.ts';

const client = '203.0.113.7';
let store: Store;
let cleanUp = () => {};

beforeAll(async () => {
  const empty = await postgresBackend.emptyStore();
  cleanUp = empty.cleanUp;
  store = await openStore(empty.config);
}, 60_000);

afterAll(async () => {
  await store?.close();
  cleanUp();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function handler(points = 100) {
  const handle = createConsentReceiptHandler({
    rateLimit: createClientRateLimiter({ points, windowSeconds: 60 }),
    database: async () => store.db,
  });
  return async (request: Request, clientAddress: string) => toResponse(await handle(request, clientAddress));
}

function receiptBody(consentId = randomUUID()) {
  return {
    consentId,
    acceptType: 'all',
    acceptedCategories: ['necessary', 'analytics', 'marketing'],
    acceptedServices: ['ga4', 'clarity', 'meta'],
    revision: 1,
    policyVersion: '2026-11',
    language: 'en',
    source: 'banner',
    privacySignal: 'gpc',
  };
}

function post(body: string, contentType = 'application/json') {
  return new Request('http://localhost/api/consent', {
    method: 'POST',
    body,
    headers: { 'Content-Type': contentType },
  });
}

describe('POST /api/consent', () => {
  it('stores a valid receipt and answers 201 with its ID', async () => {
    const body = receiptBody();
    const response = await handler()(post(JSON.stringify(body)), client);

    expect(response.status).toBe(201);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    const answer = await response.json();
    expect(answer).toEqual({ stored: true, receiptId: expect.any(String) });
    expect(await listConsentReceipts(store.db, body.consentId)).toMatchObject([{ id: answer.receiptId, ...body }]);
  });

  it('answers 400 naming the invalid fields, and stores nothing', async () => {
    const body = { ...receiptBody(), acceptedCategories: ['necessary'], userAgent: 'Mozilla/5.0' };
    const response = await handler()(post(JSON.stringify(body)), client);

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_receipt',
      fields: { acceptedServices: '"ga4" needs the "analytics" category', userAgent: 'Unknown field' },
    });
    expect(await listConsentReceipts(store.db, body.consentId)).toEqual([]);
  });

  it('answers 400 for malformed JSON, 415 for another media type and 413 for a large body', async () => {
    const handle = handler();
    const malformed = await handle(post('{"consentId":'), client);
    expect([malformed.status, await malformed.json()]).toEqual([
      400,
      { error: 'malformed_json', message: 'The body is not valid JSON.' },
    ]);
    expect((await handle(post(JSON.stringify(receiptBody()), 'text/plain'), client)).status).toBe(415);
    expect((await handle(post(' '.repeat(maxReceiptBytes + 1)), client)).status).toBe(413);
  });

  it('answers 429 with Retry-After once a client has used its requests, and stores nothing more', async () => {
    const handle = handler(2);
    expect((await handle(post(JSON.stringify(receiptBody())), client)).status).toBe(201);
    expect((await handle(post(JSON.stringify(receiptBody())), client)).status).toBe(201);

    const body = receiptBody();
    const refused = await handle(post(JSON.stringify(body)), client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(await listConsentReceipts(store.db, body.consentId)).toEqual([]);
    expect((await handle(post(JSON.stringify(body)), '198.51.100.4')).status).toBe(201);
  });

  it('answers 500 without internals when the database fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handle = createConsentReceiptHandler({
      rateLimit: createClientRateLimiter({ points: 100, windowSeconds: 60 }),
      database: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:5432')),
    });
    const response = toResponse(await handle(post(JSON.stringify(receiptBody())), client));

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
    expect(text).not.toContain('ECONNREFUSED');
  });
});
