/**
 * The outbox jobs a lead creates, with their payloads: what each delivery (CRM, emails) may know, decided
 * here and nowhere else. The free text of a booking goes to the front desk only; a minor's CRM record
 * carries no consent to marketing and no attribution.
 */
import type { Attribution } from './attribution.ts';
import type { BookingRequest, Guardian } from './booking-schema.ts';
import type { NewsletterSignup } from './newsletter-schema.ts';
import type { RightsRequest } from './rights-request-schema.ts';

export type OutboxJobKind =
  | 'crm.booking'
  | 'email.booking-confirmation'
  | 'email.front-desk'
  // Queued when a subscriber follows the link in the confirmation email.
  | 'crm.newsletter'
  | 'email.newsletter-confirmation'
  // Queued when a subscriber unsubscribes, or asks the clinic to stop marketing: the CRM contact's marketing
  // consent is withdrawn.
  | 'crm.newsletter-withdrawal'
  // A data-rights request: a ticket for the privacy team, and an acknowledgement when an email was given.
  | 'crm.rights-request'
  | 'email.rights-acknowledgement';

interface BookingSummary {
  reference: string;
  treatment: string;
  /** The treatment's name as the site shows it. */
  treatmentTitle: string;
  branch: string;
  preferredDate: string;
  timeWindow: string;
}

type GuardianContact = Omit<Guardian, 'consent'>;

export interface CrmBookingPayload extends BookingSummary {
  /** ISO 8601: when the request was stored, and so when its consents were given. */
  requestedAt: string;
  fullName: string;
  mobile: string;
  email?: string;
  isMinor: boolean;
  guardian?: GuardianContact;
  /** Adults only. */
  consents?: { whatsappUpdates: boolean; emailNews: boolean };
  /** Adults only. */
  attribution?: Attribution;
}

export interface FrontDeskEmailPayload extends BookingSummary {
  fullName: string;
  mobile: string;
  email?: string;
  dateOfBirth: string;
  isMinor: boolean;
  guardian?: GuardianContact;
  whatsappUpdates: boolean;
  helpText?: string;
}

export interface BookingConfirmationEmailPayload extends BookingSummary {
  to: string;
  fullName: string;
}

export interface NewsletterConfirmationEmailPayload {
  reference: string;
  to: string;
  /** The signed, expiring double opt-in link. */
  confirmUrl: string;
  /** ISO 8601: when the link stops working. */
  expiresAt: string;
  /** The signed one-click unsubscribe address (RFC 8058), for the List-Unsubscribe header. */
  unsubscribeUrl: string;
}

/** A confirmed subscriber: adults only, as the newsletter form refuses minors. */
export interface CrmNewsletterPayload {
  reference: string;
  email: string;
  /** ISO 8601: when the box was ticked on the form. */
  consentAt: string;
  /** ISO 8601: when the link in the confirmation email was followed. */
  confirmedAt: string;
}

export interface CrmNewsletterWithdrawalPayload {
  reference: string;
  email: string;
  /** ISO 8601: when the subscriber unsubscribed. */
  withdrawnAt: string;
}

/** When a data-rights request was received, and the deadlines the clinic's policy sets for it (ISO 8601). */
export interface RightsRequestReceipt {
  reference: string;
  receivedAt: string;
  /** Within 48 hours of receipt. */
  acknowledgeBy: string;
  /** Within 30 days of receipt. */
  resolveBy: string;
}

/** A data-rights request as the privacy team's ticket shows it. */
export interface CrmRightsRequestPayload extends Omit<RightsRequest, 'submissionId'>, RightsRequestReceipt {}

export interface RightsAcknowledgementEmailPayload
  extends Pick<CrmRightsRequestPayload, 'reference' | 'requestType' | 'fullName' | 'receivedAt' | 'resolveBy'> {
  to: string;
}

