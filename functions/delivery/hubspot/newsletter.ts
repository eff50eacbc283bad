/**
 * The consent deliveries: a confirmed subscriber's contact gets the email news (marketing) consent, with when
 * they ticked the box and when they confirmed (the preferences page's "on" is both at once); a withdrawal (an
 * unsubscribe, a stop-marketing request, or the preferences page's "off") takes consents away from the contacts
 * HubSpot holds; WhatsApp updates turned back on give the mobile's contact that consent. They write nothing else
 * about the person, so a parent's contact stays as their bookings left it. A withdrawal never creates a contact: if
 * HubSpot does not know the person there is nothing to withdraw there (the store orders a withdrawal after any
 * subscribe still under way, so no late confirmation can follow it).
 */
import type { Client } from '@hubspot/api-client';
import type { BatchDelivery } from '#functions/delivery/delivery.ts';
import type {
  ContactChoice,
  CrmNewsletterPayload,
  CrmNewsletterWithdrawalPayload,
  CrmWhatsappConsentPayload,
  OutboxJobPayload,
} from '#functions/outbox/jobs.ts';
import { type ContactLookup, ContactPlan } from './contact-plan.ts';
import { consentUpdate, contactPropertiesToRead, emailNewsGrant, lifecycleStageUpdate } from './contact-updates.ts';
import { type CrmRecord, hubSpotBatchLimit, readRecords, upsertRecords } from './crm-records.ts';
import { hubSpotBatchAttempt } from './outcome.ts';
import type { ContactProperties } from './properties.ts';

/** The consent counts from the double opt-in's confirmation, which follows the tick on the form. */
export function subscriberProperties(payload: CrmNewsletterPayload, contact: CrmRecord | undefined): ContactProperties {
  return {
    email: payload.email,
    ...lifecycleStageUpdate(contact, 'subscriber'),
    ...emailNewsGrant(contact, { agreedAt: payload.consentAt, confirmedAt: payload.confirmedAt }),
  };
}

/** A contact a withdrawal found, and what it writes there. */
export interface WithdrawalWrite {
  lookup: ContactLookup;
  properties: ContactProperties;
}

/**
 * The contact of the email loses its email news consent; the contact of the mobile (a stop-marketing request by
 * mobile) loses its email news and WhatsApp updates consents; a withdrawal naming its `consents` (the preferences
 * page's) withdraws only those. A person HubSpot does not know gets no write.
 */
export function withdrawalWrites(
  { email, mobile, consents, withdrawnAt }: CrmNewsletterWithdrawalPayload,
  find: (idProperty: ContactLookup['idProperty'], value: string | undefined) => CrmRecord | undefined,
): WithdrawalWrite[] {
  const withdrawn = (contact: CrmRecord, ofContact: readonly ContactChoice[]): ContactProperties =>
    Object.assign(
      {},
      ...ofContact
        .filter((consent) => !consents || consents.includes(consent))
        .map((consent) => consentUpdate(contact, consent, false, withdrawnAt)),
    );
  const byEmail = find('email', email);
  const byMobile = find('clinic_mobile', mobile);
  return [
    ...(email && byEmail
      ? [
          {
            lookup: { idProperty: 'email' as const, id: email, existing: byEmail },
            properties: withdrawn(byEmail, ['emailNews']),
          },
        ]
      : []),
    ...(mobile && byMobile
      ? [
          {
            lookup: { idProperty: 'clinic_mobile' as const, id: mobile, existing: byMobile },
            properties: withdrawn(byMobile, ['emailNews', 'whatsappUpdates']),
          },
        ]
      : []),
  ];
}

/**
 * Two requests for up to 100 jobs: the contacts read by one unique property, then upserted by it, each once
 * (contact-plan.ts), with what `properties` writes for each job.
 */
