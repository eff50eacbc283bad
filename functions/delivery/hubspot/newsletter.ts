/**
 * The newsletter deliveries: a confirmed subscriber's contact gets the email news (marketing) consent, an
 * unsubscribe withdraws it. Both upsert the contact by email and write nothing else about them, so a parent's
 * contact stays as their bookings left it; a withdrawal for someone HubSpot does not know yet still records the
 * withdrawal, so that a confirmation delivered late cannot override it.
 */
import type { Client } from '@hubspot/api-client';
import type { BatchDelivery } from '#functions/delivery/delivery.ts';
import type { CrmNewsletterPayload, CrmNewsletterWithdrawalPayload } from '#functions/outbox/jobs.ts';
import { ContactPlan } from './contact-plan.ts';
import { consentUpdate, contactPropertiesToRead, lifecycleStageUpdate } from './contact-updates.ts';
import { type CrmRecord, hubSpotBatchLimit, readRecords, upsertRecords } from './crm-records.ts';
import { hubSpotBatchAttempt } from './outcome.ts';
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

export function createNewsletterDelivery(client: Client): BatchDelivery<'crm.newsletter'> {
  return contactByEmailDelivery(client, subscriberProperties);
}

export function createNewsletterWithdrawalDelivery(client: Client): BatchDelivery<'crm.newsletter-withdrawal'> {
  return contactByEmailDelivery(client, withdrawalProperties);
}

/** Two requests for up to 100 jobs: the contacts read by email, then upserted, each once (contact-plan.ts). */
function contactByEmailDelivery<Payload extends { email: string }>(
  client: Client,
  propertiesFor: (payload: Payload, contact: CrmRecord | undefined) => ContactProperties,
) {
  return {
    maxBatch: hubSpotBatchLimit,
    deliverBatch: (jobs: readonly { payload: Payload }[]) =>
      hubSpotBatchAttempt(jobs, async (jobs, fail) => {
        const emails = jobs.map(({ payload }) => payload.email);
        const known = await readRecords(client, 'contacts', 'email', emails, contactPropertiesToRead);
        const plan = new ContactPlan(known.values());
        const planned = jobs.map(({ payload }) => {
          const existing = plan.find('email', payload.email);
          return plan.write({ idProperty: 'email', id: payload.email, existing }, propertiesFor(payload, existing));
        });
        const results = await upsertRecords(client, 'contacts', plan.writes());
        planned.forEach((at, index) => {
          const result = results[at];
          if (result instanceof Error) fail(index, result);
        });
      }),
  };
}
