/**
 * The emails a lead sends, rendered from the templates and sent through Resend's batch endpoint, up to 100 of a
 * kind a request. The batch's key is its idempotency key, and a batch is sent again whole under it until settled
 * (sticky), so an attempt whose answer was lost cannot send any of its emails twice.
 */
import { Resend } from 'resend';
import { clinic } from '#functions/clinic/clinic.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import { defaultLocale } from '#functions/clinic/locales.ts';
import type { BatchDelivery, RequestBudget } from '#functions/delivery/delivery.ts';
import { bookingConfirmationEmail } from '#functions/delivery/email/templates/booking-confirmation.tsx';
import { frontDeskNotificationEmail } from '#functions/delivery/email/templates/front-desk-notification.tsx';
import { guardianConsentRequestEmail } from '#functions/delivery/email/templates/guardian-consent-request.tsx';
import { newsletterConfirmationEmail } from '#functions/delivery/email/templates/newsletter-confirmation.tsx';
import { rightsAcknowledgementEmail } from '#functions/delivery/email/templates/rights-acknowledgement.tsx';
import type { OutboxJobPayload, PreferencesUrl } from '#functions/outbox/jobs.ts';
import { maxEmailsPerBatch, type OutgoingEmail, sendEmailBatch } from './send.ts';

export interface EmailDeliveryOptions {
  apiKey: string;
  /** The sender, on a domain verified with Resend: "Kalpa Clinics <hello@mail.example.com>". */
  from: string;
  frontDeskEmail: string;
  /** The public site's address, for links in the emails. */
  siteUrl: string;
  /** The signed link to the preferences page that every email to a person carries. */
  preferencesUrl: PreferencesUrl;
  /** Resend's API. By default the SDK's: RESEND_BASE_URL when the client is created, else https://api.resend.com. */
  baseUrl?: string;
  /** Resend's rate limit is the team's: the budget every process shares (the worker's, in the database). */
  budget?: RequestBudget;
}

type EmailKind =
  | 'email.booking-confirmation'
  | 'email.front-desk'
  | 'email.newsletter-confirmation'
  | 'email.rights-acknowledgement'
  | 'email.guardian-consent';

export type EmailDeliveries = { [Kind in EmailKind]: BatchDelivery<Kind> };

export function createEmailDeliveries({ baseUrl, budget, ...options }: EmailDeliveryOptions): EmailDeliveries {
  const resend = new Resend(options.apiKey, baseUrl === undefined ? undefined : { baseUrl });
  const { siteUrl } = options;
  /** The preferences link of the person a request names, in the request's language. */
  const preferencesOf = async (
    kind: Parameters<PreferencesUrl>[0]['kind'],
    { reference, locale }: { reference: string; locale?: Locale | undefined },
  ) => ({ preferencesUrl: await options.preferencesUrl({ kind, reference }, locale ?? defaultLocale) });

  /** A batch of emails of one kind: each rendered from its job's payload, then sent in one request. */
  const emailsOf = <Kind extends EmailKind>(
    compose: (payload: OutboxJobPayload<Kind>) => Promise<Omit<OutgoingEmail, 'from'>>,
  ): BatchDelivery<Kind> => ({
    maxBatch: maxEmailsPerBatch,
    sticky: true,
    async deliverBatch(jobs, { key }) {
      const emails = await Promise.all(jobs.map(({ payload }) => compose(payload)));
      await budget?.take();
      const outcomes = await sendEmailBatch(
        resend,
        emails.map((email) => ({ from: options.from, ...email })),
        { idempotencyKey: `batch/${key}` },
      );
      const waitMs = outcomes.find((outcome) => outcome.status === 'retry')?.retryAfterMs;
      if (waitMs !== undefined) await budget?.holdOff(waitMs);
      return outcomes;
    },
  });

  return {
    'email.booking-confirmation': emailsOf(async (booking) => ({
      to: booking.to,
      replyTo: clinic.email,
      ...(await bookingConfirmationEmail(booking, { siteUrl, ...(await preferencesOf('booking', booking)) })),
    })),
    'email.guardian-consent': emailsOf(async (request) => ({
      to: request.to,
      replyTo: clinic.email,
      // The parent or guardian's own choices: they are the person the request names.
      ...(await guardianConsentRequestEmail(request, { siteUrl, ...(await preferencesOf('booking', request)) })),
    })),
    'email.front-desk': emailsOf(async (request) => ({
      to: options.frontDeskEmail,
      ...(await frontDeskNotificationEmail(request)),
    })),
    'email.newsletter-confirmation': emailsOf(async (signup) => ({
      to: signup.to,
      replyTo: clinic.email,
      headers: oneClickUnsubscribeHeaders(signup.unsubscribeUrl),
      ...(await newsletterConfirmationEmail(signup, await preferencesOf('newsletter', signup))),
    })),
    // Replies go to the Grievance Officer, who answers for the request.
    'email.rights-acknowledgement': emailsOf(async (request) => ({
      to: request.to,
      replyTo: clinic.grievanceOfficer.email,
      ...(await rightsAcknowledgementEmail(request, await preferencesOf('rights-request', request))),
    })),
  };
}

/** RFC 8058: mail apps offer an unsubscribe button that POSTs to the address, no browser or login needed. */
function oneClickUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
