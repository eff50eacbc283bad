/**
 * Provisions HubSpot for the deliveries (properties.ts): the property group and properties of contacts, deals
 * and tickets, the appointments (deal) pipeline, the privacy requests (ticket) pipeline, the parent or
 * guardian's deal-to-contact association label, and the list of contacts the clinic may email. Idempotent: it
 * creates what is missing, adds branches, time windows or request types that are new in the site's config to
 * the choice properties, and leaves the rest as it finds it, so a second run creates nothing.
 * `npm run crm:setup` runs it (functions/commands/crm-setup.ts).
 */
import type { Client } from '@hubspot/api-client';
import type { ListCreateRequest } from '@hubspot/api-client/lib/codegen/crm/lists/index.js';
import type { PipelineInput } from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { type AssociationLabelDefinition, findAssociationLabel } from './association-labels.ts';
import { HubSpotRefusal, isHttpError } from './outcome.ts';
import { isPipelineLabelled, type PipelineObjectType } from './pipelines.ts';
import {
  appointmentPipeline,
  contactProperties,
  dealProperties,
  guardianAssociationLabel,
  legacyMinorProperty,
  marketingEmailList,
  privacyRequestPipeline,
  propertyGroup,
  ticketProperties,
} from './properties.ts';

export interface SetupReport {
  created: string[];
  /** Choice properties that were given the options they lacked. */
  updated: string[];
  found: string[];
}

type ObjectType = 'contacts' | 'deals' | 'tickets';

export async function setUpHubSpot(client: Client): Promise<SetupReport> {
  const report: SetupReport = { created: [], updated: [], found: [] };
  const objects: [ObjectType, readonly PropertyCreate[]][] = [
    ['contacts', contactProperties],
    ['deals', dealProperties],
    ['tickets', ticketProperties],
  ];
  for (const [objectType, definitions] of objects) {
    await ensurePropertyGroup(client, objectType, report);
    await ensureProperties(client, objectType, definitions, report);
  }
  await ensurePipeline(client, 'deals', appointmentPipeline, report);
  await ensurePipeline(client, 'tickets', privacyRequestPipeline, report);
  await ensureAssociationLabel(client, guardianAssociationLabel, report);
  await ensureMarketingEmailList(client, report);
  return report;
}

/** The list marketing sends to, made once: HubSpot list names are unique, so it is found by its name. */
async function ensureMarketingEmailList(client: Client, report: SetupReport): Promise<void> {
  const { results } = await client.crm.properties.coreApi.getAll('contacts', false);
  const list = marketingEmailList({ legacyMinorFlag: results.some(({ name }) => name === legacyMinorProperty) });
  const item = `contacts list "${list.name}"`;
  try {
    await client.crm.lists.listsApi.getByName(list.name, list.objectTypeId);
    report.found.push(item);
    return;
  } catch (error) {
    if (!isHttpError(error) || error.code !== 404) throw error;
  }
  // The SDK types the filter branch as a union of every branch and filter kind; this is one of them.
  await client.crm.lists.listsApi.create(list as unknown as ListCreateRequest);
  report.created.push(item);
}

async function ensureAssociationLabel(
  client: Client,
  definition: AssociationLabelDefinition,
  report: SetupReport,
): Promise<void> {
  const { fromObjectType, toObjectType, name, label } = definition;
  const item = `${fromObjectType} to ${toObjectType} association label "${label}"`;
  if ((await findAssociationLabel(client, definition)) !== undefined) {
    report.found.push(item);
    return;
  }
  await client.crm.associations.v4.schema.definitionsApi.create(fromObjectType, toObjectType, { name, label });
  report.created.push(item);
}

async function ensurePropertyGroup(client: Client, objectType: ObjectType, report: SetupReport): Promise<void> {
  const item = `${objectType} property group ${propertyGroup.name}`;
  const { results } = await client.crm.properties.groupsApi.getAll(objectType);
  if (results.some((group) => group.name === propertyGroup.name)) {
    report.found.push(item);
    return;
  }
  await client.crm.properties.groupsApi.create(objectType, propertyGroup);
  report.created.push(item);
}

async function ensureProperties(
  client: Client,
  objectType: ObjectType,
  definitions: readonly PropertyCreate[],
  report: SetupReport,
): Promise<void> {
  const { results } = await client.crm.properties.coreApi.getAll(objectType, false);
  const existing = new Map(results.map((property) => [property.name, property]));
  const itemOf = (definition: PropertyCreate) => `${objectType} property ${definition.name}`;

  for (const definition of definitions) {
    const property = existing.get(definition.name);
    if (!property) continue;
    const missingOptions = (definition.options ?? []).filter(
      (option) => !property.options.some((present) => present.value === option.value),
    );
    if (missingOptions.length === 0) {
      report.found.push(itemOf(definition));
      continue;
    }
    await client.crm.properties.coreApi.update(objectType, definition.name, {
      options: [...property.options, ...missingOptions],
    });
    report.updated.push(itemOf(definition));
  }

  const missing = definitions.filter((definition) => !existing.has(definition.name));
  if (missing.length === 0) return;
  const answer = await client.crm.properties.batchApi.create(objectType, { inputs: [...missing] });
  const [error] = 'errors' in answer ? (answer.errors ?? []) : [];
  if (error) throw new HubSpotRefusal(`${error.category} ${error.message}`);
  report.created.push(...missing.map(itemOf));
}

async function ensurePipeline(
  client: Client,
  objectType: PipelineObjectType,
  definition: PipelineInput,
  report: SetupReport,
): Promise<void> {
  const item = `${objectType} pipeline "${definition.label}"`;
  const { results } = await client.crm.pipelines.pipelinesApi.getAll(objectType);
  if (results.some(isPipelineLabelled(definition.label))) {
    report.found.push(item);
    return;
  }
  await client.crm.pipelines.pipelinesApi.create(objectType, definition);
  report.created.push(item);
}

export function setupSummary({ created, updated, found }: SetupReport): string {
  const list = (heading: string, items: string[]) => [
    `${heading}: ${items.length}`,
    ...items.map((item) => `  ${item}`),
  ];
  return [...list('Created', created), ...list('Updated', updated), `Already there: ${found.length}`].join('\n');
}
