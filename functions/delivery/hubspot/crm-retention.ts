/**
 * Retention and erasure in HubSpot, for what the website put there. 'crm.retention' applies the purge's periods:
 * deals in the appointments pipeline created before its cutoff, at no stage meaning the person became a patient,
 * and tickets in the privacy requests pipeline created before theirs, are deleted; 'crm.erasure' deletes one
 * person's deals (by the same stage rule) and privacy tickets. Then each contact of those records goes too (a GDPR
 * delete) when the website created it and it has no other deal or ticket, no form submission and, for the purge,
 * no consent given. The contacts are deleted first: a retried job finds the deals and tickets again, and with them
 * the contacts. Each daily run takes up to one search page (200) of deals and of tickets, so a backlog clears over
 * days within the worker's lease.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import type { CrmErasurePayload } from '#functions/outbox/jobs.ts';
import {
  archiveRecords,
  associatedIds,
  type CrmRecord,
  gdprDeleteContact,
  readRecords,
  readRecordsById,
  searchRecordIds,
} from './crm-records.ts';
import { HubSpotRefusal, hubSpotAttempt } from './outcome.ts';
import { pipelineLookup, stageIdsLabelled } from './pipelines.ts';
import { appointmentPipeline, patientStageLabels, privacyRequestPipeline } from './properties.ts';

/** What a contact must say, and hold, for the website to delete it. */
export const contactPropertiesForDeletion = [
  'clinic_created_by_website',
  'clinic_email_news_consent',
  'clinic_whatsapp_updates_consent',
  'num_conversion_events',
] as const;

/** A contact with what else it is associated with, beside the records being deleted. */
export interface ContactInCrm {
  contact: CrmRecord;
  otherDeals: readonly string[];
  otherTickets: readonly string[];
}

/**
 * Whether the contact goes with the website's records: the website made it, nothing else holds it (a deal or
 * ticket the website is not deleting, a form submitted to HubSpot), and, unless the person asked to be erased,
 * no consent of theirs is live.
 */
export function contactIsDeletable({ contact, otherDeals, otherTickets }: ContactInCrm, erasure: boolean): boolean {
  const property = (name: (typeof contactPropertiesForDeletion)[number]) => contact.properties[name] ?? '';
  const consents =
    property('clinic_email_news_consent') === 'true' || property('clinic_whatsapp_updates_consent') === 'true';
  return (
    property('clinic_created_by_website') === 'true' &&
    otherDeals.length === 0 &&
    otherTickets.length === 0 &&
    Number(property('num_conversion_events') || 0) === 0 &&
    (erasure || !consents)
  );
}

/** What a run deletes. */
interface Deletion {
  deals: readonly string[];
  tickets: readonly string[];
  /** Contacts to consider beside those of the deals and tickets (an erasure's, found by email or mobile). */
  contacts: readonly string[];
  erasure: boolean;
}

async function deleteWebsiteRecords(client: Client, { deals, tickets, contacts, erasure }: Deletion): Promise<void> {
  const [dealContacts, ticketContacts] = await Promise.all([
    associatedIds(client, 'deals', 'contacts', deals),
    associatedIds(client, 'tickets', 'contacts', tickets),
  ]);
  const candidates = [...new Set([...contacts, ...[...dealContacts.values(), ...ticketContacts.values()].flat()])];
  const [records, contactDeals, contactTickets] = await Promise.all([
    readRecordsById(client, 'contacts', candidates, contactPropertiesForDeletion),
    associatedIds(client, 'contacts', 'deals', candidates),
    associatedIds(client, 'contacts', 'tickets', candidates),
  ]);
  const others = (ids: readonly string[] | undefined, deleted: readonly string[]) =>
    (ids ?? []).filter((id) => !deleted.includes(id));
  for (const contact of records) {
    const inCrm = {
      contact,
      otherDeals: others(contactDeals.get(contact.id), deals),
      otherTickets: others(contactTickets.get(contact.id), tickets),
    };
    if (contactIsDeletable(inCrm, erasure)) await gdprDeleteContact(client, contact.id);
  }
  await archiveRecords(client, 'deals', deals);
  await archiveRecords(client, 'tickets', tickets);
}

