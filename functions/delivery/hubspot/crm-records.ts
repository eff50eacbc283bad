/**
 * The few HubSpot record calls the deliveries make, one record at a time, always by a unique property:
 * repeating any of them (a retried job) finds or updates the same record instead of adding another.
 */
import { AssociationTypes, type Client } from '@hubspot/api-client';
import {
  type AssociationSpec,
  AssociationSpecAssociationCategoryEnum,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { HubSpotRefusal } from './outcome.ts';

type RecordType = 'contacts' | 'deals' | 'tickets';

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

export async function findRecord(
  client: Client,
  type: RecordType,
  idProperty: string,
  id: string,
  properties: readonly string[],
): Promise<CrmRecord | undefined> {
  const answer = await client.crm[type].batchApi.read({
    idProperty,
    inputs: [{ id }],
    properties: [...properties],
    propertiesWithHistory: [],
  });
  // A record that does not exist comes back as an OBJECT_NOT_FOUND error next to no result.
  return answer.results[0];
}

export async function upsertRecord(
  client: Client,
  type: RecordType,
  idProperty: string,
  id: string,
  properties: Record<string, string>,
): Promise<CrmRecord> {
  const answer = await client.crm[type].batchApi.upsert({ inputs: [{ idProperty, id, properties }] });
  const [record] = answer.results;
  if (record) return record;
  // The record's own error in a partial (207) answer, which the SDK returns rather than throws.
  const [error] = 'errors' in answer ? (answer.errors ?? []) : [];
  throw new HubSpotRefusal(error ? `${error.category} ${error.message}` : `no ${type} record upserted`);
}

/** The deal's association with the contact, under each of these types (labels); setting it again changes nothing. */
export async function associateDealWithContact(
  client: Client,
  dealId: string,
  contactId: string,
  specs: AssociationSpec[],
): Promise<void> {
  await client.crm.associations.v4.basicApi.create('deals', dealId, 'contacts', contactId, specs);
}

/** HubSpot's own ticket-to-contact association; setting it again changes nothing. */
export async function associateTicketWithContact(client: Client, ticketId: string, contactId: string): Promise<void> {
  await client.crm.associations.v4.basicApi.create('tickets', ticketId, 'contacts', contactId, [
    {
      associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
      associationTypeId: AssociationTypes.ticketToContact,
    },
  ]);
}

/** Changes some of a record's properties; the record must exist. */
export async function updateRecord(
  client: Client,
  type: RecordType,
  id: string,
  properties: Record<string, string>,
): Promise<void> {
  await client.crm[type].basicApi.update(id, { properties });
}

/** Deletes the record (HubSpot keeps it restorable for 90 days, then deletes it for good). */
export async function archiveRecord(client: Client, type: RecordType, id: string): Promise<void> {
  await client.crm[type].basicApi.archive(id);
}
