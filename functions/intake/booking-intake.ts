/** A booking request from either path (JSON or plain form), through the lead intake. */
import type { Kysely } from 'kysely';
import { type BookableTreatment, createBookingSchema } from '#functions/forms/booking-schema.ts';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { perLocale, requestedLocale } from '#functions/forms/messages.ts';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import type { Database } from '#functions/store/schema.ts';
import { guardianConsentLink } from './guardian-consent.ts';
import { createLeadIntake } from './lead-intake.ts';
import { type BookingToStore, storeBookingRequests } from './lead-records.ts';
import { perClinicDay } from './per-clinic-day.ts';
import { toMobileE164 } from './phone.ts';

export interface BookingIntakeDependencies {
  database: () => Promise<Kysely<Database>>;
  treatments: () => Promise<readonly BookableTreatment[]>;
  siteUrl: string;
  /** The key that signs the link a patient under 18's guardian confirms their consent with. */
  signingKey: (db: Kysely<Database>) => Promise<string>;
  now?: () => Date;
}

export function createBookingIntake({ database, treatments, siteUrl, signingKey, now }: BookingIntakeDependencies) {
  // Built once per clinic day, not per request: it costs far more than checking a form with it. One per language,
  // answering in it: the form says which (its `locale` field).
  const schemasFor = perClinicDay(treatments, (today, offered) =>
    perLocale((messages) => createBookingSchema({ treatments: offered, today, parseMobile: toMobileE164, messages })),
  );
  const write = createGroupCommit({
    writeGroup: async (bookings: readonly BookingToStore[]) => storeBookingRequests(await database(), bookings),
  });
  return createLeadIntake({
    leadName: 'Booking request',
    ...(now && { now }),
    validate: async (fields, moment) =>
      parseWithFieldErrors((await schemasFor(moment))[requestedLocale(fields)], fields),
    // The booking form always carries the time the server showed it.
    botCheck: { fillTime: 'required' },
    record: async (request, moment, sentQuickly) => {
      const key = await signingKey(await database());
      return write({
        request: sentQuickly ? { ...request, sentQuickly } : request,
        guardianLinkFor: (reference) =>
          guardianConsentLink({ siteUrl, signingKey: key }, reference, moment, request.locale),
      });
    },
  });
}