function contactUpserts<Kind extends 'crm.newsletter' | 'crm.whatsapp-consent'>(
  client: Client,
  idProperty: ContactLookup['idProperty'],
  idOf: (payload: OutboxJobPayload<Kind>) => string,
  properties: (payload: OutboxJobPayload<Kind>, existing: CrmRecord | undefined) => ContactProperties,
): BatchDelivery<Kind> {
  return {
    maxBatch: hubSpotBatchLimit,
    deliverBatch: (jobs) =>
      hubSpotBatchAttempt(jobs, async (jobs, fail) => {
        const ids = jobs.map(({ payload }) => idOf(payload));
        const known = await readRecords(client, 'contacts', idProperty, ids, contactPropertiesToRead);
        const plan = new ContactPlan(known.values());
        const planned = jobs.map(({ payload }) => {
          const existing = plan.find(idProperty, idOf(payload));
          return [plan.write({ idProperty, id: idOf(payload), existing }, properties(payload, existing))];
        });
        failWhereRefused(await upsertRecords(client, 'contacts', plan.writes()), planned, fail);
      }),
  };
}

/** A confirmed subscriber's contact, found (or made) by email. */
export function createNewsletterDelivery(client: Client): BatchDelivery<'crm.newsletter'> {
  return contactUpserts<'crm.newsletter'>(client, 'email', ({ email }) => email, subscriberProperties);
}

/** Up to three requests for 100 jobs: the contacts read by email and by mobile, then those found updated. */
export function createNewsletterWithdrawalDelivery(client: Client): BatchDelivery<'crm.newsletter-withdrawal'> {
  return {
    maxBatch: hubSpotBatchLimit,
    deliverBatch: (jobs) =>
      hubSpotBatchAttempt(jobs, async (jobs, fail) => {
        const payloads = jobs.map(({ payload }) => payload);
        const [byEmail, byMobile] = await Promise.all([
          readRecords(client, 'contacts', 'email', valuesOf(payloads, 'email'), contactPropertiesToRead),
          readRecords(client, 'contacts', 'clinic_mobile', valuesOf(payloads, 'mobile'), contactPropertiesToRead),
        ]);
        const plan = new ContactPlan([...byEmail.values(), ...byMobile.values()]);
        const planned = payloads.map((payload) =>
          withdrawalWrites(payload, (idProperty, value) => plan.find(idProperty, value)).map(({ lookup, properties }) =>
            plan.write(lookup, properties),
          ),
        );
        failWhereRefused(await upsertRecords(client, 'contacts', plan.writes()), planned, fail);
      }),
  };
}

/**
 * WhatsApp updates turned back on: the consent is the person's own choice, given now, so it reaches HubSpot even if
 * the contact has gone (then a contact holding just the mobile is made).
 */
export function createWhatsappConsentDelivery(client: Client): BatchDelivery<'crm.whatsapp-consent'> {
  return contactUpserts<'crm.whatsapp-consent'>(
    client,
    'clinic_mobile',
    ({ mobile }) => mobile,
    whatsappConsentProperties,
  );
}

/** The WhatsApp updates consent given at `givenAt`, unless the contact holds a later change (consentUpdate). */
export function whatsappConsentProperties(
  { mobile, givenAt }: CrmWhatsappConsentPayload,
  contact: CrmRecord | undefined,
): ContactProperties {
  return {
    ...(!contact?.properties.mobilephone && { mobilephone: mobile }),
    ...consentUpdate(contact, 'whatsappUpdates', true, givenAt),
  };
}

const valuesOf = (payloads: readonly CrmNewsletterWithdrawalPayload[], key: 'email' | 'mobile') =>
  payloads.flatMap((payload) => (payload[key] ? [payload[key]] : []));

/** Each job fails with the first refusal of a contact it wrote (`planned`: its places in the writes). */
function failWhereRefused(
  results: readonly unknown[],
  planned: readonly number[][],
  fail: (index: number, error: unknown) => void,
): void {
  planned.forEach((places, index) => {
    const refused = places.map((at) => results[at]).find((result) => result instanceof Error);
    if (refused) fail(index, refused);
  });
}
