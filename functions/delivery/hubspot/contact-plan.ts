/**
 * The contact writes of a batch of jobs, planned as if the jobs were delivered one after another: each job finds
 * the contacts as the jobs before it in the batch left them, so a family's two requests in one batch find one
 * contact and the rules of contact-updates.ts hold between them. Each contact is written once, with what every
 * job added to it (HubSpot refuses a batch upsert that names one record twice). Pure.
 */
import { type CrmRecord, type RecordWrite, uniqueValueKey } from './crm-records.ts';
import type { ContactProperties } from './properties.ts';

/** How a job's contact is found: by this unique property and value, and the contact it found, if any. */
export interface ContactLookup {
  idProperty: 'email' | 'clinic_mobile';
  id: string;
  existing: CrmRecord | undefined;
}

interface PlannedContact {
  record: CrmRecord;
  write: RecordWrite | undefined;
}

const plannedPrefix = 'planned-';

export class ContactPlan {
  readonly #contacts: PlannedContact[];
  /** The contacts the jobs change, in the order they were first planned. */
  readonly #changed: PlannedContact[] = [];

  /** `known`: the contacts HubSpot holds with the batch's emails and mobiles. */
  constructor(known: Iterable<CrmRecord>) {
    const byId = new Map([...known].map((record) => [record.id, record]));
    this.#contacts = [...byId.values()].map((record) => ({ record, write: undefined }));
  }

  /** The contact with this value of a unique property, as the jobs planned so far leave it. */
  find(idProperty: ContactLookup['idProperty'], value: string | undefined): CrmRecord | undefined {
    if (!value) return undefined;
    const key = uniqueValueKey(idProperty, value);
    return this.#contacts.find(({ record }) => uniqueValueKey(idProperty, record.properties[idProperty] ?? '') === key)
      ?.record;
  }

  /**
   * Plans a job's write to its contact; the answer is the contact's place in `writes()`. A contact HubSpot does not
   * hold yet is marked as the website's own, for the retention purge.
   */
  write(lookup: ContactLookup, written: ContactProperties): number {
    const found = lookup.existing && this.#contacts.find(({ record }) => record.id === lookup.existing?.id);
    const contact = found ?? this.#added();
    const properties: ContactProperties =
      contact.record.id.startsWith(plannedPrefix) && !contact.write
        ? { ...written, clinic_created_by_website: 'true' }
        : written;
    contact.record = {
      id: contact.record.id,
      properties: { ...contact.record.properties, ...properties, [lookup.idProperty]: lookup.id },
    };
    if (contact.write) contact.write.properties = { ...contact.write.properties, ...properties };
    else {
      contact.write = { idProperty: lookup.idProperty, id: lookup.id, properties: { ...properties } };
      this.#changed.push(contact);
    }
    return this.#changed.indexOf(contact);
  }

  /** One write per contact the jobs change. */
  writes(): RecordWrite[] {
    return this.#changed.flatMap(({ write }) => (write ? [write] : []));
  }

  #added(): PlannedContact {
    const contact: PlannedContact = {
      record: { id: `${plannedPrefix}${this.#contacts.length}`, properties: {} },
      write: undefined,
    };
    this.#contacts.push(contact);
    return contact;
  }
}
