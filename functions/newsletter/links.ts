/**
 * The newsletter's signed links, from making them for the confirmation email to acting on them: confirming
 * the subscription, or unsubscribing.
 */
import type { Kysely } from 'kysely';
import { defaultLocale, type Locale, pathInLocale } from '#functions/clinic/locales.ts';
import { retention } from '#functions/clinic/retention.ts';
import { marketingWithdrawalJobs, newsletterConfirmedJobs } from '#functions/intake/lead-jobs.ts';
import { checkLink, type LinkCheck, signLink } from '#functions/links/signed-links.ts';
import type { NewsletterLinks } from '#functions/outbox/jobs.ts';
import {
  type ConfirmationOutcome,
  confirmNewsletterSubscription,
  type WithdrawalOutcome,
  withdrawNewsletterSubscription,
} from '#functions/store/newsletter-subscriptions.ts';
import type { Database } from '#functions/store/schema.ts';

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

/**
 * The confirmation email's links, to the pages in the sign-up's language. The one-click address is the same in
 * every language (mail apps post to it); opened in a browser, it leads to the unsubscribe page in the language its
 * `lang` names (unsigned: it changes nothing but the page's language).
 */
export function newsletterLinks(
  { siteUrl, signingKey }: LinkSettings,
  reference: string,
  now: Date,
  locale: Locale,
): NewsletterLinks {
  const expiresAt = new Date(now.getTime() + confirmLinkValidDays * 24 * 60 * 60 * 1000);
  const unsubscribeUrl = new URL(
    linkTo(siteUrl, newsletterPaths.oneClickUnsubscribe, signLink(signingKey, 'newsletter-unsubscribe', reference)),
  );
  if (locale !== defaultLocale) unsubscribeUrl.searchParams.set('lang', locale);
  return {
    confirmUrl: linkTo(
      siteUrl,
      pathInLocale(locale, newsletterPaths.confirm),
      signLink(signingKey, 'newsletter-confirm', reference, expiresAt),
    ),
    expiresAt: expiresAt.toISOString(),
    unsubscribeUrl: unsubscribeUrl.href,
  };
}

export type LinkFailure = 'invalid' | 'expired';

/** Confirms the sign-up and queues the CRM's subscribe (newsletter-subscriptions.ts has the rules). */
export function confirmSubscription(db: Kysely<Database>, reference: string): Promise<ConfirmationOutcome> {
  return confirmNewsletterSubscription(db, reference, newsletterConfirmedJobs);
}

/** Unsubscribes, and queues the CRM's withdrawal if it may have heard of the subscriber. */
export function withdrawSubscription(db: Kysely<Database>, reference: string): Promise<WithdrawalOutcome> {
  return withdrawNewsletterSubscription(db, reference, marketingWithdrawalJobs);
}

export async function confirmWithLink(
  db: Kysely<Database>,
  signingKey: string,
  token: string,
  now: Date,
): Promise<ConfirmationOutcome | LinkFailure> {
  const link = checkLink(signingKey, 'newsletter-confirm', token, now);
  return link.ok ? confirmSubscription(db, link.reference) : link.reason;
}

/** Unsubscribe links never expire: leaving must always work. */
export async function unsubscribeWithLink(
  db: Kysely<Database>,
  signingKey: string,
  token: string,
): Promise<WithdrawalOutcome | 'invalid'> {
  const link = checkLink(signingKey, 'newsletter-unsubscribe', token, new Date());
  return link.ok ? withdrawSubscription(db, link.reference) : 'invalid';
}

/** Whether an unsubscribe link is genuine, to show its page before anything is changed. */
export function isUnsubscribeLink(signingKey: string, token: string): boolean {
  return checkLink(signingKey, 'newsletter-unsubscribe', token, new Date()).ok;
}

/** The newsletter link pages' actions, on the site's store and signing key. */
export interface NewsletterLinkActions {
  checkConfirmLink(token: string): Promise<LinkCheck>;
  confirm(token: string): Promise<ConfirmationOutcome | LinkFailure>;
  isUnsubscribeLink(token: string): Promise<boolean>;
  unsubscribe(token: string): Promise<WithdrawalOutcome | 'invalid'>;
}

export function createNewsletterLinkActions({
  database,
  signingKey,
}: {
  database: () => Promise<Kysely<Database>>;
  signingKey: (db: Kysely<Database>) => Promise<string>;
}): NewsletterLinkActions {
  const withKey = async () => {
    const db = await database();
    return { db, key: await signingKey(db) };
  };
  return {
    async checkConfirmLink(token) {
      const { key } = await withKey();
      return checkLink(key, 'newsletter-confirm', token, new Date());
    },
    async confirm(token) {
      const { db, key } = await withKey();
      return confirmWithLink(db, key, token, new Date());
    },
    async isUnsubscribeLink(token) {
      const { key } = await withKey();
      return isUnsubscribeLink(key, token);
    },
    async unsubscribe(token) {
      const { db, key } = await withKey();
      return unsubscribeWithLink(db, key, token);
    },
  };
}
