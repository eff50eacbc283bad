/**
 * RFC 8058 one-click unsubscribe: a mail app POSTs `List-Unsubscribe=One-Click` to the signed address in the
 * List-Unsubscribe header, from its own servers, with no cookies and no Origin. A GET (someone opening the
 * address in a browser) is sent to the unsubscribe page, in the email's language, which asks before changing anything.
 */
import type { Kysely } from 'kysely';
import { defaultLocale, isLocale, pathInLocale } from '#functions/clinic/locales.ts';
import { log } from '#functions/log/log.ts';
import { newsletterPaths, unsubscribeWithLink } from '#functions/newsletter/links.ts';
import type { Database } from '#functions/store/schema.ts';
import { readFormBody } from './request-body.ts';
import { errorAnswer, internalError, jsonAnswer, methodNotAllowed, toResponse } from './responses.ts';

const maxOneClickBytes = 1024;

export interface OneClickUnsubscribeDependencies {
  database: () => Promise<Kysely<Database>>;
  signingKey: (db: Kysely<Database>) => Promise<string>;
}

export function createOneClickUnsubscribeHandler({ database, signingKey }: OneClickUnsubscribeDependencies) {
  return async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const token = url.searchParams.get('token') ?? '';
    if (request.method === 'GET' || request.method === 'HEAD') {
      const lang = url.searchParams.get('lang');
      const page = new URL(pathInLocale(isLocale(lang) ? lang : defaultLocale, newsletterPaths.unsubscribe), url);
      page.searchParams.set('token', token);
      return new Response(null, { status: 303, headers: { Location: page.pathname + page.search } });
    }
    if (request.method !== 'POST') return toResponse(methodNotAllowed(['POST']));

    const body = await readFormBody(request, maxOneClickBytes);
    if (!body.ok) return toResponse(errorAnswer(body.status, body.error));
    if (body.value.get('List-Unsubscribe') !== 'One-Click') {
      return toResponse(
        jsonAnswer(400, { error: 'not_one_click', message: 'Send List-Unsubscribe=One-Click (RFC 8058).' }),
      );
    }
    try {
      const db = await database();
      const outcome = await unsubscribeWithLink(db, await signingKey(db), token);
      if (outcome === 'invalid') {
        return toResponse(jsonAnswer(400, { error: 'invalid_link', message: 'This unsubscribe link is not valid.' }));
      }
      // Already unsubscribed, or erased at the person's request: either way they get no more email.
      return toResponse(jsonAnswer(200, { unsubscribed: true }));
    } catch (error) {
      log.error({ err: error }, 'One-click unsubscribe not recorded');
      return toResponse(internalError());
    }
  };
}
