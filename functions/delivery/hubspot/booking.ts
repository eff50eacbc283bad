/**
 * The 'crm.booking' delivery: the patient's contact, then the request's deal in the appointments pipeline,
 * associated with the contact. Both are upserted by unique properties (email or mobile, booking
 * reference), so a retried job updates what an earlier attempt wrote instead of adding to it.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { bookingContactProperties, bookingContactTarget, bookingDealProperties } from './booking-records.ts';
import { contactPropertiesToRead } from './contact-updates.ts';
import { associateDealWithContact, type CrmRecord, findRecord, upsertRecord } from './crm-records.ts';
import { HubSpotRefusal, hubSpotAttempt } from './outcome.ts';
import { type PipelineStart, pipelineStartLookup } from './pipelines.ts';
import { appointmentPipeline } from './properties.ts';

export function createBookingDelivery(client: Client): Delivery<'crm.booking'> {
  const findPipelineStart = pipelineStartLookup(client, 'deals', appointmentPipeline.label);
  return (payload) =>
    hubSpotAttempt(async () => {
      const pipeline = await findPipelineStart();
      if (!pipeline) {
        throw new HubSpotRefusal(`no deal pipeline "${appointmentPipeline.label}": run npm run crm:setup`);
      }
      const contact = await upsertContact(client, payload);
      const deal = await ensureDeal(client, payload, pipeline);
      await associateDealWithContact(client, deal.id, contact.id);
    }, namesIn(payload));
}

async function upsertContact(client: Client, payload: CrmBookingPayload): Promise<CrmRecord> {
  const byEmail = payload.email
    ? await findRecord(client, 'contacts', 'email', payload.email, contactPropertiesToRead)
    : undefined;
  const byMobile =
    byEmail?.properties.clinic_mobile === payload.mobile
      ? byEmail
      : await findRecord(client, 'contacts', 'clinic_mobile', payload.mobile, contactPropertiesToRead);
  const target = bookingContactTarget(payload, { byEmail, byMobile });
  const properties = bookingContactProperties(payload, target);
  return upsertRecord(client, 'contacts', target.idProperty, target.id, properties);
}

/** A deal that exists already is left as it is: the front desk may have moved it on since. */
async function ensureDeal(client: Client, payload: CrmBookingPayload, pipeline: PipelineStart): Promise<CrmRecord> {
  const idProperty = 'clinic_booking_reference';
  return (
    (await findRecord(client, 'deals', idProperty, payload.reference, [])) ??
    (await upsertRecord(client, 'deals', idProperty, payload.reference, bookingDealProperties(payload, pipeline)))
  );
}

/** Names, which HubSpot may quote back in an error; emails and numbers are recognised without help. */
function namesIn({ fullName, guardian }: CrmBookingPayload): string[] {
  return [fullName, guardian?.name ?? ''].flatMap((name) => [name, ...name.split(/\s+/)]);
}
