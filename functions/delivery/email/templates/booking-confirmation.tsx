/**
 * To the patient: we have their request, which is not yet an appointment. The payload holds no note and no
 * date of birth, so neither can reach this email. The subject names no treatment: inboxes show it on lock screens.
 */
import { Heading, Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { BookingConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { BookingDetails, BranchPhone } from './booking-details.tsx';
import { EmailLayout, PrivacyPolicyNote, SignOff, styles } from './layout.tsx';

interface BookingConfirmationProps {
  booking: BookingConfirmationEmailPayload;
  privacyPolicyUrl: string;
}

function BookingConfirmation({ booking, privacyPolicyUrl }: BookingConfirmationProps) {
  return (
    <EmailLayout
      preview={`Our front desk will call or WhatsApp you to confirm a time. Your reference is ${booking.reference}.`}
      heading="We have received your request"
    >
      <Text style={styles.paragraph}>Hello {booking.fullName},</Text>
      <Text style={styles.paragraph}>
        Thank you for choosing {clinic.brand}. This is a request, not a confirmed appointment yet: our front desk will
        call you or message you on WhatsApp to agree a time with you.
      </Text>
      <BookingDetails booking={booking} />
      <Heading as="h2" style={styles.subheading}>
        Need to change or cancel?
      </Heading>
      <Text style={styles.paragraph}>
        Call <BranchPhone branch={booking.branch} /> and quote your reference, {booking.reference}.
      </Text>
      <SignOff />
      <PrivacyPolicyNote href={privacyPolicyUrl}>
        explains how we look after your details and how you can see, correct or delete them.
      </PrivacyPolicyNote>
    </EmailLayout>
  );
}

export function bookingConfirmationEmail(
  booking: BookingConfirmationEmailPayload,
  { siteUrl }: { siteUrl: string },
): Promise<RenderedEmail> {
  const privacyPolicyUrl = new URL('/privacy-policy/', siteUrl).href;
  return renderEmail(
    `${clinic.brand}: we have received your request (${booking.reference})`,
    <BookingConfirmation booking={booking} privacyPolicyUrl={privacyPolicyUrl} />,
  );
}
