/** A booking request from either path (JSON or plain form), through the lead intake. */
import type { Kysely } from 'kysely';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { type BookableTreatment, createBookingSchema } from '#functions/forms/booking-schema.ts';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import type { Database } from '#functions/store/schema.ts';
import { createLeadIntake } from './lead-intake.ts';
import { storeBookingRequest } from './lead-records.ts';
import { toMobileE164 } from './phone.ts';

export interface BookingIntakeDependencies {
  database: () => Promise<Kysely<Database>>;
  treatments: () => Promise<readonly BookableTreatment[]>;
  now?: () => Date;
}

export function createBookingIntake({ database, treatments, now }: BookingIntakeDependencies) {
  return createLeadIntake({
    leadName: 'Booking request',
    ...(now && { now }),
    validate: async (fields, moment) =>
      parseWithFieldErrors(
        createBookingSchema({
          treatments: await treatments(),
          today: todayInClinic(moment),
          parseMobile: toMobileE164,
        }),
        fields,
      ),
    // The booking form always carries the time the server showed it.
    botCheck: { fillTime: 'required' },
    record: async (request) => storeBookingRequest(await database(), request),
  });
}
