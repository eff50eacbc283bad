/**
 * The 'crm.rights-request' delivery: a ticket in the privacy requests pipeline, associated with the
 * requester's contact when HubSpot has one (found by email, else by mobile): for a request a parent makes about
 * their child, the parent's, as a child has no contact. The ticket is upserted by its unique request reference,
 * so a retried job finds the ticket an earlier attempt made instead of adding another. No contact is created or
 * changed.
 */
import type { Client } from '@hubspot/api-client';
import type { Delivery } from '#functions/delivery/delivery.ts';
import type { CrmRightsRequestPayload } from '#functions/outbox/jobs.ts';
import { associateTicketWithContact, type CrmRecord, findRecord, upsertRecord } from './crm-records.ts';
import { HubSpotRefusal, hubSpotAttempt } from './outcome.ts';
import { type PipelineStart, pipelineStartLookup } from './pipelines.ts';
import { privacyRequestPipeline } from './properties.ts';
import { requesterContact, rightsRequestTicketProperties } from './rights-request-records.ts';

export function createRightsRequestDelivery(client: Client): Delivery<'crm.rights-request'> {
  const findPipelineStart = pipelineStartLookup(client, 'tickets', privacyRequestPipeline.label);
  return (payload) =>
    hubSpotAttempt(async () => {
      const pipeline = await findPipelineStart();
      if (!pipeline) {
        throw new HubSpotRefusal(`no ticket pipeline "${privacyRequestPipeline.label}": run npm run crm:setup`);
      }
      const contact = await findRequester(client, payload);
      const ticket = await ensureTicket(client, payload, pipeline);
      if (contact) await associateTicketWithContact(client, ticket.id, contact.id);
    }, personalValuesIn(payload));
}

/** Reads only: the mobile is looked up when no contact has the email address. */
async function findRequester(client: Client, { email, mobile }: CrmRightsRequestPayload) {
  const byEmail = email ? await findRecord(client, 'contacts', 'email', email, []) : undefined;
  const byMobile = !byEmail && mobile ? await findRecord(client, 'contacts', 'clinic_mobile', mobile, []) : undefined;
  return requesterContact({ byEmail, byMobile });
}

/** A ticket that exists already is left as it is: the privacy team may have moved it on since. */
async function ensureTicket(
  client: Client,
  payload: CrmRightsRequestPayload,
  pipeline: PipelineStart,
): Promise<CrmRecord> {
  const idProperty = 'clinic_request_reference';
  return (
    (await findRecord(client, 'tickets', idProperty, payload.reference, [])) ??
    (await upsertRecord(
      client,
      'tickets',
      idProperty,
      payload.reference,
      rightsRequestTicketProperties(payload, pipeline),
    ))
  );
}

/** Names and the free text, which HubSpot may quote back in an error; emails and numbers are found without help. */
function personalValuesIn({ fullName, subjectName, details }: CrmRightsRequestPayload): string[] {
  const names = [fullName, subjectName ?? ''].flatMap((name) => [name, ...name.split(/\s+/)]);
  return [...(details ? [details] : []), ...names];
}
