/**
 * The outbox jobs a lead creates, with their payloads: what each delivery (CRM, emails) may know, decided
 * here and nowhere else. The free text of a booking goes to the front desk only. For a patient under 18 the
 * CRM's contact is the parent or guardian, and the patient's name, date of birth and own mobile go no further
 * than the front desk and the deal; nothing carries a consent to marketing or attribution.
 */
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import type { NewsletterSignup } from '#functions/forms/newsletter-schema.ts';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import type {
  BookingSummary,
  CrmBookingPayload,
  CrmContactDetails,
  CrmErasurePayload,
  CrmNewsletterPayload,
  CrmNewsletterWithdrawalPayload,
  CrmRightsRequestPayload,
  FrontDeskEmailPayload,
  GuardianConsentLink,
  NewsletterLinks,
  OutboxJobDraft,
  RightsRequestReceipt,
  Screened,
} from '#functions/outbox/jobs.ts';
import type { VerifiedGuardianConsent } from '#functions/store/guardian-consents.ts';
import type { PreferenceChange } from '#functions/store/preferences.ts';

/**
 * The CRM's contact and deal and the front desk's email always. Then, for an adult who gave an email address, a
 * confirmation; for a patient under 18, never an email to them: their parent or guardian, if they gave an email
 * address, gets the signed link that verifies their consent (`guardianConsentLink`, made for this reference).
 */
export function bookingJobs(
  request: BookingRequest & Screened,
  reference: string,
  requestedAt: string,
  guardianConsentLink: GuardianConsentLink,
): OutboxJobDraft[] {
  const summary: BookingSummary = {
    reference,
    treatment: request.treatment,
    treatmentTitle: request.treatmentTitle,
    branch: request.branch,
    preferredDate: request.preferredDate,
    timeWindow: request.timeWindow,
    locale: request.locale,
  };
  const contact: CrmContactDetails = request.isMinor
    ? {
        fullName: request.guardian.name,
        mobile: request.guardian.mobile,
        ...(request.guardian.email && { email: request.guardian.email }),
      }
    : { fullName: request.fullName, mobile: request.mobile, ...(request.email && { email: request.email }) };
  const crm: CrmBookingPayload = {
    ...summary,
    requestedAt,
    patientName: request.fullName,
    contact,
    consents: { whatsappUpdates: request.consents.whatsappUpdates, emailNews: request.consents.emailNews },
    ...(request.isMinor
      ? { minor: { relationship: request.guardian.relationship } }
      : request.attribution && { attribution: request.attribution }),
  };
  const frontDesk: FrontDeskEmailPayload = {
    ...summary,
    fullName: request.fullName,
    ...(request.mobile && { mobile: request.mobile }),
    ...(!request.isMinor && request.email && { email: request.email }),
    dateOfBirth: request.dateOfBirth,
    isMinor: request.isMinor,
    ...(request.isMinor && {
      guardian: {
        name: request.guardian.name,
        relationship: request.guardian.relationship,
        mobile: request.guardian.mobile,
        ...(request.guardian.email && { email: request.guardian.email }),
      },
    }),
    whatsappUpdates: request.consents.whatsappUpdates,
    ...(request.helpText && { helpText: request.helpText }),
    ...(request.sentQuickly && { sentQuickly: true }),
  };
  const jobs: OutboxJobDraft[] = [
    { kind: 'crm.booking', payload: crm },
    { kind: 'email.front-desk', payload: frontDesk },
  ];
  if (request.isMinor) {
    if (request.guardian.email) {
      jobs.push({
        kind: 'email.guardian-consent',
        payload: {
          ...summary,
          treatmentTitle: request.patientTreatmentTitle,
          ...guardianConsentLink,
          to: request.guardian.email,
          guardianName: request.guardian.name,
          relationship: request.guardian.relationship,
          patientName: request.fullName,
        },
      });
    }
  } else if (request.email) {
    jobs.push({
      kind: 'email.booking-confirmation',
      payload: {
        ...summary,
        treatmentTitle: request.patientTreatmentTitle,
        to: request.email,
        fullName: request.fullName,
      },
    });
  }
  return jobs;
}

