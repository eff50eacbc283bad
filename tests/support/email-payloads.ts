/** Real email job payloads, made by the same functions that queue them, from the lead fixtures. */
import { randomUUID } from 'node:crypto';
import type { BookingFormValues } from '../../functions/leads/booking-schema.ts';
import {
  bookingJobs,
  newsletterJobs,
  type OutboxJobDraft,
  type OutboxJobKind,
  type OutboxJobPayload,
} from '../../functions/leads/lead-jobs.ts';
import { adultBooking, minorBooking, newsletterLinks } from './lead-fixtures.ts';

export const reference = 'KC-7Q4M-X2P9';

function payloadOf<Kind extends OutboxJobKind>(jobs: readonly OutboxJobDraft[], kind: Kind): OutboxJobPayload<Kind> {
  const job = jobs.find((candidate) => candidate.kind === kind);
  if (!job) throw new Error(`No ${kind} job`);
  return job.payload as OutboxJobPayload<Kind>;
}

export const adultConfirmation = () => payloadOf(bookingJobs(adultBooking(), reference), 'email.booking-confirmation');
export const adultFrontDesk = (overrides: Partial<BookingFormValues> = {}) =>
  payloadOf(bookingJobs(adultBooking(overrides), reference), 'email.front-desk');
export const minorFrontDesk = () => payloadOf(bookingJobs(minorBooking(), reference), 'email.front-desk');

export const newsletterConfirmation = () =>
  payloadOf(
    newsletterJobs({ submissionId: randomUUID(), email: 'asha@example.com' }, reference, newsletterLinks(reference)),
    'email.newsletter-confirmation',
  );
