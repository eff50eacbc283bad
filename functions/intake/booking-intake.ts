/** A booking request from either path (JSON or plain form), through the lead intake. */
import type { Kysely } from 'kysely';
import { type BookableTreatment, type BookingRequest, createBookingSchema } from '#functions/forms/booking-schema.ts';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import type { Screened } from '#functions/outbox/jobs.ts';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import type { Database } from '#functions/store/schema.ts';
import { createLeadIntake } from './lead-intake.ts';
import { storeBookingRequests } from './lead-records.ts';
import { perClinicDay } from './per-clinic-day.ts';
import { toMobileE164 } from './phone.ts';

export interface BookingIntakeDependencies {
  database: () => Promise<Kysely<Database>>;
  treatments: () => Promise<readonly BookableTreatment[]>;
  now?: () => Date;
}

export function createBookingIntake({ database, treatments, now }: BookingIntakeDependencies) {
  // Built once per clinic day, not per request: it costs far more than checking a form with it.
  const schemaFor = perClinicDay(treatments, (today, offered) =>
    createBookingSchema({ treatments: offered, today, parseMobile: toMobileE164 }),
  );
  const write = createGroupCommit({
    writeGroup: async (requests: readonly (BookingRequest & Screened)[]) =>
      storeBookingRequests(await database(), requests),
  });
  return createLeadIntake({
    leadName: 'Booking request',
    ...(now && { now }),
    validate: async (fields, moment) => parseWithFieldErrors(await schemaFor(moment), fields),
    // The booking form always carries the time the server showed it.
    botCheck: { fillTime: 'required' },
    record: (request, _moment, sentQuickly) => write(sentQuickly ? { ...request, sentQuickly } : request),
  });
}
