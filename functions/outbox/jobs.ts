/**
 * The outbox's vocabulary: the kinds of job a lead creates, which provider each goes to, and the payload each
 * carries. The domain decides what goes into a payload (functions/intake/lead-jobs.ts); the store writes the
 * jobs it is given; the worker hands each payload to its kind's delivery.
 */
import type {
  GuardianConsentMethod,
  GuardianRelationship,
  RequesterRole,
  RightsRequestType,
} from '#functions/clinic/form-choices.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import type { ProcessorId } from '#functions/clinic/processors.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';

/**
 * Every kind of job, with the service provider that receives its payload: the privacy policy names each of
 * them (functions/clinic/processors.ts), so a delivery to a provider it does not name cannot be written.
 */
export const outboxJobProcessors = {
  'crm.booking': 'hubspot',
  'email.booking-confirmation': 'resend',
  'email.front-desk': 'resend',
  // Queued when a subscriber follows the link in the confirmation email.
  'crm.newsletter': 'hubspot',
  'email.newsletter-confirmation': 'resend',
  // Queued when a subscriber unsubscribes, or asks the clinic to stop marketing: the consents of the CRM contacts
  // of that email (email news) and mobile (email news and WhatsApp updates) are withdrawn.
  'crm.newsletter-withdrawal': 'hubspot',
  // Queued when a person turns appointment updates on WhatsApp back on from the preferences page.
  'crm.whatsapp-consent': 'hubspot',
  // A data-rights request: a ticket for the privacy team, and an acknowledgement when an email was given.
  'crm.rights-request': 'hubspot',
  'email.rights-acknowledgement': 'resend',
  // A booking request for a patient under 18: the link for the parent or guardian to confirm their consent, the
  // deal's update once it is verified, and the deal's deletion when it never was within its period.
  'email.guardian-consent': 'resend',
  'crm.guardian-consent': 'hubspot',
  'crm.booking-deletion': 'hubspot',
  // The retention purge's periods applied in the CRM, queued by each daily run; and a person's erasure there,
  // queued by `npm run privacy -- erase`. Neither belongs to a lead.
  'crm.retention': 'hubspot',
  'crm.erasure': 'hubspot',
} as const satisfies Record<string, ProcessorId>;

export type OutboxJobKind = keyof typeof outboxJobProcessors;

/**
 * Kinds whose payload is emptied as soon as it is delivered: an erasure's job names the person it erases, and must
 * not outlive its work.
 */
export const emptiedOnDelivery = ['crm.erasure'] as const satisfies readonly OutboxJobKind[];

/** Where a visitor came from, as the booking form's page noted it (adults who allowed marketing cookies only). */
export const attributionKeys = [
  'utm_source',
  'utm_medium',
  'utm_campaign',
  'utm_term',
  'utm_content',
  'gclid',
  'fbclid',
  'landingPage',
  'referrer',
  'formPage',
] as const;
export type Attribution = Partial<Record<(typeof attributionKeys)[number], string>>;

export interface BookingSummary {
  reference: string;
  treatment: string;
  /** The treatment's name as the site shows it. */
  treatmentTitle: string;
  branch: string;
  preferredDate: string;
  timeWindow: TimeWindowId;
  /** The language of the booking page (absent from jobs queued before requests recorded it: English). Emails to
   * the patient or their guardian are written in it; staff are told it. */
  locale?: Locale;
}

/** What a booking request says about the appointment and the patient, as its form takes it. */
export interface BookingRequestDetails {
  submissionId: string;
  /** The language of the page the request was sent from. */
  locale: Locale;
  treatment: string;
  branch: string;
  /** YYYY-MM-DD */
  preferredDate: string;
  timeWindow: TimeWindowId;
  /** The patient's. */
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** What the visitor would like help with: for the front desk only, never for marketing. */
  helpText?: string;
}

/** Sent faster than people usually manage (functions/intake/bots.ts): kept, and marked for a check. */
export interface Screened {
  sentQuickly?: true;
}

