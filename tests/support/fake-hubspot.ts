/**
 * A local fake of the HubSpot API with just the endpoints the CRM deliveries and `crm:setup` call, for
 * tests that drive the real SDK against it (basePath = `fake.url`). Records (contacts, deals, tickets) live in
 * memory and are found by their unique properties, so a duplicate contact, deal or ticket would show. It
 * refuses what HubSpot refuses and the site must not do: an unknown property or option, an upsert by a
 * property that is not unique, a unique value another record holds, a lifecycle stage moved backwards, a
 * deal or ticket stage outside its pipeline, a ticket without a subject, a ticket stage without an open or
 * closed state, an association of a type (HubSpot's own, or a label the account made) not defined between the
 * two objects, or with the wrong category. Association labels work as in the v4 associations schema API: each
 * pair of object types starts with HubSpot's own unlabelled type, and a label made for one direction is given a
 * type id for each direction. Every request is recorded, and failures can be injected: errors, delays and an
 * outage.
 *
 * The retention endpoints answer as HubSpot's public API spec says: the CRM search (filter groups OR'd, filters
 * AND'd, at most 200 a page, paging by `after`, dates compared in milliseconds), batch archive (204), the v4 batch
 * association read (an input with no associations is its own 207 error) and the contacts' GDPR delete (204; an
 * unknown record id 404). Every record has HubSpot's `createdate`, kept beside the site's properties. Lists v3:
 * a list is made once per name (case-insensitive), found by name (404 when there is none), and its property
 * filters must name properties that exist.
 *
 * The batch endpoints answer as HubSpot's do: at most 100 inputs a request; a request HubSpot cannot read at all
 * (an unknown property, an upsert by a property that is not unique, one record named twice) is a 400 for the whole
 * batch; a value refused for one record is that record's error in a 207, its context naming the record's id, beside
 * the others' results. Email addresses are matched and kept in lower case, as HubSpot keeps them. With
 * `requestsPerTenSeconds`, the fake keeps HubSpot's rolling ten-second limit: every answer carries the
 * X-HubSpot-RateLimit headers, and a request over the limit gets HubSpot's 429.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from '@hubspot/api-client';
import { createHubSpotClient, type HubSpotClientOptions } from '#functions/delivery/hubspot/client.ts';
import { setUpHubSpot } from '#functions/delivery/hubspot/setup.ts';

type ObjectType = 'contacts' | 'deals' | 'tickets';
type PipelineObjectType = 'deals' | 'tickets';

export interface RecordedRequest {
  method: string;
  /** With the query string. */
  path: string;
  /** The parsed JSON body, if any. */
  body: unknown;
  status: number;
  /** Date.now() when it arrived. */
  receivedAt: number;
}

export interface FakeRecord {
  id: string;
  properties: Record<string, string>;
}

export interface FakeOption {
  label: string;
  value: string;
  displayOrder?: number;
  hidden?: boolean;
}

export interface FakeProperty {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  hasUniqueValue?: boolean;
  options: FakeOption[];
}

export interface FakePipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: boolean;
  stages: { id: string; label: string; displayOrder: number; metadata: Record<string, string>; archived: boolean }[];
}

/** A deal's association with a contact under one type: HubSpot's own (unlabelled), or a label the account made. */
export interface FakeAssociation {
  dealId: string;
  contactId: string;
  category: AssociationCategory;
  associationTypeId: number;
  label: string | null;
}

type AssociationCategory = 'HUBSPOT_DEFINED' | 'USER_DEFINED';

/** An association type between two object types, as GET .../labels lists it. */
export interface FakeAssociationType {
  category: AssociationCategory;
  typeId: number;
  label: string | null;
}

export interface FakeTicketAssociation {
  ticketId: string;
  contactId: string;
  associationTypeId: number;
}

export interface InjectedFailure {
  status: number;
  /** Only for a request whose path contains this; the first request of all by default. */
  path?: string;
  headers?: Record<string, string>;
  /** HubSpot's error body; a plain one naming the status by default. */
  body?: unknown;
}

export interface FakeHubSpotOptions {
  /** HubSpot's rolling limit for the private app; unlimited by default. */
  requestsPerTenSeconds?: number;
}

export interface FakeHubSpot {
  readonly url: string;
  /** Every request in order, failed ones included. */
  readonly requests: RecordedRequest[];
  /** The most requests that arrived within any ten seconds, refused ones included. */
  busiestTenSeconds(): number;
  /** The live records: change one to play the front desk. */
  contacts(): FakeRecord[];
  deals(): FakeRecord[];
  tickets(): FakeRecord[];
  /** Deal-to-contact associations, one per type. */
  associations(): FakeAssociation[];
  /** The association types from one object type to another, HubSpot's own first. */
  associationTypes(fromObjectType: string, toObjectType: string): FakeAssociationType[];
  ticketAssociations(): FakeTicketAssociation[];
  /** The lists made through the Lists API. */
  lists(): (FakeListInput & { listId: string })[];
  /** The ids of the contacts deleted with the GDPR delete, in order. */
  gdprDeleted(): string[];
  /** Sets when HubSpot says a record was made (its createdate), as if it had been made then. */
  setCreatedAt(record: FakeRecord, at: Date): void;
  /** A deal or ticket that was in HubSpot before the test, its contact associated as the site's deliveries do. */
  addRecord(type: 'deals' | 'tickets', properties: Record<string, string>, contactId?: string): FakeRecord;
  /** The deal pipelines by default. */
  pipelines(objectType?: PipelineObjectType): FakePipeline[];
  properties(objectType: ObjectType): FakeProperty[];
  propertyGroups(objectType: ObjectType): string[];
  /** A contact that was in HubSpot before the test. */
  addContact(properties: Record<string, string>): FakeRecord;
  /** The next `count` requests (to `failure.path`, if given) fail with this answer. */
  failNext(count: number, failure: InjectedFailure): void;
  /** The next `count` requests (to `path`, if given) are answered only after `ms` (or never, before `stop`). */
  delayNext(count: number, ms: number, path?: string): void;
  /** While down, every request gets a 503. */
  setOutage(down: boolean): void;
  clearRequests(): void;
  /** Closes every connection; stopping twice is fine. */
  stop(): Promise<void>;
}

