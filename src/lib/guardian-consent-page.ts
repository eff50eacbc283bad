/**
 * What the page a guardian's emailed link opens does, in either language: opening the link only shows the request
 * and a button (mail scanners open links too, and must not consent for anyone); pressing it records the consent as
 * verified. Each outcome has its status, set on the page's response before it renders.
 */
import type { AstroGlobal } from 'astro';
import { brokenLinkPages, linkToken } from './link-token.ts';
import { setPageStatus } from './page-status.ts';
import { siteOf } from './site.ts';

type LinkPageAstro = Pick<AstroGlobal, 'request' | 'url' | 'locals' | 'response'>;

const statuses = { ready: 200, verified: 200, 'already-verified': 200, 'not-found': 404 } as const;

export async function guardianConsentPage(astro: LinkPageAstro) {
  const site = siteOf(astro.locals);
  const token = await linkToken(astro.request, astro.url);
  const result =
    astro.request.method === 'POST' ? await site.guardianConsent.verify(token) : await site.guardianConsent.view(token);
  const outcome = typeof result === 'string' ? result : result.status === 'not-needed' ? 'not-found' : result.status;
  const request = typeof result === 'object' && 'request' in result ? result.request : undefined;
  setPageStatus(
    astro.response,
    outcome === 'expired' || outcome === 'invalid' ? brokenLinkPages[outcome].status : statuses[outcome],
  );
  astro.response.headers.set('Cache-Control', 'no-store');
  return { outcome, request, token };
}

export type GuardianConsentPageState = Awaited<ReturnType<typeof guardianConsentPage>>;