/** What staff read beside such a lead, in the front desk's email, the privacy team's ticket and `npm run leads`. */
export const sentQuicklyNote =
  'Sent within 3 seconds of the form opening, faster than people usually manage: it may be automated. Check it before acting on it.';

/**
 * A patient under 18's parent or guardian, as the booking form takes them: the person the clinic deals with about
 * the request (their consent is on the request, and its verification in the store).
 */
export interface GuardianContact {
  name: string;
  relationship: GuardianRelationship;
  /** E.164 */
  mobile: string;
  /** Lowercased. */
  email?: string;
}

/** Whom the CRM records as the contact: the patient (an adult), or a patient under 18's parent or guardian. */
export interface CrmContactDetails {
  fullName: string;
  /** E.164 */
  mobile: string;
  /** Lowercased. */
  email?: string;
}

export interface CrmBookingPayload extends BookingSummary {
  /** ISO 8601: when the request was stored, and so when its consents were given. */
  requestedAt: string;
  /** The patient's name as the request gives it: the deal's, never a contact's. */
  patientName: string;
  contact: CrmContactDetails;
  /** The contact's own choices on the form; email news is never given on a request for a patient under 18. */
  consents: { whatsappUpdates: boolean; emailNews: boolean };
  /** Adults only. */
  attribution?: Attribution;
  /** A patient under 18: the contact is their parent or guardian, and the deal says how they are related. */
  minor?: { relationship: GuardianRelationship };
}