const builtInProperties: Record<ObjectType, FakeProperty[]> = {
  contacts: [
    builtIn('createdate', { type: 'datetime' }),
    builtIn('num_conversion_events', { type: 'number' }),
    builtIn('email', { hasUniqueValue: true }),
    builtIn('firstname'),
    builtIn('lastname'),
    builtIn('mobilephone'),
    builtIn('lifecyclestage', {
      type: 'enumeration',
      options: [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ].map((value, displayOrder) => ({ label: value, value, displayOrder })),
    }),
  ],
  deals: [builtIn('createdate', { type: 'datetime' }), builtIn('dealname'), builtIn('pipeline'), builtIn('dealstage')],
  tickets: [
    builtIn('createdate', { type: 'datetime' }),
    builtIn('subject'),
    builtIn('content'),
    builtIn('hs_pipeline'),
    builtIn('hs_pipeline_stage'),
    builtIn('hs_ticket_priority', {
      type: 'enumeration',
      options: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'].map((value, displayOrder) => ({
        label: value,
        value,
        displayOrder,
      })),
    }),
  ],
};

function builtIn(name: string, details: Partial<FakeProperty> = {}): FakeProperty {
  return { name, label: name, type: 'string', fieldType: 'text', groupName: 'builtin', options: [], ...details };
}

/** HubSpot's own ticket pipeline, which every account has: "0", with stages "1" to "4". */
function supportPipeline(): FakePipeline {
  const stage = (id: string, label: string, ticketState: string) => ({
    id,
    label,
    displayOrder: Number(id) - 1,
    metadata: { ticketState },
    archived: false,
  });
  return {
    id: '0',
    label: 'Support Pipeline',
    displayOrder: 0,
    archived: false,
    stages: [
      stage('1', 'New', 'OPEN'),
      stage('2', 'Waiting on contact', 'OPEN'),
      stage('3', 'Waiting on us', 'OPEN'),
      stage('4', 'Closed', 'CLOSED'),
    ],
  };
}

/** HubSpot's own (unlabelled) association types between the object types the site uses, each way. */
function hubSpotAssociationTypes(): Map<string, FakeAssociationType[]> {
  const own = (typeId: number): FakeAssociationType[] => [{ category: 'HUBSPOT_DEFINED', typeId, label: null }];
  return new Map([
    ['deals/contacts', own(3)],
    ['contacts/deals', own(4)],
    ['contacts/tickets', own(15)],
    ['tickets/contacts', own(16)],
  ]);
}

function salesPipeline(): FakePipeline {
  const stage = (id: string, displayOrder: number) => ({
    id,
    label: id,
    displayOrder,
    metadata: { probability: '0.5' },
    archived: false,
  });
  return {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    archived: false,
    stages: [stage('appointmentscheduled', 0), stage('closedwon', 1)],
  };
}

/** An answer to a request; thrown by the handlers for an error. */
class Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const error = (status: number, category: string, message: string) =>
  new Answer(status, { status: 'error', category, message, correlationId: 'fake-correlation-id' });

const now = () => new Date().toISOString();
const batchLimit = 100;
const searchLimit = 200;
const tenSeconds = 10_000;
/** How HubSpot compares a unique property's values: email addresses regardless of case. */
const sameValue = (name: string, stored: string | undefined, wanted: string) =>
  name === 'email' ? stored?.toLowerCase() === wanted.toLowerCase() : stored === wanted;
const storedValues = (properties: Record<string, string>) =>
  properties.email === undefined ? properties : { ...properties, email: properties.email.toLowerCase() };
const batchAnswer = (status: number, results: unknown[], errors: unknown[] = []) =>
  new Answer(status, {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 && { errors, numErrors: errors.length }),
    startedAt: now(),
    completedAt: now(),
  });

