/** A newsletter sign-up from either path (the page's island, or a plain form from the page or the footer). */
import type { Kysely } from 'kysely';
import { parseWithFieldErrors } from '../http/field-errors.ts';
import type { ClientRateLimiter } from '../http/rate-limit.ts';
import { recordNewsletterSignup } from '../store/leads.ts';
import type { Database } from '../store/schema.ts';
import { linkSigningKey } from '../store/site-secrets.ts';
import { todayInClinic } from './clinic-today.ts';
import { createLeadIntake } from './lead-intake.ts';
import { newsletterLinks } from './newsletter-links.ts';
import { createNewsletterSchema } from './newsletter-schema.ts';

export interface NewsletterIntakeDependencies {
  rateLimit: ClientRateLimiter;
  database: () => Promise<Kysely<Database>>;
  siteUrl: string;
  /** LINK_SIGNING_KEY when set; otherwise the key kept in the database. */
  configuredSigningKey?: string | undefined;
  now?: () => Date;
}

export function createNewsletterIntake({
  rateLimit,
  database,
  siteUrl,
  configuredSigningKey,
  now,
}: NewsletterIntakeDependencies) {
  return createLeadIntake({
    leadName: 'Newsletter sign-up',
    rateLimit,
    ...(now && { now }),
    validate: async (fields, moment) =>
      parseWithFieldErrors(createNewsletterSchema({ today: todayInClinic(moment) }), fields),
    // The footer's form is on prebuilt pages, which cannot carry the time they were shown; the double opt-in
    // is the real check, as nobody is subscribed until the address's owner follows the link.
    botCheck: { fillTime: 'when-given' },
    record: async (signup, moment) => {
      const db = await database();
      const signingKey = await linkSigningKey(db, configuredSigningKey);
      return recordNewsletterSignup(db, signup, (reference) =>
        newsletterLinks({ siteUrl, signingKey }, reference, moment),
      );
    },
  });
}
