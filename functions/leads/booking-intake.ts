/** A booking request from either path (JSON or plain form): limit, screen bots, validate, store with its jobs. */
import type { Kysely } from 'kysely';
import { fieldErrors } from '../http/field-errors.ts';
import type { ClientRateLimiter } from '../http/rate-limit.ts';
import { recordBookingRequest } from '../store/leads.ts';
import type { Database } from '../store/schema.ts';
import { type BookableTreatment, createBookingSchema } from './booking-schema.ts';
import { isLikelyBot, separateBotSignals } from './bots.ts';
import { todayInClinic } from './clinic-today.ts';
import { toMobileE164 } from './phone.ts';
import { generateReference } from './reference.ts';

export type BookingIntakeResult =
  | { kind: 'accepted'; reference: string; created: boolean }
  | { kind: 'invalid'; fields: Record<string, string> }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  | { kind: 'error' };

export interface BookingIntakeDependencies {
  rateLimit: ClientRateLimiter;
  database: () => Promise<Kysely<Database>>;
  treatments: () => Promise<readonly BookableTreatment[]>;
  now?: () => Date;
}

export function createBookingIntake({
  rateLimit,
  database,
  treatments,
  now = () => new Date(),
}: BookingIntakeDependencies) {
  return async (input: unknown, clientAddress: string): Promise<BookingIntakeResult> => {
    try {
      const decision = await rateLimit(clientAddress);
      if (!decision.allowed) return { kind: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };

      const moment = now();
      const { signals, fields } = separateBotSignals(input);
      const schema = createBookingSchema({
        treatments: await treatments(),
        today: todayInClinic(moment),
        parseMobile: toMobileE164,
      });
      const parsed = schema.safeParse(fields);
      // Errors come first, so a person who is quick with an incomplete form is never told it was booked.
      if (!parsed.success) return { kind: 'invalid', fields: fieldErrors(parsed.error.issues) };
      // Bots get the same answer as people, so they learn nothing; nothing of theirs is stored.
      if (isLikelyBot(signals, moment)) return { kind: 'accepted', reference: generateReference(), created: false };

      const stored = await recordBookingRequest(await database(), parsed.data);
      return { kind: 'accepted', reference: stored.reference, created: stored.created };
    } catch (error) {
      console.error('Booking request not stored:', error);
      return { kind: 'error' };
    }
  };
}
