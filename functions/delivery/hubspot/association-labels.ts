/**
 * The custom association labels `crm:setup` makes (properties.ts). HubSpot numbers a label when it is created, so
 * a delivery looks its number up by the label on first use and keeps it for the life of the process; a restart
 * picks up a label set up again.
 */
import type { Client } from '@hubspot/api-client';
import {
  type AssociationSpecWithLabel,
  AssociationSpecWithLabelCategoryEnum,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema/index.js';

export interface AssociationLabelDefinition {
  fromObjectType: string;
  toObjectType: string;
  /** HubSpot's internal name for it. */
  name: string;
  label: string;
}

/** The account's own label of that text between the two object types, if there is one. */
export function isUserLabel(label: string): (spec: AssociationSpecWithLabel) => boolean {
  return (spec) => spec.category === AssociationSpecWithLabelCategoryEnum.UserDefined && spec.label === label;
}

export async function findAssociationLabel(
  client: Client,
  { fromObjectType, toObjectType, label }: AssociationLabelDefinition,
): Promise<number | undefined> {
  const { results } = await client.crm.associations.v4.schema.definitionsApi.getAll(fromObjectType, toObjectType);
  return results.find(isUserLabel(label))?.typeId;
}

/** Undefined while the label does not exist, which is looked up again on the next call. */
export function associationLabelLookup(
  client: Client,
  definition: AssociationLabelDefinition,
): () => Promise<number | undefined> {
  let found: number | undefined;
  return async () => {
    found ??= await findAssociationLabel(client, definition);
    return found;
  };
}
