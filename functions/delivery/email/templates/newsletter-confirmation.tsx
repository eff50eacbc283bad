/** Double opt-in: nobody is subscribed until they follow the link in this email. */
import { Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { NewsletterConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { formatMomentInClinic } from './formatting.ts';
import { EmailLayout, LinkButton, SignOff, styles } from './layout.tsx';

function NewsletterConfirmation({ signup }: { signup: NewsletterConfirmationEmailPayload }) {
  const expiry = formatMomentInClinic(signup.expiresAt);
  return (
    <EmailLayout
      preview={`One click to confirm. The link works until ${expiry}.`}
      heading="Please confirm your subscription"
    >
      <Text style={styles.paragraph}>
        Thank you for signing up for news from {clinic.brand}. To start receiving it, please confirm that this is your
        email address:
      </Text>
      <LinkButton href={signup.confirmUrl} label="Confirm my subscription" />
      <Text style={styles.paragraph}>The link works until {expiry}.</Text>
      <Text style={styles.paragraph}>
        If you did not ask for this, please ignore this email: you will not be subscribed, and we will not write to you
        again.
      </Text>
      <SignOff />
    </EmailLayout>
  );
}

export function newsletterConfirmationEmail(signup: NewsletterConfirmationEmailPayload): Promise<RenderedEmail> {
  return renderEmail(
    `Please confirm your subscription to ${clinic.brand} news`,
    <NewsletterConfirmation signup={signup} />,
  );
}
