/**
 * What the pages the newsletter's email links open do, in either language: opening a link only shows a button
 * (mail scanners open links too, and must not subscribe or unsubscribe anyone); pressing it acts. Each outcome
 * has its status, set on the page's response before it renders.
 */
import type { AstroGlobal } from 'astro';
import { linkToken } from './link-token.ts';
import { setPageStatus } from './page-status.ts';
import { siteOf } from './site.ts';

type LinkPageAstro = Pick<AstroGlobal, 'request' | 'url' | 'locals' | 'response'>;

const confirmStatus = {
  ready: 200,
  confirmed: 200,
  'already-confirmed': 200,
  unsubscribed: 409,
  'not-found': 404,
  expired: 410,
  invalid: 400,
} as const;
export type ConfirmPageOutcome = keyof typeof confirmStatus;

const unsubscribeStatus = {
  ready: 200,
  withdrawn: 200,
  'already-withdrawn': 200,
  'not-found': 200,
  invalid: 400,
} as const;
export type UnsubscribePageOutcome = keyof typeof unsubscribeStatus;

function answer<Outcome extends string>(astro: LinkPageAstro, outcome: Outcome, status: number, token: string) {
  setPageStatus(astro.response, status);
  astro.response.headers.set('Cache-Control', 'no-store');
  return { outcome, token };
}

export async function confirmPage(astro: LinkPageAstro) {
  const links = siteOf(astro.locals).newsletterLinks;
  const token = await linkToken(astro.request, astro.url);
  const outcome: ConfirmPageOutcome =
    astro.request.method === 'POST'
      ? await links.confirm(token)
      : await links.checkConfirmLink(token).then((link) => (link.ok ? 'ready' : link.reason));
  return answer(astro, outcome, confirmStatus[outcome], token);
}

/** Mail apps' one-click POST goes to /api/newsletter/unsubscribe instead (functions/http/one-click-unsubscribe.ts). */
export async function unsubscribePage(astro: LinkPageAstro) {
  const links = siteOf(astro.locals).newsletterLinks;
  const token = await linkToken(astro.request, astro.url);
  const outcome: UnsubscribePageOutcome =
    astro.request.method === 'POST'
      ? await links.unsubscribe(token)
      : (await links.isUnsubscribeLink(token))
        ? 'ready'
        : 'invalid';
  return answer(astro, outcome, unsubscribeStatus[outcome], token);
}
