/**
 * The HubSpot record calls the deliveries make, always by a unique property, so that repeating any of them (a
 * retried job) finds or updates the same record instead of adding another. The batch calls take up to
 * `hubSpotBatchLimit` records a request; a record HubSpot refuses in a partial (207) answer comes back as its
 * own error, beside the others' records.
 */
import { AssociationTypes, type Client } from '@hubspot/api-client';
import {
  type AssociationSpec,
  AssociationSpecAssociationCategoryEnum,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import type { Filter, FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals/index.js';
import { HubSpotRecordMissing, HubSpotRefusal } from './outcome.ts';

type RecordType = 'contacts' | 'deals' | 'tickets';

/** The most inputs HubSpot's batch read, upsert and association endpoints take in one request. */
export const hubSpotBatchLimit = 100;

export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
}

/** A record to create or update, found by a unique property. */
export interface RecordWrite {
  idProperty: string;
  id: string;
  properties: Record<string, string>;
}

/** What a batch call came to for one of its inputs: the record, or why HubSpot did not write it. */
export type WriteResult = CrmRecord | HubSpotRefusal | HubSpotRecordMissing;

/** How HubSpot matches a unique property's value: email addresses in lower case, as it keeps them; others exactly. */
export const uniqueValueKey = (idProperty: string, value: string) =>
  idProperty === 'email' ? value.toLowerCase() : value;

/** Reads the records with these values of a unique property; the answer holds each found, by `uniqueValueKey`. */
export async function readRecords(
  client: Client,
  type: RecordType,
  idProperty: string,
  ids: readonly string[],
  properties: readonly string[],
): Promise<Map<string, CrmRecord>> {
  const inputs = [...new Set(ids.map((id) => uniqueValueKey(idProperty, id)))].map((id) => ({ id }));
  if (inputs.length === 0) return new Map();
  const answer = await client.crm[type].batchApi.read({
    idProperty,
    inputs,
    properties: [...new Set([...properties, idProperty])],
    propertiesWithHistory: [],
  });
  // A record that does not exist comes back as an OBJECT_NOT_FOUND error, next to the others' results.
  return new Map(
    answer.results.flatMap((record) => {
      const value = record.properties[idProperty];
      return value ? [[uniqueValueKey(idProperty, value), record] as const] : [];
    }),
  );
}

export async function findRecord(
  client: Client,
  type: RecordType,
  idProperty: string,
  id: string,
  properties: readonly string[],
): Promise<CrmRecord | undefined> {
  return (await readRecords(client, type, idProperty, [id], properties)).get(uniqueValueKey(idProperty, id));
}

interface BatchError {
  category: string;
  message: string;
  context?: Record<string, string[]>;
}

/** Categories of a record's error that a later attempt may get past. */
const passingErrorCategories = new Set(['OBJECT_NOT_FOUND', 'RATE_LIMITS']);

function recordError(error: BatchError | undefined, what: string): HubSpotRefusal | HubSpotRecordMissing {
  if (!error) return new HubSpotRecordMissing(`HubSpot answered nothing for the ${what}`);
  const description = `${error.category} ${error.message}`;
  return passingErrorCategories.has(error.category)
    ? new HubSpotRecordMissing(description)
    : new HubSpotRefusal(description);
}

/** Errors of a partial (207) answer, which the SDK returns rather than throws. */
const errorsOf = (answer: object): BatchError[] =>
  'errors' in answer && Array.isArray(answer.errors) ? (answer.errors as BatchError[]) : [];

/**
 * Creates or updates each record by its unique property, in one request; each write must name a different record
 * (HubSpot refuses a batch that names one twice). The answer is each write's result, in order.
 */
export async function upsertRecords(
  client: Client,
  type: RecordType,
  writes: readonly RecordWrite[],
): Promise<WriteResult[]> {
  if (writes.length === 0) return [];
  const answer = await client.crm[type].batchApi.upsert({
    // The unique value is written too, so that the answer's record can be told by it.
    inputs: writes.map(({ idProperty, id, properties }) => ({
      idProperty,
      id,
      properties: { ...properties, [idProperty]: id },
    })),
  });
  const errors = errorsOf(answer);
  const unclaimed = new Set(answer.results);
  return writes.map(({ idProperty, id }) => {
    const key = uniqueValueKey(idProperty, id);
    const record = [...unclaimed].find(
      (result) => uniqueValueKey(idProperty, result.properties[idProperty] ?? '') === key,
    );
    if (record) {
      unclaimed.delete(record);
      return record;
    }
    const error = errors.find(({ context }) =>
      Object.values(context ?? {}).some((ids) => ids.some((value) => uniqueValueKey(idProperty, value) === key)),
    );
    return recordError(error ?? (writes.length === 1 ? errors[0] : undefined), `${type} record`);
  });
}

export async function upsertRecord(
  client: Client,
  type: RecordType,
  idProperty: string,
  id: string,
  properties: Record<string, string>,
): Promise<CrmRecord> {
  const [result] = await upsertRecords(client, type, [{ idProperty, id, properties }]);
  if (result instanceof Error || result === undefined) throw result ?? recordError(undefined, `${type} record`);
  return result;
}

/** A deal to associate with a contact, under each of these types (labels). */
export interface DealContactPair {
  dealId: string;
  contactId: string;
  types: AssociationSpec[];
}

/**
 * Associates each deal with its contact, in one request (v4); setting an association again changes nothing. The
 * answer is each pair's result, in order: true, or why HubSpot did not associate them.
 */
export async function associateDealsWithContacts(
  client: Client,
  pairs: readonly DealContactPair[],
): Promise<(true | HubSpotRefusal | HubSpotRecordMissing)[]> {
  if (pairs.length === 0) return [];
  const answer = await client.crm.associations.v4.batchApi.create('deals', 'contacts', {
    inputs: pairs.map(({ dealId, contactId, types }) => ({ _from: { id: dealId }, to: { id: contactId }, types })),
  });
  const errors = errorsOf(answer);
  return pairs.map(({ dealId, contactId }) => {
    const done = answer.results.some(
      (result) => String(result.fromObjectId) === dealId && String(result.toObjectId) === contactId,
    );
    if (done) return true;
    const error = errors.find(({ context }) => context?.fromObjectId?.includes(dealId));
    return recordError(error, 'association of the deal with its contact');
  });
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

/** What a CRM search compares: a property, an operator, and a value or values. */
export interface SearchFilter {
  propertyName: string;
  operator: `${FilterOperatorEnum}`;
  value?: string;
  values?: string[];
}

/** The most records one page of a CRM search answers with. */
export const hubSpotSearchPageLimit = 200;

/**
 * The ids of up to `hubSpotSearchPageLimit` records matching every filter, oldest first. One page only: a caller
 * that deletes what it found finds the next ones by searching again.
 */
export async function searchRecordIds(
  client: Client,
  type: 'deals' | 'tickets',
  filters: readonly SearchFilter[],
): Promise<string[]> {
  const answer = await client.crm[type].searchApi.doSearch({
    // The SDK generates one enum of the same operators for each object type.
    filterGroups: [{ filters: filters as Filter[] }],
    properties: ['createdate'],
    sorts: ['createdate'],
    limit: hubSpotSearchPageLimit,
  });
  return answer.results.map(({ id }) => id);
}

/** Reads records by id, with these properties; ids HubSpot does not hold are left out. */
export async function readRecordsById(
  client: Client,
  type: RecordType,
  ids: readonly string[],
  properties: readonly string[],
): Promise<CrmRecord[]> {
  const records: CrmRecord[] = [];
  for (const chunk of chunks(ids)) {
    const answer = await client.crm[type].batchApi.read({
      inputs: chunk.map((id) => ({ id })),
      properties: [...properties],
      propertiesWithHistory: [],
    });
    records.push(...answer.results);
  }
  return records;
}

/** Each record's associated records of another type, by id (v4); a record HubSpot does not hold has none. */
export async function associatedIds(
  client: Client,
  from: RecordType,
  to: RecordType,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const associated = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const chunk of chunks(ids)) {
    const answer = await client.crm.associations.v4.batchApi.getPage(from, to, {
      inputs: chunk.map((id) => ({ id })),
    });
    for (const result of answer.results) {
      associated.set(result._from.id, [
        ...(associated.get(result._from.id) ?? []),
        ...result.to.map(({ toObjectId }) => String(toObjectId)),
      ]);
    }
  }
  return associated;
}

/** Deletes the records (HubSpot keeps them restorable for 90 days, then deletes them for good). */
export async function archiveRecords(client: Client, type: RecordType, ids: readonly string[]): Promise<void> {
  for (const chunk of chunks(ids)) {
    await client.crm[type].batchApi.archive({ inputs: chunk.map((id) => ({ id })) });
  }
}

/** Deletes the contact for good, with its history, as the GDPR delete does (HubSpot answers 204). */
export async function gdprDeleteContact(client: Client, id: string): Promise<void> {
  await client.crm.contacts.basicApi.purge({ objectId: id });
}

function chunks(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  return Array.from({ length: Math.ceil(unique.length / hubSpotBatchLimit) }, (_, at) =>
    unique.slice(at * hubSpotBatchLimit, (at + 1) * hubSpotBatchLimit),
  );
}
