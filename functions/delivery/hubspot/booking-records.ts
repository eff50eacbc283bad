/**
 * A booking request as HubSpot records it: which contact it updates and with what, and its deal. Pure, so
 * the tests can read every rule here. Everything is "as of the latest request": a returning patient's
 * treatment, branch, attribution and guardian replace the earlier ones.
 */

import { branches } from '#functions/clinic/clinic.ts';
import type { Attribution, CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { emailNewsConsentUpdate, lifecycleStageUpdate } from './contact-updates.ts';
import type { CrmRecord } from './crm-records.ts';
import type { PipelineStart } from './pipelines.ts';
import type { ContactProperties, ContactPropertyName, DealProperties } from './properties.ts';

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
  holdsMobile: boolean;
}

export function bookingContactTarget(
  { email, mobile }: CrmBookingPayload,
  { byEmail, byMobile }: ContactMatches,
): ContactTarget {
  const contactByMobile: ContactTarget = {
    idProperty: 'clinic_mobile',
    id: mobile,
    existing: byMobile,
    holdsMobile: true,
  };
  if (!email) return contactByMobile;
  if (byEmail) {
    return { idProperty: 'email', id: email, existing: byEmail, holdsMobile: !byMobile || byMobile.id === byEmail.id };
  }
  // Someone who booked before without an email address gives one now: the same contact, not a second.
  if (byMobile && !byMobile.properties.email) return contactByMobile;
  return { idProperty: 'email', id: email, existing: undefined, holdsMobile: !byMobile };
}

/** Consents are dated when the request was made, so a later withdrawal is never undone by a late delivery. */
export function bookingContactProperties(payload: CrmBookingPayload, target: ContactTarget): ContactProperties {
  const [firstname = '', ...otherNames] = payload.fullName.split(/\s+/);
  return {
    ...(payload.email && { email: payload.email }),
    ...(target.holdsMobile && { clinic_mobile: payload.mobile }),
    firstname,
    lastname: otherNames.join(' '),
    mobilephone: payload.mobile,
    ...lifecycleStageUpdate(target.existing, 'lead'),
    ...requestProperties(payload),
    clinic_last_booking_reference: payload.reference,
    clinic_is_minor: String(payload.isMinor),
    clinic_guardian_name: payload.guardian?.name ?? '',
    clinic_guardian_relationship: payload.guardian?.relationship ?? '',
    clinic_guardian_mobile: payload.guardian?.mobile ?? '',
    // A minor's payload has neither, and a minor's contact is never marked for marketing.
    ...(!payload.isMinor &&
      payload.consents &&
      consentProperties(payload.consents, target.existing, payload.requestedAt)),
    ...(!payload.isMinor && attributionProperties(payload.attribution)),
  };
}

function consentProperties(
  consents: NonNullable<CrmBookingPayload['consents']>,
  contact: CrmRecord | undefined,
  givenAt: string,
): ContactProperties {
  return {
    clinic_whatsapp_updates_consent: String(consents.whatsappUpdates),
    clinic_whatsapp_updates_consent_at: givenAt,
    // An unticked box withdraws nothing: unsubscribing does.
    ...(consents.emailNews && emailNewsConsentUpdate(contact, true, givenAt)),
  };
}

const attributionPropertyNames = {
  formPage: 'clinic_lead_source_page',
  landingPage: 'clinic_landing_page',
  referrer: 'clinic_referrer',
  utm_source: 'clinic_utm_source',
  utm_medium: 'clinic_utm_medium',
  utm_campaign: 'clinic_utm_campaign',
  utm_term: 'clinic_utm_term',
  utm_content: 'clinic_utm_content',
  gclid: 'clinic_gclid',
  fbclid: 'clinic_fbclid',
} as const satisfies Record<keyof Attribution, ContactPropertyName>;

/** Every attribution property, emptied when this request lacks it, so that they all describe one visit. */
function attributionProperties(attribution: Attribution = {}): ContactProperties {
  return Object.fromEntries(
    Object.entries(attributionPropertyNames).map(([key, name]) => [name, attribution[key as keyof Attribution] ?? '']),
  );
}

/** What the contact and the deal both say about the request. */
function requestProperties(payload: CrmBookingPayload) {
  return {
    clinic_treatment_interest: payload.treatmentTitle,
    clinic_branch: payload.branch,
    clinic_preferred_date: payload.preferredDate,
    clinic_preferred_time_window: payload.timeWindow,
  };
}

export function bookingDealProperties(payload: CrmBookingPayload, pipeline: PipelineStart): DealProperties {
  return {
    dealname: dealName(payload),
    pipeline: pipeline.pipelineId,
    dealstage: pipeline.firstStageId,
    clinic_booking_reference: payload.reference,
    ...requestProperties(payload),
  };
}

/** "KC-7Q4M-X2P9 · Teeth whitening · Indiranagar" */
export function dealName({ reference, treatmentTitle, branch }: CrmBookingPayload): string {
  const place = branches.find((candidate) => candidate.id === branch)?.address.locality ?? branch;
  return [reference, treatmentTitle, place].join(' · ');
}