export type OutboxJobDraft =
  | { kind: 'crm.booking'; payload: CrmBookingPayload }
  | { kind: 'email.front-desk'; payload: FrontDeskEmailPayload }
  | { kind: 'email.booking-confirmation'; payload: BookingConfirmationEmailPayload }
  | { kind: 'email.newsletter-confirmation'; payload: NewsletterConfirmationEmailPayload }
  | { kind: 'crm.newsletter'; payload: CrmNewsletterPayload }
  | { kind: 'crm.newsletter-withdrawal'; payload: CrmNewsletterWithdrawalPayload }
  | { kind: 'crm.rights-request'; payload: CrmRightsRequestPayload }
  | { kind: 'email.rights-acknowledgement'; payload: RightsAcknowledgementEmailPayload };

export type OutboxJobPayload<Kind extends OutboxJobKind> = Extract<OutboxJobDraft, { kind: Kind }>['payload'];

/**
 * The CRM record and the front desk's email always; a confirmation email when the visitor gave an
 * address. Never to a minor: it would go to the guardian, and the form collects no guardian email.
 */
export function bookingJobs(request: BookingRequest, reference: string, requestedAt: string): OutboxJobDraft[] {
  const summary: BookingSummary = {
    reference,
    treatment: request.treatment,
    treatmentTitle: request.treatmentTitle,
    branch: request.branch,
    preferredDate: request.preferredDate,
    timeWindow: request.timeWindow,
  };
  const contact = {
    fullName: request.fullName,
    mobile: request.mobile,
    ...(request.email && { email: request.email }),
    isMinor: request.isMinor,
  };
  const guardian = request.isMinor && {
    guardian: {
      name: request.guardian.name,
      relationship: request.guardian.relationship,
      mobile: request.guardian.mobile,
    },
  };
  const crm: CrmBookingPayload = request.isMinor
    ? { ...summary, requestedAt, ...contact, ...guardian }
    : {
        ...summary,
        requestedAt,
        ...contact,
        consents: { whatsappUpdates: request.consents.whatsappUpdates, emailNews: request.consents.emailNews },
        ...(request.attribution && { attribution: request.attribution }),
      };
  const frontDesk: FrontDeskEmailPayload = {
    ...summary,
    ...contact,
    dateOfBirth: request.dateOfBirth,
    ...guardian,
    whatsappUpdates: request.consents.whatsappUpdates,
    ...(request.helpText && { helpText: request.helpText }),
  };
  const jobs: OutboxJobDraft[] = [
    { kind: 'crm.booking', payload: crm },
    { kind: 'email.front-desk', payload: frontDesk },
  ];
  if (request.email && !request.isMinor) {
    jobs.push({
      kind: 'email.booking-confirmation',
      payload: { ...summary, to: request.email, fullName: request.fullName },
    });
  }
  return jobs;
}

/** The signed addresses a newsletter confirmation email carries. */
export type NewsletterLinks = Pick<NewsletterConfirmationEmailPayload, 'confirmUrl' | 'expiresAt' | 'unsubscribeUrl'>;

/** The double opt-in email; the CRM hears of the subscriber only once they confirm. */
export function newsletterJobs(signup: NewsletterSignup, reference: string, links: NewsletterLinks): OutboxJobDraft[] {
  return [{ kind: 'email.newsletter-confirmation', payload: { reference, to: signup.email, ...links } }];
}

/** The privacy team's ticket always; an acknowledgement to the requester when they gave an email address. */
export function rightsRequestJobs(request: RightsRequest, receipt: RightsRequestReceipt): OutboxJobDraft[] {
  const { submissionId: _submissionId, ...details } = request;
  const crm: CrmRightsRequestPayload = { ...details, ...receipt };
  const jobs: OutboxJobDraft[] = [{ kind: 'crm.rights-request', payload: crm }];
  if (request.email) {
    jobs.push({
      kind: 'email.rights-acknowledgement',
      payload: {
        reference: crm.reference,
        to: request.email,
        requestType: crm.requestType,
        fullName: crm.fullName,
        receivedAt: crm.receivedAt,
        resolveBy: crm.resolveBy,
      },
    });
  }
  return jobs;
}
