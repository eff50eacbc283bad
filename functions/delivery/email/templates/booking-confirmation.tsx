/**
 * To the patient: we have their request, which is not yet an appointment. The payload holds no note and no
 * date of birth, so neither can reach this email. The subject names no treatment: inboxes show it on lock screens.
 * In the language of the page the request was sent from.
 */
import { Heading, Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { BookingConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { BookingDetails, BranchPhone } from './booking-details.tsx';
import { EmailLayout, PrivacyPolicyNote, SignOff, styles } from './layout.tsx';

const english = {
  subject: (reference: string) => `${clinic.brand}: we have received your request (${reference})`,
  preview: (reference: string) =>
    `Our front desk will call or WhatsApp you to confirm a time. Your reference is ${reference}.`,
  heading: 'We have received your request',
  hello: (name: string) => `Hello ${name},`,
  request: `Thank you for choosing ${clinic.brand}. This is a request, not a confirmed appointment yet: our front desk will call you or message you on WhatsApp to agree a time with you.`,
  change: 'Need to change or cancel?',
  call: 'Call ',
  quote: (reference: string) => ` and quote your reference, ${reference}.`,
  policy: 'explains how we look after your details and how you can see, correct or delete them.',
};

/** The email's words in each language (translation-check.ts holds them to the same keys). */
export const bookingConfirmationWords: Record<Locale, typeof english> = {
  en: english,
  hi: {
    subject: (reference) => `${clinic.brand}: आपका अनुरोध हमें मिल गया है (${reference})`,
    preview: (reference) => `हमारा फ़्रंट डेस्क समय पक्का करने के लिए आपको फ़ोन या WhatsApp करेगा। आपका रेफ़रेंस ${reference} है।`,
    heading: 'आपका अनुरोध हमें मिल गया है',
    hello: (name) => `नमस्ते ${name},`,
    request: `${clinic.brand} चुनने के लिए धन्यवाद। यह अभी एक अनुरोध है, पक्का अपॉइंटमेंट नहीं: हमारा फ़्रंट डेस्क आपको फ़ोन करके या WhatsApp पर संदेश भेजकर आपके साथ समय तय करेगा।`,
    change: 'कुछ बदलना है या रद्द करना है?',
    call: 'फ़ोन करें ',
    quote: (reference) => ` और अपना रेफ़रेंस ${reference} बताएं।`,
    policy: 'में बताया गया है कि हम आपकी जानकारी की देखभाल कैसे करते हैं, और आप उसे कैसे देख सकते हैं, ठीक करवा सकते हैं या मिटवा सकते हैं।',
  },
};

interface BookingConfirmationProps {
  booking: BookingConfirmationEmailPayload;
  privacyPolicyUrl: string;
  preferencesUrl: string;
  locale: Locale;
}

function BookingConfirmation({ booking, privacyPolicyUrl, preferencesUrl, locale }: BookingConfirmationProps) {
  const words = bookingConfirmationWords[locale];
  return (
    <EmailLayout
      preview={words.preview(booking.reference)}
      heading={words.heading}
      locale={locale}
      preferencesUrl={preferencesUrl}
    >
      <Text style={styles.paragraph}>{words.hello(booking.fullName)}</Text>
      <Text style={styles.paragraph}>{words.request}</Text>
      <BookingDetails booking={booking} locale={locale} />
      <Heading as="h2" style={styles.subheading}>
        {words.change}
      </Heading>
      <Text style={styles.paragraph}>
        {words.call}
        <BranchPhone branch={booking.branch} locale={locale} />
        {words.quote(booking.reference)}
      </Text>
      <SignOff locale={locale} />
      <PrivacyPolicyNote href={privacyPolicyUrl} locale={locale}>
        {words.policy}
      </PrivacyPolicyNote>
    </EmailLayout>
  );
}

export function bookingConfirmationEmail(
  booking: BookingConfirmationEmailPayload,
  { siteUrl, preferencesUrl }: { siteUrl: string; preferencesUrl: string },
): Promise<RenderedEmail> {
  // A job queued before requests recorded their language came from an English page.
  const locale = booking.locale ?? defaultLocale;
  const privacyPolicyUrl = new URL('/privacy-policy/', siteUrl).href;
  return renderEmail(
    bookingConfirmationWords[locale].subject(booking.reference),
    <BookingConfirmation
      booking={booking}
      privacyPolicyUrl={privacyPolicyUrl}
      preferencesUrl={preferencesUrl}
      locale={locale}
    />,
  );
}
