/**
 * To the parent or guardian named on a booking request for a patient under 18: the request, and the signed link
 * with which they confirm, in one step, that they are the patient's parent or legal guardian and agree to it. The
 * subject names neither the patient nor the treatment: inboxes show it on lock screens. No note and no date of
 * birth are in the payload, so neither can reach this email. In the language of the page the request was sent from.
 */
import { Heading, Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianRelationships } from '#functions/clinic/form-choices.ts';
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import { guardianConsentChecks, guardianConsentStatements } from '#functions/clinic/policy-wording.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { GuardianConsentEmailPayload } from '#functions/outbox/jobs.ts';
import { BookingDetails, BranchPhone } from './booking-details.tsx';
import { formatMomentInClinic } from './formatting.ts';
import { EmailLayout, LinkButton, PrivacyPolicyNote, SignOff, styles } from './layout.tsx';

type Relationship = GuardianConsentEmailPayload['relationship'];

const english = {
  subject: (reference: string) =>
    `${clinic.brand}: please confirm your consent to an appointment request (${reference})`,
  preview: (expiry: string) =>
    `One step: confirm that you agree to this appointment request. The link works until ${expiry}.`,
  heading: 'Please confirm your consent',
  hello: (name: string) => `Hello ${name},`,
  request: (patientName: string, relationship: Relationship) =>
    `We have received a request for an appointment at ${clinic.brand} for ${patientName}, who is under 18, naming you as their ${guardianRelationships[relationship].toLowerCase()}. Before we go further, we need you to confirm it.`,
  ifYouAgree: 'If you agree, press the button and confirm this on the page it opens:',
  button: 'Confirm my consent',
  validUntil: (expiry: string) => `The link works until ${expiry}.`,
  howWeHandle: 'How we handle this request',
  notYou:
    'If you did not ask for this, or do not agree, you need not do anything. To tell us, or to change the request, call ',
  quote: (reference: string) => ` and quote the reference, ${reference}.`,
  policy: 'explains how we look after these details, and how you, for the patient, can see, correct or delete them.',
};

/** The email's words in each language (translation-check.ts holds them to the same keys). */
export const guardianConsentRequestWords: Record<Locale, typeof english> = {
  en: english,
  hi: {
    subject: (reference) => `${clinic.brand}: कृपया अपॉइंटमेंट अनुरोध के लिए अपनी सहमति की पुष्टि करें (${reference})`,
    preview: (expiry) => `बस एक कदम: पुष्टि करें कि आप इस अपॉइंटमेंट अनुरोध से सहमत हैं। लिंक ${expiry} तक काम करेगा।`,
    heading: 'कृपया अपनी सहमति की पुष्टि करें',
    hello: (name) => `नमस्ते ${name},`,
    request: (patientName, relationship) =>
      `हमें ${clinic.brand} पर ${patientName} के लिए अपॉइंटमेंट का अनुरोध मिला है, जिनकी उम्र 18 साल से कम है, और इसमें आपको उनका ${relationship === 'parent' ? 'माता या पिता' : 'क़ानूनी अभिभावक'} बताया गया है। आगे बढ़ने से पहले हमें आपसे इसकी पुष्टि चाहिए।`,
    ifYouAgree: 'अगर आप सहमत हैं, तो बटन दबाएं और खुलने वाले पेज पर इसकी पुष्टि करें:',
    button: 'मेरी सहमति की पुष्टि करें',
    validUntil: (expiry) => `यह लिंक ${expiry} तक काम करेगा।`,
    howWeHandle: 'हम इस अनुरोध को कैसे संभालते हैं',
    notYou:
      'अगर आपने यह अनुरोध नहीं किया, या आप सहमत नहीं हैं, तो आपको कुछ करने की ज़रूरत नहीं। हमें बताने के लिए, या अनुरोध बदलने के लिए, फ़ोन करें ',
    quote: (reference) => ` और रेफ़रेंस ${reference} बताएं।`,
    policy:
      'में बताया गया है कि हम इस जानकारी की देखभाल कैसे करते हैं, और आप मरीज़ की ओर से उसे कैसे देख सकते हैं, ठीक करवा सकते हैं या मिटवा सकते हैं।',
  },
};

interface GuardianConsentRequestProps {
  request: GuardianConsentEmailPayload;
  privacyPolicyUrl: string;
  preferencesUrl: string;
  locale: Locale;
}

function GuardianConsentRequest({ request, privacyPolicyUrl, preferencesUrl, locale }: GuardianConsentRequestProps) {
  const words = guardianConsentRequestWords[locale];
  const expiry = formatMomentInClinic(request.expiresAt, locale);
  return (
    <EmailLayout
      preview={words.preview(expiry)}
      heading={words.heading}
      locale={locale}
      preferencesUrl={preferencesUrl}
    >
      <Text style={styles.paragraph}>{words.hello(request.guardianName)}</Text>
      <Text style={styles.paragraph}>{words.request(request.patientName, request.relationship)}</Text>
      <BookingDetails booking={request} locale={locale} />
      <Text style={styles.paragraph}>{words.ifYouAgree}</Text>
      <Text style={styles.quote}>{guardianConsentStatements[locale](request.patientName)}</Text>
      <LinkButton href={request.verifyUrl} label={words.button} locale={locale} />
      <Text style={styles.paragraph}>{words.validUntil(expiry)}</Text>

      <Heading as="h2" style={styles.subheading}>
        {words.howWeHandle}
      </Heading>
      <Text style={styles.paragraph}>{guardianConsentChecks[locale]}</Text>
      <Text style={styles.paragraph}>
        {words.notYou}
        <BranchPhone branch={request.branch} locale={locale} />
        {words.quote(request.reference)}
      </Text>
      <SignOff locale={locale} />
      <PrivacyPolicyNote href={privacyPolicyUrl} locale={locale}>
        {words.policy}
      </PrivacyPolicyNote>
    </EmailLayout>
  );
}

export function guardianConsentRequestEmail(
  request: GuardianConsentEmailPayload,
  { siteUrl, preferencesUrl }: { siteUrl: string; preferencesUrl: string },
): Promise<RenderedEmail> {
  // A job queued before requests recorded their language came from an English page.
  const locale = request.locale ?? defaultLocale;
  const privacyPolicyUrl = new URL('/privacy-policy/#appointment-requests-for-patients-under-18', siteUrl).href;
  return renderEmail(
    guardianConsentRequestWords[locale].subject(request.reference),
    <GuardianConsentRequest
      request={request}
      privacyPolicyUrl={privacyPolicyUrl}
      preferencesUrl={preferencesUrl}
      locale={locale}
    />,
  );
}
