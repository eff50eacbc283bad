/**
 * A booking request as HubSpot records it, decided from the payload and what HubSpot already holds: which contact
 * it goes to and what it adds to them, the request's deal, and how the deal is associated with the contact. Pure,
 * so that the tests can read every rule here and any way of calling HubSpot (one record at a time, or in batches)
 * can apply them.
 *
 * The contact is whoever the clinic deals with: the patient, or for a patient under 18 their parent or guardian.
 * A booking never overwrites a contact's identity or choices (contact-updates.ts). The contact is what the
 * marketing team may see: contact details, consents with their times, and how an adult who allowed marketing cookies
 * arrived. Everything about the request (treatment, branch, preferred day and time, the patient's name as given)
 * is on the deal, which only the front desk works from.
 */

import {
  AssociationSpecAssociationCategoryEnum as AssociationCategory,
  type AssociationSpec,
} from '@hubspot/api-client/lib/codegen/crm/associations/v4/index.js';
import { branches } from '#functions/clinic/clinic.ts';
import { defaultLocale } from '#functions/clinic/locales.ts';
import type { CrmBookingPayload, CrmGuardianConsentPayload } from '#functions/outbox/jobs.ts';
import {
  consentUpdate,
  emailNewsGrant,
  firstVisitAttribution,
  identityFill,
  lifecycleStageUpdate,
} from './contact-updates.ts';
import type { CrmRecord } from './crm-records.ts';
import type { PipelineStart } from './pipelines.ts';
import type { ContactProperties, DealProperties } from './properties.ts';

/** The contacts that already have the booking's email address and its mobile number. */
export interface ContactMatches {
  byEmail: CrmRecord | undefined;
  byMobile: CrmRecord | undefined;
}

export interface ContactTarget {
  /** The unique property the contact is upserted by, and its value. */
  idProperty: 'email' | 'clinic_mobile';
  id: string;
  existing: CrmRecord | undefined;
  /** False when another contact holds the mobile number already: HubSpot would refuse a second one. */
  mayHoldMobile: boolean;
}

/**
 * A parent or guardian is found by the mobile number the front desk calls, then by the email given. A patient is
 * found by their email, then by their mobile if that contact has no email yet (someone who booked before without
 * one); a mobile held by a contact of another email (a family's shared phone) stays with them.
 */
export function bookingContactTarget({ contact, minor }: CrmBookingPayload, matches: ContactMatches): ContactTarget {
  const { byEmail, byMobile } = matches;
  const byMobileTarget = (existing: CrmRecord | undefined): ContactTarget => ({
    idProperty: 'clinic_mobile',
    id: contact.mobile,
    existing,
    mayHoldMobile: true,
  });
  const byEmailTarget = (email: string, existing: CrmRecord | undefined): ContactTarget => ({
    idProperty: 'email',
    id: email,
    existing,
    mayHoldMobile: !byMobile || byMobile.id === existing?.id,
  });
  if (!contact.email) return byMobileTarget(byMobile);
  if (minor && byMobile) return byMobileTarget(byMobile);
  if (byEmail) return byEmailTarget(contact.email, byEmail);
  if (byMobile && !byMobile.properties.email) return byMobileTarget(byMobile);
  return byEmailTarget(contact.email, undefined);
}

/** Consents are dated when the request was made, so a later withdrawal is never undone by a late delivery. */
export function bookingContactProperties(payload: CrmBookingPayload, target: ContactTarget): ContactProperties {
  const { existing } = target;
  const { whatsappUpdates, emailNews } = payload.consents;
  return {
    ...identityFill(existing, payload.contact, target),
    ...lifecycleStageUpdate(existing, 'lead'),
    // An unticked box withdraws nothing: unsubscribing or a rights request does.
    ...(whatsappUpdates && consentUpdate(existing, 'whatsappUpdates', true, payload.requestedAt)),
    ...(!payload.minor &&
      emailNews &&
      emailNewsGrant(existing, { agreedAt: payload.requestedAt, confirmedAt: payload.requestedAt })),
    ...(!payload.minor && firstVisitAttribution(existing, payload.attribution)),
  };
}

export function bookingDealProperties(payload: CrmBookingPayload, pipeline: PipelineStart): DealProperties {
  return {
    dealname: dealName(payload),
    pipeline: pipeline.pipelineId,
    dealstage: pipeline.firstStageId,
    clinic_booking_reference: payload.reference,
    clinic_treatment_interest: payload.treatmentTitle,
    clinic_branch: payload.branch,
    clinic_preferred_date: payload.preferredDate,
    clinic_preferred_time_window: payload.timeWindow,
    clinic_patient_name: payload.patientName,
    clinic_patient_is_minor: String(Boolean(payload.minor)),
    // A job queued before requests recorded their language came from an English page.
    clinic_language: payload.locale ?? defaultLocale,
    ...(payload.minor && {
      clinic_guardian_name: payload.contact.fullName,
      clinic_guardian_relationship: payload.minor.relationship,
      clinic_guardian_consent: 'pending',
    }),
  };
}

/** What the deal says once the guardian's consent is verified. */
export function guardianConsentDealProperties({ method, verifiedAt }: CrmGuardianConsentPayload): DealProperties {
  return {
    clinic_guardian_consent: 'verified',
    clinic_guardian_consent_method: method,
    clinic_guardian_consent_verified_at: verifiedAt,
  };
}

/** HubSpot's own deal-to-contact association type. */
export const dealToContactTypeId = 3;

/**
 * The deal's association with the contact: HubSpot's own always, so that the deal shows on the contact like any
 * other; and for a patient under 18, the guardian label (`guardianLabelTypeId`, as HubSpot numbered it).
 */
export function dealContactAssociation(payload: CrmBookingPayload, guardianLabelTypeId: number): AssociationSpec[] {
  const own = { associationCategory: AssociationCategory.HubspotDefined, associationTypeId: dealToContactTypeId };
  const guardian = { associationCategory: AssociationCategory.UserDefined, associationTypeId: guardianLabelTypeId };
  return payload.minor ? [own, guardian] : [own];
}

/** "KC-7Q4M-X2P9 · Teeth whitening · Indiranagar" */
export function dealName({ reference, treatmentTitle, branch }: CrmBookingPayload): string {
  const place = branches.find((candidate) => candidate.id === branch)?.address.locality ?? branch;
  return [reference, treatmentTitle, place].join(' · ');
}
