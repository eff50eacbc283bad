/** A booking request from either path (JSON or plain form), through the lead intake. */
import type { Kysely } from 'kysely';
import { parseWithFieldErrors } from '../http/field-errors.ts';
import type { ClientRateLimiter } from '../http/rate-limit.ts';
import { recordBookingRequest } from '../store/leads.ts';
import type { Database } from '../store/schema.ts';
import { type BookableTreatment, createBookingSchema } from './booking-schema.ts';
import { todayInClinic } from './clinic-today.ts';
import { createLeadIntake } from './lead-intake.ts';
import { toMobileE164 } from './phone.ts';

export interface BookingIntakeDependencies {
  rateLimit: ClientRateLimiter;
  database: () => Promise<Kysely<Database>>;
  treatments: () => Promise<readonly BookableTreatment[]>;
  now?: () => Date;
}

export function createBookingIntake({ rateLimit, database, treatments, now }: BookingIntakeDependencies) {
  return createLeadIntake({
    leadName: 'Booking request',
    rateLimit,
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
    record: async (request) => recordBookingRequest(await database(), request),
  });
}
