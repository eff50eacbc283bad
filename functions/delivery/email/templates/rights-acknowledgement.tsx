/**
 * To someone who used one of their data rights (to see, correct or delete their information, say): the request
 * has arrived, what happens next and by when, and where to turn if they are unhappy with the answer. Nothing is
 * done on the strength of the form alone: staff first check that the request comes from the person it says.
 * Written in the language of the page the request came from.
 */
import { Heading, Link, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import { clinic } from '#functions/clinic/clinic.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import { rightsRequestLabels } from '#functions/clinic/rights-request-labels.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { RightsAcknowledgementEmailPayload } from '#functions/outbox/jobs.ts';
import { formatDayInClinic, formatMomentInClinic } from './formatting.ts';
import { Detail, Details, EmailLayout, SignOff, styles } from './layout.tsx';

const officer = clinic.grievanceOfficer;
const hours = officer.acknowledgeWithinHours;
const days = officer.resolveWithinDays;

const english = {
  subject: (reference: string) => `${clinic.brand}: we have received your privacy request (${reference})`,
  preview: (reference: string) =>
    `Your reference is ${reference}. We will contact you within ${hours} hours to confirm the request is yours.`,
  heading: 'We have received your request',
  hello: (name: string) => `Hello ${name},`,
  thanks: `Thank you for contacting ${clinic.brand} about your personal information. Your request has reached the people who look after privacy at the clinic.`,
  reference: 'Reference',
  yourRequest: 'Your request',
  received: 'Received',
  answerBy: 'Our answer by',
  next: 'What happens next',
  identity: `Within ${hours} hours, we will contact you to confirm that the request comes from you. We check this before we act on your request, so that nobody else can see, change or delete your information in your name. Nothing is deleted before then.`,
  stopMarketing:
    'One part has already happened: we ended any newsletter subscription for this email address and told our contact system that you no longer agree to marketing emails, nor, if you gave us your mobile number, to appointment updates on WhatsApp for it. You may still get messages about appointments you have asked for.',
  resolve: (resolveBy: string) =>
    `Once we have confirmed it is you, we will deal with your request and reply within ${days} days of receiving it, that is by ${resolveBy}. If there is anything we cannot do, for example because the law asks us to keep certain records, we will tell you what and why.`,
  questions: 'Questions or concerns',
  responsible: (email: ReactNode, reference: string) => (
    <>
      Our Grievance Officer, {officer.name}, is responsible for your request. You can write to them at {email} or reply
      to this email, quoting your reference, {reference}.
    </>
  ),
  complain: (board: ReactNode) => <>If you are not satisfied with our response, you can complain to the {board}.</>,
  notYou: (email: ReactNode) => (
    <>If you did not make this request, please tell us at {email} so that we can look into it.</>
  ),
};

/** The email's words in each language (translation-check.ts holds them to the same keys). */
export const rightsAcknowledgementWords: Record<Locale, typeof english> = {
  en: english,
  hi: {
    subject: (reference) => `${clinic.brand}: आपका गोपनीयता अनुरोध हमें मिल गया है (${reference})`,
    preview: (reference) =>
      `आपका रेफ़रेंस ${reference} है। यह पक्का करने के लिए कि अनुरोध आपका है, हम ${hours} घंटे के अंदर आपसे संपर्क करेंगे।`,
    heading: 'आपका अनुरोध हमें मिल गया है',
    hello: (name) => `नमस्ते ${name},`,
    thanks: `अपनी व्यक्तिगत जानकारी के बारे में ${clinic.brand} से संपर्क करने के लिए धन्यवाद। आपका अनुरोध क्लिनिक में गोपनीयता का काम देखने वाले लोगों तक पहुंच गया है।`,
    reference: 'रेफ़रेंस',
    yourRequest: 'आपका अनुरोध',
    received: 'मिलने का समय',
    answerBy: 'हमारा जवाब इस तारीख़ तक',
    next: 'आगे क्या होगा',
    identity: `${hours} घंटे के अंदर हम आपसे संपर्क करके पक्का करेंगे कि अनुरोध आपने ही भेजा है। आपके अनुरोध पर काम करने से पहले हम यह इसलिए जांचते हैं, ताकि आपके नाम पर कोई और आपकी जानकारी न देख, बदल या मिटा सके। तब तक कुछ भी नहीं मिटाया जाता।`,
    stopMarketing:
      'एक काम हो चुका है: इस ईमेल पते की न्यूज़लेटर सदस्यता, अगर थी, तो हमने ख़त्म कर दी है, और अपने कॉन्टैक्ट सिस्टम को बता दिया है कि अब आप मार्केटिंग ईमेल के लिए सहमत नहीं हैं, और अगर आपने अपना मोबाइल नंबर दिया था, तो उस पर WhatsApp से अपॉइंटमेंट अपडेट के लिए भी नहीं। आपने जिन अपॉइंटमेंट के बारे में पूछा है, उनके मैसेज आपको मिलते रह सकते हैं।',
    resolve: (resolveBy) =>
      `पुष्टि होने के बाद हम आपके अनुरोध पर काम करेंगे और उसके मिलने के ${days} दिन के अंदर, यानी ${resolveBy} तक, जवाब देंगे। अगर कोई काम हम नहीं कर सकते, जैसे क़ानून के मुताबिक़ कुछ रिकॉर्ड रखने ज़रूरी हों, तो हम बताएंगे कि क्या और क्यों।`,
    questions: 'सवाल या चिंता',
    responsible: (email, reference) => (
      <>
        आपके अनुरोध की ज़िम्मेदारी हमारे शिकायत अधिकारी, {officer.inHindi.name}, की है। आप उन्हें {email} पर लिख सकते हैं, या अपना
        रेफ़रेंस {reference} बताते हुए इस ईमेल का जवाब दे सकते हैं।
      </>
    ),
    complain: (board) => <>अगर आप हमारे जवाब से संतुष्ट न हों, तो आप {board} (डेटा संरक्षण बोर्ड) में शिकायत कर सकते हैं।</>,
    notYou: (email) => <>अगर यह अनुरोध आपने नहीं भेजा है, तो कृपया हमें {email} पर बताएं, ताकि हम इसकी जांच कर सकें।</>,
  },
};

interface RightsAcknowledgementProps {
  request: RightsAcknowledgementEmailPayload;
  preferencesUrl: string;
  locale: Locale;
}

function RightsAcknowledgement({ request, preferencesUrl, locale }: RightsAcknowledgementProps) {
  const words = rightsAcknowledgementWords[locale];
  const resolveBy = formatDayInClinic(request.resolveBy, locale);
  const officerEmail = (
    <Link href={`mailto:${officer.email}`} style={styles.link}>
      {officer.email}
    </Link>
  );
  const board = (
    <Link href={dataProtectionBoard.website} style={styles.link}>
      {dataProtectionBoard.name}
    </Link>
  );
  return (
    <EmailLayout
      preview={words.preview(request.reference)}
      heading={words.heading}
      locale={locale}
      preferencesUrl={preferencesUrl}
    >
      <Text style={styles.paragraph}>{words.hello(request.fullName)}</Text>
      <Text style={styles.paragraph}>{words.thanks}</Text>
      <Details>
        <Detail label={words.reference}>{request.reference}</Detail>
        <Detail label={words.yourRequest}>{rightsRequestLabels[locale].rightsRequestTypes[request.requestType]}</Detail>
        <Detail label={words.received}>{formatMomentInClinic(request.receivedAt, locale)}</Detail>
        <Detail label={words.answerBy}>{resolveBy}</Detail>
      </Details>

      <Heading as="h2" style={styles.subheading}>
        {words.next}
      </Heading>
      <Text style={styles.paragraph}>{words.identity}</Text>
      {request.requestType === 'stop-marketing' && <Text style={styles.paragraph}>{words.stopMarketing}</Text>}
      <Text style={styles.paragraph}>{words.resolve(resolveBy)}</Text>

      <Heading as="h2" style={styles.subheading}>
        {words.questions}
      </Heading>
      <Text style={styles.paragraph}>{words.responsible(officerEmail, request.reference)}</Text>
      <Text style={styles.paragraph}>{words.complain(board)}</Text>
      <Text style={styles.paragraph}>{words.notYou(officerEmail)}</Text>
      <SignOff locale={locale} />
    </EmailLayout>
  );
}

export function rightsAcknowledgementEmail(
  request: RightsAcknowledgementEmailPayload,
  { preferencesUrl }: { preferencesUrl: string },
): Promise<RenderedEmail> {
  // A job queued before requests recorded their language came from an English page.
  const locale = request.locale ?? defaultLocale;
  return renderEmail(
    rightsAcknowledgementWords[locale].subject(request.reference),
    <RightsAcknowledgement request={request} preferencesUrl={preferencesUrl} locale={locale} />,
  );
}
