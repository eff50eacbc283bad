/**
 * The 'crm.booking' delivery, a batch of requests at a time: the contacts (the patient, or a patient under 18's
 * parent or guardian), then each request's deal in the appointments pipeline, associated with its contact (under
 * the guardian label for a patient under 18). Six requests for up to 100 bookings: contacts read by email and by
 * mobile, upserted; deals read by booking reference, the missing ones upserted; the associations made. Everything
 * is written by unique properties (email or mobile, booking reference), so a retried batch updates what an earlier
 * attempt wrote instead of adding to it. What to write is decided in booking-records.ts from the payload and what
 * HubSpot holds (contact-plan.ts applies it across the batch); this module only reads and writes.
 */
import type { Client } from '@hubspot/api-client';
import type { BatchDelivery } from '#functions/delivery/delivery.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { associationLabelLookup } from './association-labels.ts';
import {
  bookingContactProperties,
  bookingContactTarget,
  bookingDealProperties,
  dealContactAssociation,
} from './booking-records.ts';
import { ContactPlan } from './contact-plan.ts';
import { contactPropertiesToRead } from './contact-updates.ts';
import {
  associateDealsWithContacts,
  type CrmRecord,
  hubSpotBatchLimit,
  readRecords,
  uniqueValueKey,
  upsertRecords,
  type WriteResult,
} from './crm-records.ts';
import { HubSpotRecordMissing, HubSpotRefusal, hubSpotBatchAttempt } from './outcome.ts';
import { type PipelineStart, pipelineStartLookup } from './pipelines.ts';
import { appointmentPipeline, guardianAssociationLabel } from './properties.ts';

const notSetUp = (what: string) => new HubSpotRefusal(`no ${what}: run npm run crm:setup`);
const dealIdProperty = 'clinic_booking_reference';

export function createBookingDelivery(client: Client): BatchDelivery<'crm.booking'> {
  const findPipelineStart = pipelineStartLookup(client, 'deals', appointmentPipeline.label);
  const findGuardianLabel = associationLabelLookup(client, guardianAssociationLabel);
  return {
    maxBatch: hubSpotBatchLimit,
    deliverBatch: (jobs) =>
      hubSpotBatchAttempt(
        jobs.map(({ payload }) => payload),
        async (payloads, fail) => {
          const pipeline = await findPipelineStart();
          if (!pipeline) throw notSetUp(`deal pipeline "${appointmentPipeline.label}"`);
          const guardianLabel = await findGuardianLabel();
          if (guardianLabel === undefined) throw notSetUp(`deal association label "${guardianAssociationLabel.label}"`);

          const bookings = payloads.map((payload, index) => ({ index, payload }));
          const withContact = paired(bookings, await upsertContacts(client, payloads), fail).map(
            ([booking, contact]) => ({ ...booking, contact }),
          );
          const deals = await ensureDeals(
            client,
            withContact.map(({ payload }) => payload),
            pipeline,
          );
          const withDeal = paired(withContact, deals, fail).map(([booking, deal]) => ({ ...booking, deal }));
          const associated = await associateDealsWithContacts(
            client,
            withDeal.map(({ payload, contact, deal }) => ({
              dealId: deal.id,
              contactId: contact.id,
              types: dealContactAssociation(payload, guardianLabel),
            })),
          );
          associated.forEach((result, at) => {
            const booking = withDeal[at];
            if (result !== true && booking) fail(booking.index, result);
          });
        },
        namesIn,
      ),
  };
}

/** Each booking with its record, for those whose write succeeded; each other one is its job's failure. */
function paired<Booking extends { index: number }>(
  bookings: readonly Booking[],
  results: readonly WriteResult[],
  fail: (index: number, error: unknown) => void,
): [Booking, CrmRecord][] {
  return bookings.flatMap((booking, at): [Booking, CrmRecord][] => {
    const result = results[at];
    if (result !== undefined && !(result instanceof Error)) return [[booking, result]];
    fail(booking.index, result ?? new HubSpotRecordMissing('HubSpot answered nothing for the record'));
    return [];
  });
}

/** Each booking's contact, as its upsert came out. */
async function upsertContacts(client: Client, payloads: readonly CrmBookingPayload[]): Promise<WriteResult[]> {
  const contacts = payloads.map(({ contact }) => contact);
  const emails = contacts.flatMap(({ email }) => (email ? [email] : []));
  const [byEmail, byMobile] = await Promise.all([
    readRecords(client, 'contacts', 'email', emails, contactPropertiesToRead),
    readRecords(
      client,
      'contacts',
      'clinic_mobile',
      contacts.map(({ mobile }) => mobile),
      contactPropertiesToRead,
    ),
  ]);
  const plan = new ContactPlan([...byEmail.values(), ...byMobile.values()]);
  const planned = payloads.map((payload) => {
    const matches = {
      byEmail: plan.find('email', payload.contact.email),
      byMobile: plan.find('clinic_mobile', payload.contact.mobile),
    };
    const target = bookingContactTarget(payload, matches);
    return plan.write(target, bookingContactProperties(payload, target));
  });
  const results = await upsertRecords(client, 'contacts', plan.writes());
  return planned.map((at) => results[at] as WriteResult);
}

/** Each booking's deal. A deal that exists already is left as it is: the front desk may have moved it on since. */
async function ensureDeals(
  client: Client,
  payloads: readonly CrmBookingPayload[],
  pipeline: PipelineStart,
): Promise<WriteResult[]> {
  const existing = await readRecords(
    client,
    'deals',
    dealIdProperty,
    payloads.map(({ reference }) => reference),
    [],
  );
  const missing = payloads.filter(({ reference }) => !existing.has(uniqueValueKey(dealIdProperty, reference)));
  const made = await upsertRecords(
    client,
    'deals',
    missing.map((payload) => ({
      idProperty: dealIdProperty,
      id: payload.reference,
      properties: bookingDealProperties(payload, pipeline),
    })),
  );
  return payloads.map(
    (payload) =>
      existing.get(uniqueValueKey(dealIdProperty, payload.reference)) ??
      (made[missing.indexOf(payload)] as WriteResult),
  );
}

/** Names, which HubSpot may quote back in an error; emails and numbers are recognised without help. */
function namesIn({ patientName, contact }: CrmBookingPayload): string[] {
  return [patientName, contact.fullName].flatMap((name) => [name, ...name.split(/\s+/)]);
}
