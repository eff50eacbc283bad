/**
 * The server as an operator runs it: a health check, a shutdown that lets a request under way finish, and a log of
 * levelled JSON lines that names requests by method, path and status, and no one's data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../support/postgres-server.ts';
import { startSite } from '../support/server.ts';

test('GET /healthz answers 200 while the store answers, and refuses other methods', async ({ request }) => {
  const health = await request.get('/healthz');
  expect([health.status(), await health.json()]).toEqual([200, { status: 'ok' }]);
  expect(health.headers()['cache-control']).toBe('no-store');
  const post = await request.post('/healthz');
  expect([post.status(), post.headers().allow]).toEqual([405, 'GET, HEAD']);
});

test.describe('a server of its own', () => {
  let dataDir: string;
  test.beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'operations-'));
  });
  test.afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('finishes a request under way when SIGTERM arrives, then exits cleanly', async () => {
    test.setTimeout(90_000);
    const site = await startSite(await freePort(), { DATA_DIR: dataDir, WORKER: 'off' });
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const post = httpRequest(`${site.origin}/api/consent`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      });
      post.on('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      });
      post.on('error', reject);
      // Half of the body now; the rest once the server has been told to stop.
      post.write('{"consentId":"');
      setTimeout(() => {
        process.kill(site.pid, 'SIGTERM');
        setTimeout(() => post.end('0"}'), 500);
      }, 300);
    });

    const { status, body } = await answer;
    expect(status).toBe(400);
    expect(JSON.parse(body)).toMatchObject({ error: 'invalid_receipt' });
    expect(await site.exited).toBe(0);
  });

  test('logs levelled JSON lines: requests by method, path and status, never a query string or an address', async () => {
    test.setTimeout(90_000);
    const site = await startSite(await freePort(), { DATA_DIR: dataDir, WORKER: 'off' });
    await fetch(`${site.origin}/book/?treatment=teeth-whitening&email=asha%40example.com`);
    await fetch(`${site.origin}/api/booking`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fullName: 'Asha Rao', mobile: '+919876543210' }),
    });
    await site.stop();

    const lines = site.logLines();
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.every((entry) => typeof entry.level === 'number' && typeof entry.time === 'string')).toBe(true);
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/book/', status: 200 }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ msg: 'request', method: 'POST', path: '/api/booking', status: 400 }),
    );
    const everything = lines.join('\n');
    for (const personal of ['asha', 'Asha Rao', '9876543210', 'treatment=']) expect(everything).not.toContain(personal);
    const keys = new Set(entries.flatMap((entry) => Object.keys(entry)));
    for (const key of ['ip', 'remoteAddress', 'clientAddress', 'headers', 'userAgent', 'body', 'query']) {
      expect(keys.has(key), key).toBe(false);
    }
  });
});
