/**
 * The outbox jobs a lead creates, with their payloads: what each delivery (CRM, emails) may know, decided
 * here and nowhere else. The free text of a booking goes to the front desk only; a minor's CRM record
 * carries no consent to marketing and no attribution.
 */
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import type { NewsletterSignup } from '#functions/forms/newsletter-schema.ts';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import type {
  BookingSummary,
  CrmBookingPayload,
  CrmNewsletterPayload,
  CrmNewsletterWithdrawalPayload,
  CrmRightsRequestPayload,
  FrontDeskEmailPayload,
  NewsletterLinks,
  OutboxJobDraft,
  RightsRequestReceipt,
  Screened,
} from '#functions/outbox/jobs.ts';

/**
 * The CRM record and the front desk's email always; a confirmation email when the visitor gave an
 * address. Never to a minor: it would go to the guardian, and the form collects no guardian email.
 */
export function bookingJobs(
  request: BookingRequest & Screened,
  reference: string,
  requestedAt: string,
): OutboxJobDraft[] {
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
    ...(request.sentQuickly && { sentQuickly: true }),
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
