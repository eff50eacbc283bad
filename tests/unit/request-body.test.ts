import { describe, expect, it } from 'vitest';
import { readFormBody, readJsonBody } from '#functions/http/request-body.ts';

const limit = 64;

function post(body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'application/json' }) {
  return new Request('http://localhost/api', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

/** A body streamed in chunks, so the request has no Content-Length. */
function streamed(...chunks: string[]) {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('readJsonBody', () => {
  it('returns the parsed JSON', async () => {
    expect(await readJsonBody(post('{"a":[1,"é"]}'), limit)).toEqual({ ok: true, value: { a: [1, 'é'] } });
  });

  it('accepts a charset parameter and any letter case in the media type', async () => {
    const request = post('{}', { 'Content-Type': 'Application/JSON; charset=utf-8' });
    expect(await readJsonBody(request, limit)).toEqual({ ok: true, value: {} });
  });

  it('answers 415 unless the body is declared as application/json', async () => {
    for (const headers of [{}, { 'Content-Type': 'text/plain' }, { 'Content-Type': 'application/jsonp' }]) {
      expect(await readJsonBody(post('{}', headers), limit)).toMatchObject({
        ok: false,
        status: 415,
        error: { code: 'unsupported_media_type' },
      });
    }
  });

  it('answers 413 when Content-Length is over the limit, without reading the body', async () => {
    const request = post('{}', { 'Content-Type': 'application/json', 'Content-Length': String(limit + 1) });
    expect(await readJsonBody(request, limit)).toMatchObject({
      ok: false,
      status: 413,
      error: { code: 'payload_too_large' },
    });
    expect(request.bodyUsed).toBe(false);
  });

  it('answers 413 when a body without Content-Length grows over the limit', async () => {
    const request = post(streamed('["', 'x'.repeat(limit), '"]'));
    expect(request.headers.get('content-length')).toBeNull();
    expect(await readJsonBody(request, limit)).toMatchObject({ ok: false, status: 413 });
  });

  it('counts the bytes even when Content-Length claims a small body', async () => {
    const request = post(streamed(`"${'x'.repeat(limit)}"`), {
      'Content-Type': 'application/json',
      'Content-Length': '2',
    });
    expect(await readJsonBody(request, limit)).toMatchObject({ ok: false, status: 413 });
  });

  it('counts bytes, not characters', async () => {
    expect(await readJsonBody(post(`"${'é'.repeat(limit / 2)}"`), limit)).toMatchObject({ ok: false, status: 413 });
  });

  it('accepts a body of exactly the limit', async () => {
    expect(await readJsonBody(post(`"${'x'.repeat(limit - 2)}"`), limit)).toMatchObject({ ok: true });
  });

  it('answers 400 for malformed JSON, an empty body or invalid UTF-8', async () => {
    for (const body of ['{"a":', '', new Uint8Array([0x22, 0xff, 0x22])]) {
      expect(await readJsonBody(post(body), limit)).toMatchObject({
        ok: false,
        status: 400,
        error: { code: 'malformed_json' },
      });
    }
  });
});

describe('readFormBody', () => {
  const form = (body: string, contentType = 'application/x-www-form-urlencoded') =>
    new Request('http://localhost/book/', { method: 'POST', body, headers: { 'Content-Type': contentType } });

  it('reads a URL-encoded form post', async () => {
    const result = await readFormBody(form('fullName=Asha+Rao&guardian.name=Meera'), 1024);
    expect(result.ok && Object.fromEntries(result.value)).toEqual({ fullName: 'Asha Rao', 'guardian.name': 'Meera' });
  });

  it('answers 415 to anything that is not a form', async () => {
    const result = await readFormBody(form('{"fullName":"Asha"}', 'application/json'), 1024);
    expect(result).toMatchObject({ ok: false, status: 415 });
  });

  it('answers 413 to a form over the limit', async () => {
    const result = await readFormBody(form(`helpText=${'x'.repeat(2048)}`), 1024);
    expect(result).toMatchObject({ ok: false, status: 413 });
  });
});
