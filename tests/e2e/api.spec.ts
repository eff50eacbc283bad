/**
 * The JSON endpoints as the Node server serves them, beside Astro: the same answers as the handlers' own tests
 * (tests/unit/*-endpoint.test.ts), through the real server's reading of the body, its origin rule and its routing.
 */
import { expect, test } from '@playwright/test';

const endpoints = ['/api/booking', '/api/newsletter', '/api/privacy-rights', '/api/consent'];

test('each endpoint answers bad input with a specific 4xx and a JSON body', async ({ request, baseURL }) => {
  for (const path of endpoints) {
    const malformed = await request.post(path, {
      headers: { 'Content-Type': 'application/json' },
      data: Buffer.from('{"a":'),
    });
    expect([malformed.status(), (await malformed.json()).error], path).toEqual([400, 'malformed_json']);

    const wrongType = await request.post(path, {
      headers: { 'Content-Type': 'application/xml', Origin: baseURL ?? '' },
      data: Buffer.from('<booking/>'),
    });
    expect([wrongType.status(), (await wrongType.json()).error], path).toEqual([415, 'unsupported_media_type']);

    const large = await request.post(path, {
      headers: { 'Content-Type': 'application/json' },
      data: JSON.stringify({ note: 'x'.repeat(64 * 1024) }),
    });
    expect([large.status(), (await large.json()).error], path).toEqual([413, 'payload_too_large']);

    const invalid = await request.post(path, { headers: { 'Content-Type': 'application/json' }, data: {} });
    expect(invalid.status(), path).toBe(400);
    expect((await invalid.json()).fields, path).toBeDefined();
    expect(invalid.headers()['cache-control'], path).toBe('no-store');
    expect(invalid.headers()['content-type'], path).toContain('application/json');
    expect(invalid.headers()['x-content-type-options'], path).toBe('nosniff');

    const get = await request.get(path);
    expect([get.status(), get.headers().allow, (await get.json()).error], path).toEqual([
      405,
      'POST',
      'method_not_allowed',
    ]);
  }
});

test('a cross-site form post is refused, as Astro refuses it; a trailing slash finds the same endpoint', async ({
  request,
}) => {
  const crossSite = await request.post('/api/booking', {
    headers: { 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example' },
    data: Buffer.from('{}'),
  });
  expect(crossSite.status()).toBe(403);
  const noContentType = await request.fetch('/api/consent', { method: 'POST' });
  expect(noContentType.status()).toBe(403);
  const slash = await request.post('/api/booking/', { headers: { 'Content-Type': 'application/json' }, data: {} });
  expect([slash.status(), (await slash.json()).error]).toEqual([400, 'invalid_booking']);
});

test('the connection after a body past the limit still answers the next request', async ({ request }) => {
  const large = await request.post('/api/newsletter', {
    headers: { 'Content-Type': 'application/json' },
    data: Buffer.from(`"${'y'.repeat(200 * 1024)}"`),
  });
  expect(large.status()).toBe(413);
  expect((await request.get('/robots.txt')).ok()).toBe(true);
});
