/**
 * A parent or guardian's consent to a booking request for a patient under 18, verified in one step: by the
 * signed link emailed to them (its page opens with a button, as mail scanners open links too), or by the front
 * desk on its call (`npm run leads -- verify-guardian`). Either way the consent record says how and when, and the
 * CRM's deal is updated through the outbox. The link works for as long as an unverified request is kept.
 */

import type { Kysely } from 'kysely';
import { defaultLocale, type Locale, pathInLocale } from '#functions/clinic/locales.ts';
import { retention } from '#functions/clinic/retention.ts';
import { checkLink, type LinkCheck, signLink } from '#functions/links/signed-links.ts';
import type { GuardianConsentLink } from '#functions/outbox/jobs.ts';
import {
  findGuardianConsentRequest,
  type GuardianConsentOutcome,
  type GuardianConsentRequest,
  type GuardianConsentVerification,
  verifyGuardianConsent,
} from '#functions/store/guardian-consents.ts';
import type { Database } from '#functions/store/schema.ts';
import { guardianConsentVerifiedJobs } from './lead-jobs.ts';

export const guardianConsentPath = '/book/guardian-consent/';

const dayMs = 24 * 60 * 60 * 1000;

export interface GuardianLinkSettings {
  /** The site's public origin, which the link in the email points to. */
  siteUrl: string;
  signingKey: string;
}

/** The link for the request `reference`, made when it was received: to the page in the request's language. */
export function guardianConsentLink(
  { siteUrl, signingKey }: GuardianLinkSettings,
  reference: string,
  requestedAt: Date,
  locale: Locale = defaultLocale,
): GuardianConsentLink {
  const expiresAt = new Date(requestedAt.getTime() + retention.unverifiedMinorRequestDays * dayMs);
  const url = new URL(pathInLocale(locale, guardianConsentPath), siteUrl);
  url.searchParams.set('token', signLink(signingKey, 'guardian-consent', reference, expiresAt));
  return { verifyUrl: url.href, expiresAt: expiresAt.toISOString() };
}

/** Records the verification and queues the deal's update; an earlier verification stands as it was. */
export function verifyGuardian(
  db: Kysely<Database>,
  reference: string,
  verification: GuardianConsentVerification,
): Promise<GuardianConsentOutcome> {
  return verifyGuardianConsent(db, reference, verification, guardianConsentVerifiedJobs);
}

export type LinkFailure = Exclude<LinkCheck, { ok: true }>['reason'];

/** What the link's page shows before its button is pressed. */
export type GuardianLinkView = { status: 'ready' | 'already-verified'; request: GuardianConsentRequest } | 'not-found';

/** The consent page's actions, on the site's store and signing key. */
export interface GuardianConsentActions {
  view(token: string): Promise<GuardianLinkView | LinkFailure>;
  verify(token: string): Promise<GuardianConsentOutcome | LinkFailure>;
}

export function createGuardianConsentActions({
  database,
  signingKey,
  now = () => new Date(),
}: {
  database: () => Promise<Kysely<Database>>;
  signingKey: (db: Kysely<Database>) => Promise<string>;
  now?: () => Date;
}): GuardianConsentActions {
  const checked = async (token: string) => {
    const db = await database();
    return { db, link: checkLink(await signingKey(db), 'guardian-consent', token, now()) };
  };
  return {
    async view(token) {
      const { db, link } = await checked(token);
      if (!link.ok) return link.reason;
      const request = await findGuardianConsentRequest(db, link.reference);
      if (!request) return 'not-found';
      return { status: request.status === 'verified' ? 'already-verified' : 'ready', request };
    },
    async verify(token) {
      const { db, link } = await checked(token);
      return link.ok ? verifyGuardian(db, link.reference, { method: 'email-link' }) : link.reason;
    },
  };
}
