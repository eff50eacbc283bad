/**
 * The newsletter deliveries: a confirmed subscriber's contact gets the email news (marketing) consent, an
 * unsubscribe withdraws it. Both upsert the contact by email and write nothing else about them, so a parent's
 * contact stays as their bookings left it; a withdrawal for someone HubSpot does not know yet still records the
 * withdrawal, so that a confirmation delivered late cannot override it.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import type { CrmNewsletterPayload, CrmNewsletterWithdrawalPayload } from '#functions/outbox/jobs.ts';
import { consentUpdate, contactPropertiesToRead, lifecycleStageUpdate } from './contact-updates.ts';
import { type CrmRecord, findRecord, upsertRecord } from './crm-records.ts';
import { hubSpotAttempt } from './outcome.ts';
import type { ContactProperties } from './properties.ts';

/** The consent counts from the double opt-in's confirmation, which follows the tick on the form. */
export function subscriberProperties(payload: CrmNewsletterPayload, contact: CrmRecord | undefined): ContactProperties {
  return {
    email: payload.email,
    ...lifecycleStageUpdate(contact, 'subscriber'),
    ...consentUpdate(contact, 'emailNews', true, payload.confirmedAt),
  };
}

export function withdrawalProperties(
  payload: CrmNewsletterWithdrawalPayload,
  contact: CrmRecord | undefined,
): ContactProperties {
  return { email: payload.email, ...consentUpdate(contact, 'emailNews', false, payload.withdrawnAt) };
}

export function createNewsletterDelivery(client: Client): Delivery<'crm.newsletter'> {
  return contactByEmailDelivery(client, subscriberProperties);
}

export function createNewsletterWithdrawalDelivery(client: Client): Delivery<'crm.newsletter-withdrawal'> {
  return contactByEmailDelivery(client, withdrawalProperties);
}

function contactByEmailDelivery<Payload extends { email: string }>(
  client: Client,
  propertiesFor: (payload: Payload, contact: CrmRecord | undefined) => ContactProperties,
) {
  return (payload: Payload) =>
    hubSpotAttempt(async () => {
      const contact = await findRecord(client, 'contacts', 'email', payload.email, contactPropertiesToRead);
      await upsertRecord(client, 'contacts', 'email', payload.email, propertiesFor(payload, contact));
    });
}
