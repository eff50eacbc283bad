/**
 * The deliveries that follow a booking request for a patient under 18: 'crm.guardian-consent' marks the deal
 * verified once the parent or guardian's consent is (waiting, by retrying, for the booking's own job to have made
 * the deal); 'crm.booking-deletion' deletes the deal of a request deleted for want of that consent (a deal that
 * was never made, or is gone already, leaves nothing to do). Both find the deal by its unique booking reference.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import { guardianConsentDealProperties } from './booking-records.ts';
import { archiveRecord, findRecord, updateRecord } from './crm-records.ts';
import { HubSpotRecordMissing, hubSpotAttempt } from './outcome.ts';

const findDeal = (client: Client, reference: string) =>
  findRecord(client, 'deals', 'clinic_booking_reference', reference, []);

export function createGuardianConsentDelivery(client: Client): Delivery<'crm.guardian-consent'> {
  return (payload) =>
    hubSpotAttempt(async () => {
      const deal = await findDeal(client, payload.reference);
      if (!deal) throw new HubSpotRecordMissing(`no deal ${payload.reference} yet: its crm.booking job makes it`);
      await updateRecord(client, 'deals', deal.id, guardianConsentDealProperties(payload));
    });
}

export function createBookingDeletionDelivery(client: Client): Delivery<'crm.booking-deletion'> {
  return (payload) =>
    hubSpotAttempt(async () => {
      const deal = await findDeal(client, payload.reference);
      if (deal) await archiveRecord(client, 'deals', deal.id);
    });
}