function sitePipelines(client: Client) {
  const findAppointments = pipelineLookup(client, 'deals', appointmentPipeline.label);
  const findPrivacyRequests = pipelineLookup(client, 'tickets', privacyRequestPipeline.label);
  return async () => {
    const [appointments, privacyRequests] = await Promise.all([findAppointments(), findPrivacyRequests()]);
    if (!appointments || !privacyRequests)
      throw new HubSpotRefusal("the site's pipelines are missing: run npm run crm:setup");
    return { appointments, privacyRequests, patientStages: stageIdsLabelled(appointments, patientStageLabels) };
  };
}

export function createCrmRetentionDelivery(client: Client): Delivery<'crm.retention'> {
  const findPipelines = sitePipelines(client);
  return (payload) =>
    hubSpotAttempt(async () => {
      const { appointments, privacyRequests, patientStages } = await findPipelines();
      const [deals, tickets] = await Promise.all([
        searchRecordIds(client, 'deals', [
          { propertyName: 'pipeline', operator: 'EQ', value: appointments.id },
          { propertyName: 'createdate', operator: 'LT', value: String(Date.parse(payload.dealsCreatedBefore)) },
          ...(patientStages.length > 0
            ? [{ propertyName: 'dealstage', operator: 'NOT_IN' as const, values: patientStages }]
            : []),
        ]),
        searchRecordIds(client, 'tickets', [
          { propertyName: 'hs_pipeline', operator: 'EQ', value: privacyRequests.id },
          { propertyName: 'createdate', operator: 'LT', value: String(Date.parse(payload.ticketsCreatedBefore)) },
        ]),
      ]);
      await deleteWebsiteRecords(client, { deals, tickets, contacts: [], erasure: false });
    });
}

export function createCrmErasureDelivery(client: Client): Delivery<'crm.erasure'> {
  const findPipelines = sitePipelines(client);
  return (payload) =>
    hubSpotAttempt(async () => {
      const { appointments, privacyRequests, patientStages } = await findPipelines();
      const contacts = await personContacts(client, payload);
      const [dealsByReference, ticketsByReference, contactDeals, contactTickets] = await Promise.all([
        readRecords(client, 'deals', 'clinic_booking_reference', payload.bookingReferences, []),
        readRecords(client, 'tickets', 'clinic_request_reference', payload.rightsRequestReferences, []),
        associatedIds(client, 'contacts', 'deals', contacts),
        associatedIds(client, 'contacts', 'tickets', contacts),
      ]);
      const [deals, tickets] = await Promise.all([
        readRecordsById(
          client,
          'deals',
          [...[...dealsByReference.values()].map(({ id }) => id), ...[...contactDeals.values()].flat()],
          ['pipeline', 'dealstage'],
        ),
        readRecordsById(
          client,
          'tickets',
          [...[...ticketsByReference.values()].map(({ id }) => id), ...[...contactTickets.values()].flat()],
          ['hs_pipeline'],
        ),
      ]);
      await deleteWebsiteRecords(client, {
        deals: deals
          .filter(({ properties }) => properties.pipeline === appointments.id)
          .filter(({ properties }) => !patientStages.includes(properties.dealstage ?? ''))
          .map(({ id }) => id),
        tickets: tickets.filter(({ properties }) => properties.hs_pipeline === privacyRequests.id).map(({ id }) => id),
        contacts,
        erasure: true,
      });
    });
}

/** The ids of the contacts of the person's email and mobile. */
async function personContacts(client: Client, { email, mobile }: CrmErasurePayload): Promise<string[]> {
  const [byEmail, byMobile] = await Promise.all([
    readRecords(client, 'contacts', 'email', email ? [email] : [], []),
    readRecords(client, 'contacts', 'clinic_mobile', mobile ? [mobile] : [], []),
  ]);
  return [...new Set([...byEmail.values(), ...byMobile.values()].map(({ id }) => id))];
}
