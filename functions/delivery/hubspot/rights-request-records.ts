/**
 * A data-rights request as HubSpot records it: a ticket for the privacy team, at the start of the privacy
 * requests pipeline. Pure, so the tests can read every rule here. The ticket is the only record written: a
 * request to delete someone's information must not create a contact for them, and no request changes a
 * contact's consents (withdrawing marketing consent is a job of its own).
 */

import { requesterRoles, rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { defaultLocale, languageNamesInEnglish } from '#functions/clinic/locales.ts';
import { formatMomentInClinic } from '#functions/delivery/email/templates/formatting.ts';
import { type CrmRightsRequestPayload, sentQuicklyNote } from '#functions/outbox/jobs.ts';
import type { CrmRecord } from './crm-records.ts';
import type { PipelineStart } from './pipelines.ts';
import type { TicketProperties } from './properties.ts';

/** The contacts that already have the request's email address and its mobile number. */
export interface RequesterMatches {
  byEmail: CrmRecord | undefined;
  byMobile: CrmRecord | undefined;
}

/** The contact the ticket is associated with: the one with the email address, else the one with the mobile. */
export function requesterContact({ byEmail, byMobile }: RequesterMatches): CrmRecord | undefined {
  return byEmail ?? byMobile;
}

export function rightsRequestTicketProperties(
  payload: CrmRightsRequestPayload,
  pipeline: PipelineStart,
): TicketProperties {
  return {
    subject: ticketSubject(payload),
    content: ticketContent(payload),
    hs_pipeline: pipeline.pipelineId,
    hs_pipeline_stage: pipeline.firstStageId,
    hs_ticket_priority: rightsRequestTypes[payload.requestType].priority,
    clinic_request_reference: payload.reference,
    clinic_rights_request_type: payload.requestType,
    clinic_acknowledge_by: payload.acknowledgeBy,
    clinic_resolve_by: payload.resolveBy,
    clinic_language: payload.locale ?? defaultLocale,
  };
}

/** "Privacy request KC-7Q4M-X2P9: Delete my information" */
export function ticketSubject({ reference, requestType }: CrmRightsRequestPayload): string {
  return `Privacy request ${reference}: ${rightsRequestTypes[requestType].label}`;
}

/** Everything the request said, and its deadlines in the clinic's time zone, as plain text one fact a line. */
export function ticketContent(payload: CrmRightsRequestPayload): string {
  const forSomeoneElse = payload.requesterRole !== 'self';
  return [
    `Request: ${rightsRequestTypes[payload.requestType].label}`,
    `Reference: ${payload.reference}`,
    `Requester: ${payload.fullName}`,
    `Whose information: ${requesterRoles[payload.requesterRole]}`,
    `Language: ${languageNamesInEnglish[payload.locale ?? defaultLocale]} (the page the request was sent from: reply in it)`,
    ...(payload.subjectName ? [`Person it is about: ${payload.subjectName}`] : []),
    `Email: ${payload.email ?? 'not given'}`,
    `Mobile: ${payload.mobile ?? 'not given'}`,
    `Received: ${formatMomentInClinic(payload.receivedAt)}`,
    `Acknowledge by: ${formatMomentInClinic(payload.acknowledgeBy)}`,
    `Resolve by: ${formatMomentInClinic(payload.resolveBy)}`,
    '',
    'Details from the requester:',
    payload.details ?? 'None given.',
    '',
    ...(payload.sentQuickly ? [sentQuicklyNote, ''] : []),
    forSomeoneElse
      ? "Verify the requester's identity, and their authority to act for the person it is about, before acting on this request."
      : "Verify the requester's identity before acting on this request.",
  ].join('\n');
}
