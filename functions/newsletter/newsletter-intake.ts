/** A newsletter sign-up from either path (the page's island, or a plain form from the page or the footer). */
import type { Kysely } from 'kysely';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { perLocale, requestedLocale } from '#functions/forms/messages.ts';
import { createNewsletterSchema } from '#functions/forms/newsletter-schema.ts';
import { createLeadIntake } from '#functions/intake/lead-intake.ts';
import { type SignupToStore, storeNewsletterSignups } from '#functions/intake/lead-records.ts';
import { perClinicDay } from '#functions/intake/per-clinic-day.ts';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import type { Database } from '#functions/store/schema.ts';
import { newsletterLinks } from './links.ts';

export interface NewsletterIntakeDependencies {
  database: () => Promise<Kysely<Database>>;
  siteUrl: string;
  /** The key that signs the confirmation and unsubscribe links. */
  signingKey: (db: Kysely<Database>) => Promise<string>;
  now?: () => Date;
}

export function createNewsletterIntake({ database, siteUrl, signingKey, now }: NewsletterIntakeDependencies) {
  // One schema per language, answering in it: the form says which (its `locale` field).
  const schemasFor = perClinicDay(
    async () => undefined,
    (today) => perLocale((messages) => createNewsletterSchema({ today, messages })),
  );
  const write = createGroupCommit({
    writeGroup: async (signups: readonly SignupToStore[]) => storeNewsletterSignups(await database(), signups),
  });
  return createLeadIntake({
    leadName: 'Newsletter sign-up',
    ...(now && { now }),
    validate: async (fields, moment) =>
      parseWithFieldErrors((await schemasFor(moment))[requestedLocale(fields)], fields),
    // The footer's form is on prebuilt pages, which cannot carry the time they were shown; the double opt-in
    // is the real check, as nobody is subscribed until the address's owner follows the link.
    botCheck: { fillTime: 'when-given' },
    record: async (signup, moment) => {
      const key = await signingKey(await database());
      return write({
        signup,
        linksFor: (reference) => newsletterLinks({ siteUrl, signingKey: key }, reference, moment, signup.locale),
      });
    },
  });
}
