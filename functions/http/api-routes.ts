/**
 * The site's endpoints, served by the Node server beside Astro rather than through it: a JSON answer needs none of
 * the page-rendering machinery, and going around it is most of an API request's time. The JSON ones are read and
 * answered straight from Node's request and response; their answers are the ones the Astro routes in
 * src/pages/api/ give (`astro dev` serves those), with the same origin rule.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { log } from '#functions/log/log.ts';
import { newsletterPaths } from '#functions/newsletter/links.ts';
import { storeAnswers } from '#functions/store/open.ts';
import { handleLeadJson } from './lead-forms.ts';
import { respondWithFetchHandler } from './node-fetch-bridge.ts';
import { type IncomingBody, incomingBody } from './request-body.ts';
import { internalError, type JsonAnswer, jsonAnswer, methodNotAllowed, sendAnswer } from './responses.ts';
import type { Site } from './site.ts';

/** What a JSON endpoint reads of its request. */
export interface ApiRequest extends IncomingBody {
  method: string;
  /** The origin the request was addressed to, as a browser names it in `Origin` (http://host:port). */
  origin: string;
}

type JsonHandler = (request: ApiRequest, clientAddress: string) => Promise<JsonAnswer>;
type FetchHandler = (request: Request, clientAddress: string) => Promise<Response>;
type Route = { json: JsonHandler } | { fetch: FetchHandler };

const formContentTypes = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Astro's origin check (`security.checkOrigin`): a cross-site form post, or a post with no content type at all,
 * is refused; a JSON post is not, as a browser sends one cross-site only after the CORS preflight allows it.
 */
export function isForbiddenCrossOrigin(request: ApiRequest): boolean {
  const sameOrigin = request.headers.get('origin') === request.origin;
  const contentType = request.headers.get('content-type');
  if (contentType === null) return !sameOrigin;
  const formLike = formContentTypes.some((type) => contentType.toLowerCase().includes(type));
  return formLike && !sameOrigin;
}

const crossOriginRefusal: JsonAnswer = {
  status: 403,
  body: { error: 'cross_origin', message: 'Cross-site form submissions are forbidden.' },
  headers: { 'Cache-Control': 'no-store' },
};

function postOnly(handle: (request: IncomingBody, clientAddress: string) => Promise<JsonAnswer>): Route {
  return {
    json: async (request, clientAddress) => {
      if (request.method !== 'POST') return methodNotAllowed(['POST']);
      if (isForbiddenCrossOrigin(request)) return crossOriginRefusal;
      return handle(request, clientAddress);
    },
  };
}

/** Path (without a trailing slash) to its handler. */
export function apiRoutes(site: Site): ReadonlyMap<string, Route> {
  return new Map<string, Route>([
    ['/api/booking', postOnly((request, client) => handleLeadJson(site.forms.booking, request, client))],
    ['/api/newsletter', postOnly((request, client) => handleLeadJson(site.forms.newsletter, request, client))],
    ['/api/privacy-rights', postOnly((request, client) => handleLeadJson(site.forms.rightsRequest, request, client))],
    ['/api/consent', postOnly(site.consentReceipt)],
    // Mail apps post from their own servers, with no Origin, which Astro's origin check would refuse.
    [newsletterPaths.oneClickUnsubscribe, { fetch: (request) => site.oneClickUnsubscribe(request) }],
  ]);
}

/** The route of a request's path, `/api/booking/` as `/api/booking` (the site ignores trailing slashes). */
export function apiRouteFor(routes: ReadonlyMap<string, Route>, url: string): Route | undefined {
  if (!url.startsWith('/api/')) return undefined;
  const path = url.split('?', 1)[0] ?? '';
  return routes.get(path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path);
}

/** `GET /healthz`: 200 when the store answers, 503 when it does not; nothing about anyone. */
export function serveHealthCheck(site: Site, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendAnswer(res, methodNotAllowed(['GET', 'HEAD']));
    return;
  }
  site
    .database()
    .then((db) => storeAnswers(db))
    .catch(() => false)
    .then((answers) =>
      sendAnswer(res, jsonAnswer(answers ? 200 : 503, { status: answers ? 'ok' : 'store unavailable' })),
    );
}

export function serveApiRoute(route: Route, req: IncomingMessage, res: ServerResponse, clientAddress: string): void {
  if ('fetch' in route) {
    respondWithFetchHandler(req, res, (request) => route.fetch(request, clientAddress));
    return;
  }
  const request: ApiRequest = {
    ...incomingBody(req),
    method: req.method ?? 'GET',
    origin: `http://${req.headers.host ?? 'localhost'}`,
  };
  route
    .json(request, clientAddress)
    .catch((error: unknown) => {
      log.error({ err: error, path: req.url?.split('?', 1)[0] }, 'Request failed');
      return internalError();
    })
    .then((answer) => {
      // A body left unread (one past the size limit) must not be taken for the next request on the connection.
      if (!req.complete) res.setHeader('Connection', 'close');
      sendAnswer(res, answer);
    });
}