/** A guardian's consent was verified: the deal says so. */
export function guardianConsentVerifiedJobs({
  reference,
  method,
  verifiedAt,
}: VerifiedGuardianConsent): OutboxJobDraft[] {
  return [{ kind: 'crm.guardian-consent', payload: { reference, method, verifiedAt } }];
}

/** The purge's cutoffs for the CRM's deals and tickets: the CRM applies them by its own rules (crm-retention.ts). */
export function crmRetentionJobs(cutoffs: { bookingRequest: Date; rightsRequest: Date }): OutboxJobDraft[] {
  return [
    {
      kind: 'crm.retention',
      payload: {
        dealsCreatedBefore: cutoffs.bookingRequest.toISOString(),
        ticketsCreatedBefore: cutoffs.rightsRequest.toISOString(),
      },
    },
  ];
}

/** A person erased from the store: the CRM deletes what the website put there about them. */
export function crmErasureJobs(erasure: CrmErasurePayload): OutboxJobDraft[] {
  return [{ kind: 'crm.erasure', payload: erasure }];
}

/** A request was deleted from the store: the CRM deletes its deal. */
export function bookingDeletionJobs(reference: string): OutboxJobDraft[] {
  return [{ kind: 'crm.booking-deletion', payload: { reference } }];
}

/** The double opt-in email; the CRM hears of the subscriber only once they confirm. */
export function newsletterJobs(signup: NewsletterSignup, reference: string, links: NewsletterLinks): OutboxJobDraft[] {
  return [
    {
      kind: 'email.newsletter-confirmation',
      payload: { reference, to: signup.email, ...links, locale: signup.locale },
    },
  ];
}

/** The privacy team's ticket always; an acknowledgement to the requester when they gave an email address. */
export function rightsRequestJobs(request: RightsRequest & Screened, receipt: RightsRequestReceipt): OutboxJobDraft[] {
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
        locale: request.locale,
      },
    });
  }
  return jobs;
}

/** The clinic's deadlines for a rights request, from when it was received. */
export interface RightsRequestDeadlines {
  acknowledgeWithinHours: number;
  resolveWithinDays: number;
}

const hourMs = 60 * 60 * 1000;

export function rightsRequestReceipt(
  reference: string,
  receivedAt: Date,
  { acknowledgeWithinHours, resolveWithinDays }: RightsRequestDeadlines,
): RightsRequestReceipt {
  return {
    reference,
    receivedAt: receivedAt.toISOString(),
    acknowledgeBy: new Date(receivedAt.getTime() + acknowledgeWithinHours * hourMs).toISOString(),
    resolveBy: new Date(receivedAt.getTime() + resolveWithinDays * 24 * hourMs).toISOString(),
  };
}

/** A subscriber followed the confirmation link: now, and only now, the CRM hears of them. */
export function newsletterConfirmedJobs(confirmation: CrmNewsletterPayload): OutboxJobDraft[] {
  return [{ kind: 'crm.newsletter', payload: confirmation }];
}

/** Marketing consent withdrawn (an unsubscribe, or a stop-marketing request): the CRM is told. */
export function marketingWithdrawalJobs(withdrawal: CrmNewsletterWithdrawalPayload): OutboxJobDraft[] {
  return [{ kind: 'crm.newsletter-withdrawal', payload: withdrawal }];
}

/**
 * A choice changed on the preferences page reaches the CRM: turned off, as a withdrawal of that consent alone; clinic
 * news turned on, as a confirmed subscription (the link came to the address, so agreeing and confirming are one
 * press); WhatsApp updates turned on, as a new consent on the mobile's contact. Each with the change's own time.
 */
export function preferenceChangeJobs({
  reference,
  choice,
  given,
  email,
  mobile,
  changedAt,
}: PreferenceChange): OutboxJobDraft[] {
  if (!given) {
    return marketingWithdrawalJobs({
      reference,
      ...(email && { email }),
      ...(mobile && { mobile }),
      consents: [choice],
      withdrawnAt: changedAt,
    });
  }
  if (choice === 'emailNews' && email) {
    return newsletterConfirmedJobs({ reference, email, consentAt: changedAt, confirmedAt: changedAt });
  }
  if (choice === 'whatsappUpdates' && mobile) {
    return [{ kind: 'crm.whatsapp-consent', payload: { reference, mobile, givenAt: changedAt } }];
  }
  return [];
}