export async function startFakeHubSpot({ requestsPerTenSeconds }: FakeHubSpotOptions = {}): Promise<FakeHubSpot> {
  const records: Record<ObjectType, FakeRecord[]> = { contacts: [], deals: [], tickets: [] };
  const schema: Record<ObjectType, FakeProperty[]> = {
    contacts: [...builtInProperties.contacts],
    deals: [...builtInProperties.deals],
    tickets: [...builtInProperties.tickets],
  };
  const groups: Record<ObjectType, string[]> = {
    contacts: ['contactinformation'],
    deals: ['dealinformation'],
    tickets: ['ticketinformation'],
  };
  const pipelines: Record<PipelineObjectType, FakePipeline[]> = {
    deals: [salesPipeline()],
    tickets: [supportPipeline()],
  };
  const associations: FakeAssociation[] = [];
  const gdprDeleted: string[] = [];
  const lists: (FakeListInput & { listId: string })[] = [];
  /** HubSpot's own createdate, kept beside the properties the site writes (which tests compare whole). */
  const createdAt = new WeakMap<FakeRecord, string>();
  const propertyValue = (record: FakeRecord, name: string) =>
    name === 'hs_object_id' ? record.id : name === 'createdate' ? createdAt.get(record) : record.properties[name];
  const ticketAssociations: FakeTicketAssociation[] = [];
  const associationTypes = hubSpotAssociationTypes();
  const labelNames = new Set<string>();
  let nextAssociationTypeId = 500;
  const requests: RecordedRequest[] = [];
  const failures: InjectedFailure[] = [];
  const delays: { ms: number; path: string | undefined }[] = [];
  const pendingDelays = new Set<() => void>();
  let outage = false;
  let nextId = 1001;

  const propertyOf = (type: ObjectType, name: string) => schema[type].find((property) => property.name === name);
  const findBy = (type: ObjectType, name: string, value: string) =>
    records[type].find((record) =>
      name === 'hs_object_id' ? record.id === value : sameValue(name, record.properties[name], value),
    );

  function checkPropertiesExist(type: ObjectType, properties: Record<string, string>) {
    const unknown = Object.keys(properties).find((name) => !propertyOf(type, name));
    if (unknown) throw error(400, 'VALIDATION_ERROR', `Property "${unknown}" does not exist`);
  }

  function checkProperties(type: ObjectType, record: FakeRecord | undefined, properties: Record<string, string>) {
    checkPropertiesExist(type, properties);
    for (const [name, value] of Object.entries(properties)) {
      const property = propertyOf(type, name) as FakeProperty;
      if (property.options.length > 0 && value !== '' && !property.options.some((option) => option.value === value)) {
        throw error(400, 'VALIDATION_ERROR', `${value} was not one of the allowed options for ${name}`);
      }
      const holder = property.hasUniqueValue && value !== '' ? findBy(type, name, value) : undefined;
      if (holder && holder !== record) {
        throw error(
          409,
          'CONFLICT',
          `A ${type} record with ${name} "${value}" already exists. Existing ID: ${holder.id}`,
        );
      }
    }
    const current = record?.properties.lifecyclestage;
    if (type === 'contacts' && current && properties.lifecyclestage) {
      const order = propertyOf(type, 'lifecyclestage')?.options.map((option) => option.value) ?? [];
      if (order.indexOf(properties.lifecyclestage) < order.indexOf(current)) {
        throw error(400, 'VALIDATION_ERROR', `lifecyclestage cannot move backwards from ${current}`);
      }
    }
    if (type === 'deals') {
      const pipelineId = properties.pipeline ?? record?.properties.pipeline;
      const stageId = properties.dealstage ?? record?.properties.dealstage;
      const pipeline = pipelines.deals.find((candidate) => candidate.id === pipelineId);
      if (!pipeline?.stages.some((stage) => stage.id === stageId)) {
        throw error(400, 'VALIDATION_ERROR', `dealstage ${stageId} is not in pipeline ${pipelineId}`);
      }
    }
    if (type === 'tickets') {
      if (!(properties.subject ?? record?.properties.subject)) {
        throw error(400, 'VALIDATION_ERROR', 'Property values were not valid: subject is required');
      }
      // HubSpot puts a ticket without a pipeline in its default one.
      const pipelineId = properties.hs_pipeline ?? record?.properties.hs_pipeline ?? '0';
      const stageId = properties.hs_pipeline_stage ?? record?.properties.hs_pipeline_stage;
      const pipeline = pipelines.tickets.find((candidate) => candidate.id === pipelineId);
      if (!pipeline?.stages.some((stage) => stage.id === stageId)) {
        throw error(400, 'VALIDATION_ERROR', `hs_pipeline_stage ${stageId} is not in pipeline ${pipelineId}`);
      }
    }
  }

  function addRecord(type: ObjectType, properties: Record<string, string>): FakeRecord {
    const record = { id: String(nextId++), properties: storedValues(properties) };
    createdAt.set(record, now());
    records[type].push(record);
    return record;
  }

  function checkBatchSize(inputs: unknown[] | undefined) {
    if (!Array.isArray(inputs) || inputs.length === 0) throw error(400, 'VALIDATION_ERROR', 'inputs must not be empty');
    if (inputs.length > batchLimit) {
      throw error(400, 'VALIDATION_ERROR', `A batch takes at most ${batchLimit} inputs, not ${inputs.length}`);
    }
  }

  function readRecords(type: ObjectType, body: BatchReadBody): Answer {
    checkBatchSize(body.inputs);
    const idProperty = body.idProperty ?? 'hs_object_id';
    if (idProperty !== 'hs_object_id' && !propertyOf(type, idProperty)?.hasUniqueValue) {
      throw error(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property`);
    }
    const found = body.inputs.map(({ id }) => findBy(type, idProperty, id));
    const results = found
      .filter((record) => record !== undefined)
      .map((record) => ({
        id: record.id,
        properties: Object.fromEntries(
          [...body.properties, 'hs_object_id'].map((name) => [name, propertyValue(record, name) ?? null]),
        ),
        createdAt: now(),
        updatedAt: now(),
        archived: false,
      }));
    const missing = body.inputs.filter((_, index) => found[index] === undefined).map(({ id }) => id);
    if (missing.length === 0) return batchAnswer(200, results);
    return batchAnswer(207, results, [
      {
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        message: 'Could not get some objects, they may be deleted or not exist.',
        context: { ids: missing },
        errors: [],
      },
    ]);
  }

  /** The whole batch is refused for what HubSpot cannot read; each record is then written, or refused alone. */
  function upsertRecords(type: ObjectType, body: UpsertBody): Answer {
    checkBatchSize(body.inputs);
    for (const { idProperty = '', properties } of body.inputs) {
      if (!propertyOf(type, idProperty)?.hasUniqueValue) {
        throw error(400, 'VALIDATION_ERROR', `${idProperty} is not a unique property`);
      }
      checkPropertiesExist(type, properties ?? {});
    }
    const named = body.inputs.map(
      ({ idProperty = '', id }) => `${idProperty}=${storedValues({ [idProperty]: id })[idProperty]}`,
    );
    if (new Set(named).size < named.length) {
      throw error(400, 'VALIDATION_ERROR', 'Duplicate IDs found in batch input: each record may be named once');
    }
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const { idProperty = '', id, properties } of body.inputs) {
      const existing = findBy(type, idProperty, id);
      const values = storedValues({ ...properties, [idProperty]: id });
      try {
        checkProperties(type, existing, values);
      } catch (refused) {
        if (!(refused instanceof Answer)) throw refused;
        errors.push({ ...(refused.body as object), status: 'error', context: { ids: [id] }, errors: [], links: {} });
        continue;
      }
      const record = existing ?? addRecord(type, {});
      Object.assign(record.properties, values);
      results.push({
        id: record.id,
        properties: record.properties,
        createdAt: now(),
        updatedAt: now(),
        new: !existing,
      });
    }
    return batchAnswer(errors.length > 0 ? 207 : 200, results, errors);
  }

  /** POST /crm/v4/associations/{from}/contacts/batch/create: each pair associated, or its own error. */
  function associateInBatch(type: PipelineObjectType, body: AssociationBatchBody): Answer {
    checkBatchSize(body?.inputs);
    const results: unknown[] = [];
    const errors: unknown[] = [];
    for (const { from, to, types } of body.inputs) {
      try {
        results.push(associate(type, from?.id ?? '', to?.id ?? '', types).body);
      } catch (refused) {
        if (!(refused instanceof Answer)) throw refused;
        errors.push({
          ...(refused.body as object),
          status: 'error',
          context: { fromObjectId: [from?.id ?? ''], toObjectId: [to?.id ?? ''] },
          errors: [],
          links: {},
        });
      }
    }
    return batchAnswer(errors.length > 0 ? 207 : 201, results, errors);
  }

  function associate(
    type: PipelineObjectType,
    id: string,
    contactId: string,
    specs: { associationCategory?: string; associationTypeId?: number }[],
  ): Answer {
    if (!Array.isArray(specs) || specs.length === 0) {
      throw error(400, 'VALIDATION_ERROR', 'The request body must be a non-empty list of association types');
    }
    const defined = associationTypes.get(`${type}/contacts`) ?? [];
    const types = specs.map(({ associationCategory, associationTypeId }) => {
      const found = defined.find(
        (candidate) => candidate.typeId === associationTypeId && candidate.category === associationCategory,
      );
      if (!found) {
        throw error(
          400,
          'VALIDATION_ERROR',
          `${associationCategory} ${associationTypeId} is not a valid ${type} to contacts association type`,
        );
      }
      return found;
    });
    if (!findBy(type, 'hs_object_id', id) || !findBy('contacts', 'hs_object_id', contactId)) {
      throw error(404, 'OBJECT_NOT_FOUND', 'No such record');
    }
    for (const { category, typeId, label } of types) {
      if (type === 'deals') {
        const known = associations.some(
          (association) =>
            association.dealId === id &&
            association.contactId === contactId &&
            association.associationTypeId === typeId,
        );
        if (!known) associations.push({ dealId: id, contactId, category, associationTypeId: typeId, label });
      } else {
        const known = ticketAssociations.some(
          (association) =>
            association.ticketId === id &&
            association.contactId === contactId &&
            association.associationTypeId === typeId,
        );
        if (!known) ticketAssociations.push({ ticketId: id, contactId, associationTypeId: typeId });
      }
    }
    const labels =
      type === 'deals'
        ? associations
            .filter((association) => association.dealId === id && association.contactId === contactId)
            .flatMap(({ label }) => (label === null ? [] : [label]))
        : [];
    return new Answer(201, {
      fromObjectTypeId: type === 'deals' ? '0-3' : '0-5',
      fromObjectId: id,
      toObjectTypeId: '0-1',
      toObjectId: contactId,
      labels,
    });
  }

  /** POST /crm/v4/associations/{from}/{to}/labels: a label for the pair, with a type id for each direction. */
  function createAssociationLabel(from: string, to: string, body: LabelBody): Answer {
    if (!body?.label || !body.name) throw error(400, 'VALIDATION_ERROR', 'label and name are required');
    const pair = associationTypes.get(`${from}/${to}`);
    const inverse = associationTypes.get(`${to}/${from}`);
    if (!pair || !inverse) throw error(400, 'VALIDATION_ERROR', `No associations between ${from} and ${to}`);
    if (labelNames.has(`${from}/${to}/${body.name}`)) {
      throw error(409, 'CONFLICT', `An association definition named ${body.name} already exists`);
    }
    labelNames.add(`${from}/${to}/${body.name}`);
    const forward: FakeAssociationType = {
      category: 'USER_DEFINED',
      typeId: nextAssociationTypeId++,
      label: body.label,
    };
    const backward: FakeAssociationType = {
      category: 'USER_DEFINED',
      typeId: nextAssociationTypeId++,
      label: body.inverseLabel ?? body.label,
    };
    pair.push(forward);
    inverse.push(backward);
    return new Answer(200, { results: [forward, backward] });
  }

  function archiveRecord(type: ObjectType, id: string): Answer {
    const index = records[type].findIndex((record) => record.id === id);
    if (index !== -1) records[type].splice(index, 1);
    if (type === 'deals') {
      for (let at = associations.length - 1; at >= 0; at--) {
        if (associations[at]?.dealId === id) associations.splice(at, 1);
      }
    }
    for (let at = ticketAssociations.length - 1; at >= 0; at--) {
      const association = ticketAssociations[at];
      if (
        (type === 'tickets' && association?.ticketId === id) ||
        (type === 'contacts' && association?.contactId === id)
      ) {
        ticketAssociations.splice(at, 1);
      }
    }
    // HubSpot answers 204 whether or not the record existed.
    return new Answer(204, undefined);
  }

  function updateRecord(type: ObjectType, id: string, body: { properties?: Record<string, string> }): Answer {
    const record = findBy(type, 'hs_object_id', id);
    if (!record) throw error(404, 'OBJECT_NOT_FOUND', `Object not found. objectId are usually numeric.`);
    const properties = body?.properties ?? {};
    checkProperties(type, record, properties);
    Object.assign(record.properties, properties);
    return new Answer(200, { id: record.id, properties: record.properties, createdAt: now(), updatedAt: now() });
  }

  function createProperties(type: ObjectType, inputs: FakeProperty[]): Answer {
    for (const input of inputs) {
      if (propertyOf(type, input.name)) throw error(409, 'OBJECT_ALREADY_EXISTS', `${input.name} already exists`);
      if (!groups[type].includes(input.groupName)) throw error(400, 'VALIDATION_ERROR', `No group ${input.groupName}`);
      schema[type].push({ ...input, options: input.options ?? [] });
    }
    return batchAnswer(201, inputs);
  }

  function updateProperty(type: ObjectType, name: string, update: Partial<FakeProperty>): Answer {
    const property = propertyOf(type, name);
    if (!property) throw error(404, 'OBJECT_NOT_FOUND', `No property ${name}`);
    Object.assign(property, update);
    return new Answer(200, property);
  }

  function createPipeline(type: PipelineObjectType, input: PipelineBody): Answer {
    if (type === 'tickets') {
      const stateless = input.stages.find(({ metadata }) => !['OPEN', 'CLOSED'].includes(metadata?.ticketState ?? ''));
      if (stateless) {
        throw error(400, 'VALIDATION_ERROR', `Stage ${stateless.label} needs metadata.ticketState OPEN or CLOSED`);
      }
    }
    const pipeline: FakePipeline = {
      id: String(nextId++),
      label: input.label,
      displayOrder: input.displayOrder,
      archived: false,
      stages: input.stages.map((stage) => ({
        ...stage,
        metadata: stage.metadata ?? {},
        id: String(nextId++),
        archived: false,
      })),
    };
    pipelines[type].push(pipeline);
    return new Answer(201, pipeline);
  }

  /** POST /crm/v3/objects/{type}/search: filter groups OR'd, filters within a group AND'd; pages of at most 200. */
  function searchRecords(type: ObjectType, body: SearchBody): Answer {
    const limit = body?.limit ?? 10;
    if (limit > searchLimit) throw error(400, 'VALIDATION_ERROR', `limit must be at most ${searchLimit}`);
    const groups = body?.filterGroups ?? [];
    if (groups.length > 6) throw error(400, 'VALIDATION_ERROR', 'At most 6 filter groups');
    for (const { filters } of groups) {
      for (const { propertyName } of filters) {
        if (propertyName !== 'hs_object_id' && !propertyOf(type, propertyName)) {
          throw error(400, 'VALIDATION_ERROR', `Property "${propertyName}" does not exist`);
        }
      }
    }
    const matching = records[type].filter(
      (record) =>
        groups.length === 0 || groups.some(({ filters }) => filters.every((filter) => matches(record, filter))),
    );
    const sorted = (body?.sorts ?? []).includes('createdate')
      ? matching.toSorted(
          (a, b) => Date.parse(a.properties.createdate ?? '') - Date.parse(b.properties.createdate ?? ''),
        )
      : matching;
    const offset = Number(body?.after ?? 0);
    const page = sorted.slice(offset, offset + limit);
    const next = offset + limit < sorted.length ? String(offset + limit) : undefined;
    return new Answer(200, {
      total: sorted.length,
      results: page.map((record) => ({
        id: record.id,
        properties: Object.fromEntries(
          [...(body?.properties ?? []), 'hs_object_id', 'createdate'].map((name) => [
            name,
            propertyValue(record, name) ?? null,
          ]),
        ),
        createdAt: createdAt.get(record),
        updatedAt: now(),
        archived: false,
      })),
      ...(next && { paging: { next: { after: next, link: `?after=${next}` } } }),
    });
  }

  function matches(record: FakeRecord, { propertyName, operator, value, values }: SearchFilterBody): boolean {
    const stored = propertyValue(record, propertyName);
    // Dates compare as HubSpot takes them in a filter, milliseconds since 1970; numbers as numbers.
    const comparable = (text: string | undefined) => (/^\d+$/.test(text ?? '') ? Number(text) : Date.parse(text ?? ''));
    switch (operator) {
      case 'EQ':
        return stored === value;
      case 'NEQ':
        return stored !== value;
      case 'IN':
        return (values ?? []).includes(stored ?? '');
      case 'NOT_IN':
        return !(values ?? []).includes(stored ?? '');
      case 'HAS_PROPERTY':
        return stored !== undefined && stored !== '';
      case 'NOT_HAS_PROPERTY':
        return stored === undefined || stored === '';
      case 'LT':
        return comparable(stored) < comparable(value);
      case 'LTE':
        return comparable(stored) <= comparable(value);
      case 'GT':
        return comparable(stored) > comparable(value);
      case 'GTE':
        return comparable(stored) >= comparable(value);
      default:
        throw error(400, 'VALIDATION_ERROR', `Unsupported operator ${operator}`);
    }
  }

  /** POST /crm/v3/objects/{type}/batch/archive: 204, whether or not each record existed. */
  function archiveInBatch(type: ObjectType, body: { inputs?: { id: string }[] }): Answer {
    checkBatchSize(body?.inputs);
    for (const { id } of body.inputs ?? []) archiveRecord(type, id);
    return new Answer(204, undefined);
  }

  /** The pairs of records associated between two object types, from the first's side. */
  function associationPairs(
    from: ObjectType,
    to: ObjectType,
  ): { from: string; to: string; typeId: number; label: string | null; category: AssociationCategory }[] {
    const deals = associations.map(({ dealId, contactId, associationTypeId, label, category }) => ({
      deal: dealId,
      contact: contactId,
      typeId: associationTypeId,
      label,
      category,
    }));
    const tickets = ticketAssociations.map(({ ticketId, contactId, associationTypeId }) => ({
      ticket: ticketId,
      contact: contactId,
      typeId: associationTypeId,
      label: null,
      category: 'HUBSPOT_DEFINED' as const,
    }));
    if (from === 'deals' && to === 'contacts')
      return deals.map((pair) => ({ ...pair, from: pair.deal, to: pair.contact }));
    if (from === 'contacts' && to === 'deals')
      return deals.map((pair) => ({ ...pair, from: pair.contact, to: pair.deal, typeId: 4 }));
    if (from === 'tickets' && to === 'contacts')
      return tickets.map((pair) => ({ ...pair, from: pair.ticket, to: pair.contact }));
    if (from === 'contacts' && to === 'tickets')
      return tickets.map((pair) => ({ ...pair, from: pair.contact, to: pair.ticket, typeId: 15 }));
    throw error(400, 'VALIDATION_ERROR', `No associations between ${from} and ${to}`);
  }

  /**
   * POST /crm/v4/associations/{from}/{to}/batch/read: each input's associated records with their types; an input
   * with none is an error of its own in a 207, as HubSpot answers.
   */
  function readAssociations(from: ObjectType, to: ObjectType, body: { inputs?: { id: string }[] }): Answer {
    checkBatchSize(body?.inputs);
    const pairs = associationPairs(from, to);
    const results: unknown[] = [];
    const missing: string[] = [];
    for (const { id } of body.inputs ?? []) {
      const mine = pairs.filter((pair) => pair.from === id);
      if (mine.length === 0) {
        missing.push(id);
        continue;
      }
      const targets = [...new Set(mine.map((pair) => pair.to))];
      results.push({
        from: { id },
        to: targets.map((target) => ({
          toObjectId: Number(target),
          associationTypes: mine
            .filter((pair) => pair.to === target)
            .map(({ typeId, label, category }) => ({ category, typeId, label })),
        })),
      });
    }
    const errors = missing.map((id) => ({
      status: 'error',
      category: 'OBJECT_NOT_FOUND',
      subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
      message: `No ${to} is associated with ${from} ${id}.`,
      context: { fromObjectId: [id] },
      errors: [],
    }));
    return batchAnswer(errors.length > 0 ? 207 : 200, results, errors);
  }

  /** POST /crm/v3/objects/contacts/gdpr-delete: the contact and its associations gone for good; 204. */
  function gdprDelete(body: { objectId?: string; idProperty?: string }): Answer {
    if (!body?.objectId) throw error(400, 'VALIDATION_ERROR', 'objectId is required');
    const idProperty = body.idProperty ?? 'hs_object_id';
    const contact = findBy('contacts', idProperty, body.objectId);
    // An email HubSpot does not hold is blocklisted instead; an unknown record id is not found.
    if (!contact && idProperty !== 'email') throw error(404, 'OBJECT_NOT_FOUND', 'Object not found');
    if (contact) {
      records.contacts.splice(records.contacts.indexOf(contact), 1);
      for (const list of [associations, ticketAssociations]) {
        for (let at = list.length - 1; at >= 0; at--) if (list[at]?.contactId === contact.id) list.splice(at, 1);
      }
      gdprDeleted.push(contact.id);
    }
    return new Answer(204, undefined);
  }

  /** POST /crm/v3/lists: a list of a unique name, its property filters naming properties that exist. */
  function createList(body: FakeListInput): Answer {
    if (!body?.name || !body.objectTypeId || !body.processingType) {
      throw error(400, 'VALIDATION_ERROR', 'name, objectTypeId and processingType are required');
    }
    if (!['DYNAMIC', 'MANUAL', 'SNAPSHOT'].includes(body.processingType)) {
      throw error(400, 'VALIDATION_ERROR', `Unknown processingType ${body.processingType}`);
    }
    if (lists.some(({ name }) => name.toLowerCase() === body.name.toLowerCase())) {
      throw error(400, 'VALIDATION_ERROR', `A list named ${body.name} already exists`);
    }
    const branch = body.filterBranch;
    if (body.processingType === 'DYNAMIC' && branch?.filterBranchType !== 'OR') {
      throw error(400, 'VALIDATION_ERROR', 'A dynamic list needs an OR filter branch at its root');
    }
    const type = body.objectTypeId === '0-1' ? 'contacts' : undefined;
    for (const filter of filtersIn(branch)) {
      if (!type || !propertyOf(type, filter.property ?? '')) {
        throw error(400, 'VALIDATION_ERROR', `Property ${filter.property} does not exist`);
      }
    }
    const list = {
      ...body,
      listId: String(nextId++),
      listVersion: 1,
      processingStatus: 'PROCESSING',
      createdAt: now(),
      updatedAt: now(),
    };
    lists.push(list);
    return new Answer(200, { list });
  }

  function filtersIn(branch: FakeFilterBranch | undefined): { property?: string }[] {
    if (!branch) return [];
    return [...(branch.filters ?? []), ...(branch.filterBranches ?? []).flatMap(filtersIn)];
  }

  function route(method: string, path: string, body: unknown): Answer {
    if (path === '/crm/v3/lists' && method === 'POST') return createList(body as FakeListInput);
    const listByName = /^\/crm\/v3\/lists\/object-type-id\/([\d-]+)\/name\/([^/]+)$/.exec(path);
    if (listByName && method === 'GET') {
      const [, objectTypeId, name = ''] = listByName;
      const list = lists.find(
        (candidate) =>
          candidate.objectTypeId === objectTypeId &&
          candidate.name.toLowerCase() === decodeURIComponent(name).toLowerCase(),
      );
      if (!list) throw error(404, 'OBJECT_NOT_FOUND', 'List does not exist');
      return new Answer(200, { list });
    }
    if (path === '/crm/v3/objects/contacts/gdpr-delete' && method === 'POST') {
      return gdprDelete(body as { objectId?: string; idProperty?: string });
    }
    let match = /^\/crm\/v3\/objects\/(contacts|deals|tickets)\/(search|batch\/archive)$/.exec(path);
    if (match && method === 'POST') {
      const type = match[1] as ObjectType;
      return match[2] === 'search'
        ? searchRecords(type, body as SearchBody)
        : archiveInBatch(type, body as { inputs?: { id: string }[] });
    }
    match = /^\/crm\/v4\/associations\/(contacts|deals|tickets)\/(contacts|deals|tickets)\/batch\/read$/.exec(path);
    if (match && method === 'POST') {
      return readAssociations(match[1] as ObjectType, match[2] as ObjectType, body as { inputs?: { id: string }[] });
    }
    match = /^\/crm\/v3\/objects\/(contacts|deals|tickets)\/batch\/(read|upsert)$/.exec(path);
    if (match && method === 'POST') {
      const type = match[1] as ObjectType;
      return match[2] === 'read' ? readRecords(type, body as BatchReadBody) : upsertRecords(type, body as UpsertBody);
    }
    match = /^\/crm\/v3\/objects\/(contacts|deals|tickets)\/(\d+)$/.exec(path);
    if (match && method === 'DELETE') return archiveRecord(match[1] as ObjectType, match[2] ?? '');
    if (match && method === 'PATCH') {
      return updateRecord(match[1] as ObjectType, match[2] ?? '', body as { properties?: Record<string, string> });
    }
    match = /^\/crm\/v4\/objects\/(deals|tickets)\/(\w+)\/associations\/contacts\/(\w+)$/.exec(path);
    if (match && method === 'PUT') {
      const type = match[1] as PipelineObjectType;
      return associate(type, match[2] ?? '', match[3] ?? '', body as { associationTypeId: number }[]);
    }
    match = /^\/crm\/v4\/associations\/(deals)\/contacts\/batch\/create$/.exec(path);
    if (match && method === 'POST') return associateInBatch('deals', body as AssociationBatchBody);
    match = /^\/crm\/v4\/associations\/(\w+)\/(\w+)\/labels$/.exec(path);
    if (match) {
      const [, from = '', to = ''] = match;
      if (method === 'GET') {
        const types = associationTypes.get(`${from}/${to}`);
        if (!types) throw error(400, 'VALIDATION_ERROR', `No associations between ${from} and ${to}`);
        return new Answer(200, { results: types });
      }
      if (method === 'POST') return createAssociationLabel(from, to, body as LabelBody);
    }
    match = /^\/crm\/v3\/properties\/(contacts|deals|tickets)(?:\/(groups|batch\/create|\w+))?$/.exec(path);
    if (match) {
      const type = match[1] as ObjectType;
      const rest = match[2];
      if (rest === undefined && method === 'GET') return new Answer(200, { results: schema[type] });
      if (rest === 'batch/create' && method === 'POST') {
        return createProperties(type, (body as { inputs: FakeProperty[] }).inputs);
      }
      if (rest === 'groups' && method === 'GET') {
        return new Answer(200, {
          results: groups[type].map((name, displayOrder) => ({ name, label: name, displayOrder, archived: false })),
        });
      }
      if (rest === 'groups' && method === 'POST') {
        const group = body as { name: string; label: string };
        if (groups[type].includes(group.name)) throw error(409, 'OBJECT_ALREADY_EXISTS', `${group.name} exists`);
        groups[type].push(group.name);
        return new Answer(201, { ...group, displayOrder: -1, archived: false });
      }
      if (rest !== undefined && method === 'PATCH') return updateProperty(type, rest, body as Partial<FakeProperty>);
    }
    match = /^\/crm\/v3\/pipelines\/(deals|tickets)$/.exec(path);
    if (match) {
      const type = match[1] as PipelineObjectType;
      if (method === 'GET') return new Answer(200, { results: pipelines[type] });
      if (method === 'POST') return createPipeline(type, body as PipelineBody);
    }
    throw error(404, 'OBJECT_NOT_FOUND', `The fake has no ${method} ${path}`);
  }

  /** HubSpot's headers on every answer to a private app, and its 429 for a request over the rolling limit. */
  function rateLimited(receivedAt: number): { headers: Record<string, string>; refusal?: Answer } {
    if (requestsPerTenSeconds === undefined) return { headers: {} };
    const inWindow = 1 + requests.filter(({ receivedAt: at }) => receivedAt - at < tenSeconds).length;
    const headers = {
      'x-hubspot-ratelimit-interval-milliseconds': String(tenSeconds),
      'x-hubspot-ratelimit-max': String(requestsPerTenSeconds),
      'x-hubspot-ratelimit-remaining': String(Math.max(0, requestsPerTenSeconds - inWindow)),
      'x-hubspot-ratelimit-daily': '1000000',
      'x-hubspot-ratelimit-daily-remaining': String(1_000_000 - requests.length),
    };
    if (inWindow <= requestsPerTenSeconds) return { headers };
    const refusal = new Answer(
      429,
      {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        errorType: 'RATE_LIMIT',
        correlationId: 'fake-correlation-id',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
      headers,
    );
    return { headers, refusal };
  }

  async function answer(request: IncomingMessage, body: unknown): Promise<Answer> {
    if (outage) return error(503, 'SERVICE_UNAVAILABLE', 'Service Unavailable');
    const url = new URL(request.url ?? '/', 'http://fake');
    const failureIndex = failures.findIndex(({ path }) => path === undefined || url.pathname.includes(path));
    const [failure] = failureIndex === -1 ? [] : failures.splice(failureIndex, 1);
    if (failure) {
      return new Answer(
        failure.status,
        failure.body ?? { status: 'error', category: 'INJECTED', message: `Injected ${failure.status}` },
        failure.headers,
      );
    }
    const delayIndex = delays.findIndex(({ path }) => path === undefined || url.pathname.includes(path));
    const [delay] = delayIndex === -1 ? [] : delays.splice(delayIndex, 1);
    // HubSpot still carries out a request whose caller stopped waiting: the answer is late, not the write.
    if (delay !== undefined) await wait(delay.ms);
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      return error(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.');
    }
    try {
      return route(request.method ?? 'GET', url.pathname, body);
    } catch (thrown) {
      if (thrown instanceof Answer) return thrown;
      throw thrown;
    }
  }

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        pendingDelays.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      pendingDelays.add(done);
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const text = await readBody(request);
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    const recorded: RecordedRequest = {
      method: request.method ?? '',
      path: request.url ?? '',
      body,
      status: 0,
      receivedAt: Date.now(),
    };
    const limit = rateLimited(recorded.receivedAt);
    requests.push(recorded);
    const given = limit.refusal ?? (await answer(request, body));
    const { status, body: answerBody } = given;
    const headers = { ...limit.headers, ...given.headers };
    recorded.status = status;
    if (response.destroyed) return;
    if (answerBody === undefined) {
      response.writeHead(status, headers);
      response.end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers });
    response.end(JSON.stringify(answerBody));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((thrown: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: 'error', message: String(thrown) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    busiestTenSeconds: () =>
      Math.max(
        0,
        ...requests.map(
          ({ receivedAt }, at) =>
            requests.slice(at).filter((later) => later.receivedAt - receivedAt < tenSeconds).length,
        ),
      ),
    contacts: () => records.contacts,
    deals: () => records.deals,
    tickets: () => records.tickets,
    associations: () => associations,
    associationTypes: (from, to) => associationTypes.get(`${from}/${to}`) ?? [],
    ticketAssociations: () => ticketAssociations,
    gdprDeleted: () => gdprDeleted,
    lists: () => lists,
    setCreatedAt: (record, at) => {
      createdAt.set(record, at.toISOString());
    },
    addRecord: (type, properties, contactId) => {
      const record = addRecord(type, properties);
      if (contactId && type === 'deals') {
        associations.push({
          dealId: record.id,
          contactId,
          category: 'HUBSPOT_DEFINED',
          associationTypeId: 3,
          label: null,
        });
      }
      if (contactId && type === 'tickets')
        ticketAssociations.push({ ticketId: record.id, contactId, associationTypeId: 16 });
      return record;
    },
    pipelines: (type = 'deals') => pipelines[type],
    properties: (type) => schema[type],
    propertyGroups: (type) => groups[type],
    addContact: (properties) => addRecord('contacts', properties),
    failNext: (count, failure) => failures.push(...Array.from({ length: count }, () => failure)),
    delayNext: (count, ms, path) => delays.push(...Array.from({ length: count }, () => ({ ms, path }))),
    setOutage: (down) => {
      outage = down;
    },
    clearRequests: () => {
      requests.length = 0;
    },
    stop: async () => {
      if (!server.listening) return;
      for (const release of pendingDelays) release();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((closeError) => (closeError ? reject(closeError) : resolve())),
      );
    },
  };
}

interface FakeFilterBranch {
  filterBranchType?: string;
  filters?: { property?: string }[];
  filterBranches?: FakeFilterBranch[];
}

export interface FakeListInput {
  name: string;
  objectTypeId: string;
  processingType: string;
  filterBranch?: FakeFilterBranch;
}

interface SearchFilterBody {
  propertyName: string;
  operator: string;
  value?: string;
  values?: string[];
}

interface SearchBody {
  filterGroups?: { filters: SearchFilterBody[] }[];
  properties?: string[];
  sorts?: string[];
  limit?: number;
  after?: string;
}

interface BatchReadBody {
  idProperty?: string;
  inputs: { id: string }[];
  properties: string[];
}

interface LabelBody {
  label?: string;
  name?: string;
  inverseLabel?: string;
}

interface AssociationBatchBody {
  inputs: {
    from?: { id: string };
    to?: { id: string };
    types: { associationCategory?: string; associationTypeId?: number }[];
  }[];
}

interface UpsertBody {
  inputs: { idProperty?: string; id: string; properties: Record<string, string> }[];
}

type FakeStageInput = Omit<FakePipeline['stages'][number], 'id' | 'archived' | 'metadata'> & {
  metadata?: Record<string, string>;
};
type PipelineBody = Pick<FakePipeline, 'label' | 'displayOrder'> & { stages: FakeStageInput[] };

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A client of the fake that does not hold requests back for HubSpot's rate limit. */
export function fakeHubSpotClient(fake: FakeHubSpot, options: Partial<HubSpotClientOptions> = {}): Client {
  return createHubSpotClient({
    accessToken: 'test-token',
    basePath: fake.url,
    requestsPerTenSeconds: 10_000,
    ...options,
  });
}

/** A fake HubSpot as `npm run crm:setup` leaves it, its requests cleared, and the client that set it up. */
export async function startProvisionedHubSpot(
  clientOptions: Partial<HubSpotClientOptions> = {},
  fakeOptions: FakeHubSpotOptions = {},
): Promise<{ fake: FakeHubSpot; client: Client }> {
  const fake = await startFakeHubSpot(fakeOptions);
  const client = fakeHubSpotClient(fake, clientOptions);
  await setUpHubSpot(client);
  fake.clearRequests();
  return { fake, client };
}
