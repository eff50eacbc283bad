/** Double opt-in: nobody is subscribed until they follow the link in this email. In the sign-up page's language. */
import { Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { NewsletterConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { formatMomentInClinic } from './formatting.ts';
import { EmailLayout, LinkButton, SignOff, styles } from './layout.tsx';

const english = {
  subject: `Please confirm your subscription to ${clinic.brand} news`,
  preview: (expiry: string) => `One click to confirm. The link works until ${expiry}.`,
  heading: 'Please confirm your subscription',
  thanks: `Thank you for signing up for news from ${clinic.brand}. To start receiving it, please confirm that this is your email address:`,
  button: 'Confirm my subscription',
  validUntil: (expiry: string) => `The link works until ${expiry}.`,
  notYou:
    'If you did not ask for this, please ignore this email: you will not be subscribed, and we will not write to you again.',
};

/** The email's words in each language (translation-check.ts holds them to the same keys). */
export const newsletterConfirmationWords: Record<Locale, typeof english> = {
  en: english,
  hi: {
    subject: `${clinic.brand} के न्यूज़लेटर की अपनी सदस्यता की पुष्टि करें`,
    preview: (expiry) => `पुष्टि के लिए बस एक क्लिक। लिंक ${expiry} तक काम करेगा।`,
    heading: 'कृपया अपनी सदस्यता की पुष्टि करें',
    thanks: `${clinic.brand} की ख़बरों के लिए साइन अप करने का धन्यवाद। ये पाना शुरू करने के लिए कृपया पुष्टि करें कि यह ईमेल पता आपका है:`,
    button: 'मेरी सदस्यता की पुष्टि करें',
    validUntil: (expiry) => `यह लिंक ${expiry} तक काम करेगा।`,
    notYou: 'अगर आपने यह नहीं मांगा था, तो इस ईमेल को अनदेखा कर दें: आपकी सदस्यता शुरू नहीं होगी, और हम आपको दोबारा नहीं लिखेंगे।',
  },
};

interface NewsletterConfirmationProps {
  signup: NewsletterConfirmationEmailPayload;
  preferencesUrl: string;
  locale: Locale;
}

function NewsletterConfirmation({ signup, preferencesUrl, locale }: NewsletterConfirmationProps) {
  const words = newsletterConfirmationWords[locale];
  const expiry = formatMomentInClinic(signup.expiresAt, locale);
  return (
    <EmailLayout
      preview={words.preview(expiry)}
      heading={words.heading}
      locale={locale}
      preferencesUrl={preferencesUrl}
    >
      <Text style={styles.paragraph}>{words.thanks}</Text>
      <LinkButton href={signup.confirmUrl} label={words.button} locale={locale} />
      <Text style={styles.paragraph}>{words.validUntil(expiry)}</Text>
      <Text style={styles.paragraph}>{words.notYou}</Text>
      <SignOff locale={locale} />
    </EmailLayout>
  );
}

export function newsletterConfirmationEmail(
  signup: NewsletterConfirmationEmailPayload,
  { preferencesUrl }: { preferencesUrl: string },
): Promise<RenderedEmail> {
  // A job queued before sign-ups recorded their language came from an English page.
  const locale = signup.locale ?? defaultLocale;
  return renderEmail(
    newsletterConfirmationWords[locale].subject,
    <NewsletterConfirmation signup={signup} preferencesUrl={preferencesUrl} locale={locale} />,
  );
}
