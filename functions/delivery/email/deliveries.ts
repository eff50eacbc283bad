/**
 * The emails a lead sends, rendered from the templates and sent through Resend. Resend drops a repeat of the
 * idempotency key the worker passes (stable per job), so an attempt whose answer was lost cannot send twice.
 */
import { Resend } from 'resend';
import { clinic } from '#functions/clinic/clinic.ts';
import type { Deliveries, DeliveryAttempt } from '#functions/delivery/delivery.ts';
import { bookingConfirmationEmail } from '#functions/delivery/email/templates/booking-confirmation.tsx';
import { frontDeskNotificationEmail } from '#functions/delivery/email/templates/front-desk-notification.tsx';
import { guardianConsentRequestEmail } from '#functions/delivery/email/templates/guardian-consent-request.tsx';
import { newsletterConfirmationEmail } from '#functions/delivery/email/templates/newsletter-confirmation.tsx';
import { rightsAcknowledgementEmail } from '#functions/delivery/email/templates/rights-acknowledgement.tsx';
import { type OutgoingEmail, sendEmail } from './send.ts';

export interface EmailDeliveryOptions {
  apiKey: string;
  /** The sender, on a domain verified with Resend: "Kalpa Clinics <hello@mail.example.com>". */
  from: string;
  frontDeskEmail: string;
  /** The public site's address, for links in the emails. */
  siteUrl: string;
  /** Resend's API. By default the SDK's: RESEND_BASE_URL when the client is created, else https://api.resend.com. */
  baseUrl?: string;
}

export type EmailDeliveries = Required<
  Pick<
    Deliveries,
    | 'email.booking-confirmation'
    | 'email.front-desk'
    | 'email.newsletter-confirmation'
    | 'email.rights-acknowledgement'
    | 'email.guardian-consent'
  >
>;

export function createEmailDeliveries({ baseUrl, ...options }: EmailDeliveryOptions): EmailDeliveries {
  const resend = new Resend(options.apiKey, baseUrl === undefined ? undefined : { baseUrl });
  const send = (email: Omit<OutgoingEmail, 'from'>, { idempotencyKey }: DeliveryAttempt) =>
    sendEmail(resend, { from: options.from, ...email }, { idempotencyKey });

  return {
    'email.booking-confirmation': async (booking, attempt) =>
      send(
        {
          to: booking.to,
          replyTo: clinic.email,
          ...(await bookingConfirmationEmail(booking, { siteUrl: options.siteUrl })),
        },
        attempt,
      ),
    'email.guardian-consent': async (request, attempt) =>
      send(
        {
          to: request.to,
          replyTo: clinic.email,
          ...(await guardianConsentRequestEmail(request, { siteUrl: options.siteUrl })),
        },
        attempt,
      ),
    'email.front-desk': async (request, attempt) =>
      send({ to: options.frontDeskEmail, ...(await frontDeskNotificationEmail(request)) }, attempt),
    'email.newsletter-confirmation': async (signup, attempt) =>
      send(
        {
          to: signup.to,
          replyTo: clinic.email,
          headers: oneClickUnsubscribeHeaders(signup.unsubscribeUrl),
          ...(await newsletterConfirmationEmail(signup)),
        },
        attempt,
      ),
    // Replies go to the Grievance Officer, who answers for the request.
    'email.rights-acknowledgement': async (request, attempt) =>
      send(
        { to: request.to, replyTo: clinic.grievanceOfficer.email, ...(await rightsAcknowledgementEmail(request)) },
        attempt,
      ),
  };
}

/** RFC 8058: mail apps offer an unsubscribe button that POSTs to the address, no browser or login needed. */
function oneClickUnsubscribeHeaders(unsubscribeUrl: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
