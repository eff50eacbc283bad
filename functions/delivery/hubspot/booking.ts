/**
 * The 'crm.booking' delivery: the contact (the patient, or a patient under 18's parent or guardian), then the
 * request's deal in the appointments pipeline, associated with the contact (under the guardian label for a
 * patient under 18). Both are upserted by unique properties (email or mobile, booking reference), so a retried
 * job updates what an earlier attempt wrote instead of adding to it. What to write is decided in
 * booking-records.ts from the payload and what HubSpot holds; this module only reads and writes.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { associationLabelLookup } from './association-labels.ts';
import {
  bookingContactProperties,
  bookingContactTarget,
  bookingDealProperties,
  dealContactAssociation,
} from './booking-records.ts';
import { contactPropertiesToRead } from './contact-updates.ts';
import { associateDealWithContact, type CrmRecord, findRecord, upsertRecord } from './crm-records.ts';
import { HubSpotRefusal, hubSpotAttempt } from './outcome.ts';
import { type PipelineStart, pipelineStartLookup } from './pipelines.ts';
import { appointmentPipeline, guardianAssociationLabel } from './properties.ts';

const notSetUp = (what: string) => new HubSpotRefusal(`no ${what}: run npm run crm:setup`);

export function createBookingDelivery(client: Client): Delivery<'crm.booking'> {
  const findPipelineStart = pipelineStartLookup(client, 'deals', appointmentPipeline.label);
  const findGuardianLabel = associationLabelLookup(client, guardianAssociationLabel);
  return (payload) =>
    hubSpotAttempt(async () => {
      const pipeline = await findPipelineStart();
      if (!pipeline) throw notSetUp(`deal pipeline "${appointmentPipeline.label}"`);
      const guardianLabel = await findGuardianLabel();
      if (guardianLabel === undefined) throw notSetUp(`deal association label "${guardianAssociationLabel.label}"`);
      const contact = await upsertContact(client, payload);
      const deal = await ensureDeal(client, payload, pipeline);
      await associateDealWithContact(client, deal.id, contact.id, dealContactAssociation(payload, guardianLabel));
    }, namesIn(payload));
}

async function upsertContact(client: Client, payload: CrmBookingPayload): Promise<CrmRecord> {
  const { email, mobile } = payload.contact;
  const byEmail = email ? await findRecord(client, 'contacts', 'email', email, contactPropertiesToRead) : undefined;
  const byMobile =
    byEmail?.properties.clinic_mobile === mobile
      ? byEmail
      : await findRecord(client, 'contacts', 'clinic_mobile', mobile, contactPropertiesToRead);
  const target = bookingContactTarget(payload, { byEmail, byMobile });
  return upsertRecord(client, 'contacts', target.idProperty, target.id, bookingContactProperties(payload, target));
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
function namesIn({ patientName, contact }: CrmBookingPayload): string[] {
  return [patientName, contact.fullName].flatMap((name) => [name, ...name.split(/\s+/)]);
}
