/**
 * The newsletter's signed links, from making them for the confirmation email to acting on them: confirming
 * the subscription, or unsubscribing.
 */
import type { Kysely } from 'kysely';
import { retention } from '../privacy/retention-periods.ts';
import {
  type ConfirmationOutcome,
  confirmNewsletterSubscription,
  type WithdrawalOutcome,
  withdrawNewsletterSubscription,
} from '../store/newsletter-subscriptions.ts';
import type { Database } from '../store/schema.ts';
import type { NewsletterLinks } from './lead-jobs.ts';
import { checkLink, signLink } from './signed-links.ts';

export const newsletterPaths = {
  confirm: '/newsletter/confirm/',
  unsubscribe: '/newsletter/unsubscribe/',
  /** RFC 8058's one-click POST, which mail apps send with no browser: served outside Astro (see server.ts). */
  oneClickUnsubscribe: '/api/newsletter/unsubscribe',
} as const;

/** As long as an unconfirmed sign-up is kept: the link never outlives the sign-up it confirms. */
export const confirmLinkValidDays = retention.pendingNewsletterDays;

export interface LinkSettings {
  /** The site's public origin, which the links in emails point to. */
  siteUrl: string;
  signingKey: string;
}

function linkTo(siteUrl: string, path: string, token: string): string {
  const url = new URL(path, siteUrl);
  url.searchParams.set('token', token);
  return url.href;
}

export function newsletterLinks({ siteUrl, signingKey }: LinkSettings, reference: string, now: Date): NewsletterLinks {
  const expiresAt = new Date(now.getTime() + confirmLinkValidDays * 24 * 60 * 60 * 1000);
  return {
    confirmUrl: linkTo(
      siteUrl,
      newsletterPaths.confirm,
      signLink(signingKey, 'newsletter-confirm', reference, expiresAt),
    ),
    expiresAt: expiresAt.toISOString(),
    unsubscribeUrl: linkTo(
      siteUrl,
      newsletterPaths.oneClickUnsubscribe,
      signLink(signingKey, 'newsletter-unsubscribe', reference),
    ),
  };
}

export type LinkFailure = 'invalid' | 'expired';

export async function confirmWithLink(
  db: Kysely<Database>,
  signingKey: string,
  token: string,
  now: Date,
): Promise<ConfirmationOutcome | LinkFailure> {
  const link = checkLink(signingKey, 'newsletter-confirm', token, now);
  return link.ok ? confirmNewsletterSubscription(db, link.reference) : link.reason;
}

/** Unsubscribe links never expire: leaving must always work. */
export async function unsubscribeWithLink(
  db: Kysely<Database>,
  signingKey: string,
  token: string,
): Promise<WithdrawalOutcome | 'invalid'> {
  const link = checkLink(signingKey, 'newsletter-unsubscribe', token, new Date());
  return link.ok ? withdrawNewsletterSubscription(db, link.reference) : 'invalid';
}

/** Whether an unsubscribe link is genuine, to show its page before anything is changed. */
export function isUnsubscribeLink(signingKey: string, token: string): boolean {
  return checkLink(signingKey, 'newsletter-unsubscribe', token, new Date()).ok;
}