export interface FrontDeskEmailPayload extends BookingSummary {
  fullName: string;
  /** The patient's own: an adult's, or a patient under 18's if given. */
  mobile?: string;
  /** An adult patient's. */
  email?: string;
  dateOfBirth: string;
  isMinor: boolean;
  guardian?: GuardianContact;
  whatsappUpdates: boolean;
  helpText?: string;
  sentQuickly?: true;
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
  /** The language of the page the sign-up came from, which the email is written in (absent: queued before it was). */
  locale?: Locale;
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

/**
 * The two choices a person makes about what the clinic sends them, each withdrawable on the preferences page:
 * clinic news by email (for their email address) and appointment updates on WhatsApp (for their mobile number).
 */
export const contactChoices = ['emailNews', 'whatsappUpdates'] as const;
export type ContactChoice = (typeof contactChoices)[number];

/** Consent withdrawn, on the contacts HubSpot holds: it never creates one to record a withdrawal. */
export interface CrmNewsletterWithdrawalPayload {
  reference: string;
  /** Lowercased: that contact loses its email news consent. */
  email?: string;
  /** E.164, from a stop-marketing request: that contact loses its email news and WhatsApp updates consents. */
  mobile?: string;
  /**
   * Only these consents are withdrawn (the preferences page turns one off at a time). Absent: the rule above, as an
   * unsubscribe or a stop-marketing request withdraws.
   */
  consents?: ContactChoice[];
  /** ISO 8601: when the person unsubscribed or asked. */
  withdrawnAt: string;
}

/** Appointment updates on WhatsApp turned back on from the preferences page: a new consent, with its time. */
export interface CrmWhatsappConsentPayload {
  reference: string;
  /** E.164: the contact of this mobile gets the consent (a contact is made for it if HubSpot has none). */
  mobile: string;
  /** ISO 8601. */
  givenAt: string;
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

/** What a data-rights request says, as its form takes it. */
export interface RightsRequestDetails {
  requestType: RightsRequestType;
  fullName: string;
  /** Lowercased; the request has an email, a mobile (E.164), or both. */
  email?: string;
  mobile?: string;
  requesterRole: RequesterRole;
  /** The person the request is about, when it is not the requester. */
  subjectName?: string;
  details?: string;
  /**
   * The language of the page the request came from: the acknowledgement is written in it, and staff reply in it.
   * Absent in jobs queued before the site recorded it, which all came from English pages.
   */
  locale?: Locale;
}

/** A data-rights request as the privacy team's ticket shows it. */
export interface CrmRightsRequestPayload extends RightsRequestDetails, RightsRequestReceipt, Screened {}

export interface RightsAcknowledgementEmailPayload
  extends Pick<
    CrmRightsRequestPayload,
    'reference' | 'requestType' | 'fullName' | 'receivedAt' | 'resolveBy' | 'locale'
  > {
  to: string;
}

/** The signed, expiring link that lets a parent or guardian confirm their consent in one step. */
export interface GuardianConsentLink {
  verifyUrl: string;
  /** ISO 8601: when the link stops working (and the request, if still unverified, is deleted). */
  expiresAt: string;
}

/** To a patient under 18's parent or guardian: the request their consent is asked for, and the link to give it. */
export interface GuardianConsentEmailPayload extends BookingSummary, GuardianConsentLink {
  to: string;
  guardianName: string;
  relationship: GuardianRelationship;
  patientName: string;
}

/** A guardian's consent just verified: the deal says so. */
export interface CrmGuardianConsentPayload {
  reference: string;
  method: GuardianConsentMethod;
  /** ISO 8601. */
  verifiedAt: string;
}

/** A request deleted from the store (its guardian's consent never verified): its deal goes too. */
export interface CrmBookingDeletionPayload {
  reference: string;
}

/** The purge's cutoffs for what the website put in HubSpot (ISO 8601): older records are deleted by its rules. */
export interface CrmRetentionPayload {
  /** Deals in the appointments pipeline created before this, at no stage meaning the person became a patient. */
  dealsCreatedBefore: string;
  /** Tickets in the privacy requests pipeline created before this. */
  ticketsCreatedBefore: string;
}

/** A person erased from the store: what the website put in HubSpot about them goes too. */
export interface CrmErasurePayload {
  /** Lowercased; the contacts of this email or mobile (E.164). */
  email?: string;
  mobile?: string;
  /** The erased leads' deals and tickets, found by their references. */
  bookingReferences: string[];
  rightsRequestReferences: string[];
}

export type OutboxJobDraft =
  | { kind: 'crm.booking'; payload: CrmBookingPayload }
  | { kind: 'email.front-desk'; payload: FrontDeskEmailPayload }
  | { kind: 'email.booking-confirmation'; payload: BookingConfirmationEmailPayload }
  | { kind: 'email.newsletter-confirmation'; payload: NewsletterConfirmationEmailPayload }
  | { kind: 'crm.newsletter'; payload: CrmNewsletterPayload }
  | { kind: 'crm.newsletter-withdrawal'; payload: CrmNewsletterWithdrawalPayload }
  | { kind: 'crm.whatsapp-consent'; payload: CrmWhatsappConsentPayload }
  | { kind: 'crm.rights-request'; payload: CrmRightsRequestPayload }
  | { kind: 'email.rights-acknowledgement'; payload: RightsAcknowledgementEmailPayload }
  | { kind: 'email.guardian-consent'; payload: GuardianConsentEmailPayload }
  | { kind: 'crm.guardian-consent'; payload: CrmGuardianConsentPayload }
  | { kind: 'crm.booking-deletion'; payload: CrmBookingDeletionPayload }
  | { kind: 'crm.retention'; payload: CrmRetentionPayload }
  | { kind: 'crm.erasure'; payload: CrmErasurePayload };

/** The requests whose emails carry a preferences link: it names one of them. */
export const preferenceLeadKinds = ['booking', 'newsletter', 'rights-request'] as const;
export type PreferenceLeadKind = (typeof preferenceLeadKinds)[number];

/**
 * The address of the preferences page for the person a request names, signed for it, in a language: the email
 * deliveries are given one (functions/preferences/preference-links.ts makes it) and put it in every email to a person.
 */
export type PreferencesUrl = (lead: { kind: PreferenceLeadKind; reference: string }, locale: Locale) => Promise<string>;

export type OutboxJobPayload<Kind extends OutboxJobKind> = Extract<OutboxJobDraft, { kind: Kind }>['payload'];

/** The signed addresses a newsletter confirmation email carries (in the sign-up's language). */
export type NewsletterLinks = Pick<NewsletterConfirmationEmailPayload, 'confirmUrl' | 'expiresAt' | 'unsubscribeUrl'>;
