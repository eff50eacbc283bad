/**
 * To someone who used one of their data rights (to see, correct or delete their information, say): the request
 * has arrived, what happens next and by when, and where to turn if they are unhappy with the answer. Nothing is
 * done on the strength of the form alone: staff first check that the request comes from the person it says.
 */
import { Heading, Link, Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { dataProtectionBoard } from '#functions/clinic/data-protection-board.ts';
import { rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { RightsAcknowledgementEmailPayload } from '#functions/outbox/jobs.ts';
import { formatDayInClinic, formatMomentInClinic } from './formatting.ts';
import { Detail, Details, EmailLayout, SignOff, styles } from './layout.tsx';

function RightsAcknowledgement({ request }: { request: RightsAcknowledgementEmailPayload }) {
  const officer = clinic.grievanceOfficer;
  const resolveBy = formatDayInClinic(request.resolveBy);
  const officerEmail = (
    <Link href={`mailto:${officer.email}`} style={styles.link}>
      {officer.email}
    </Link>
  );
  return (
    <EmailLayout
      preview={`Your reference is ${request.reference}. We will contact you within ${officer.acknowledgeWithinHours} hours to confirm the request is yours.`}
      heading="We have received your request"
    >
      <Text style={styles.paragraph}>Hello {request.fullName},</Text>
      <Text style={styles.paragraph}>
        Thank you for contacting {clinic.brand} about your personal information. Your request has reached the people who
        look after privacy at the clinic.
      </Text>
      <Details>
        <Detail label="Reference">{request.reference}</Detail>
        <Detail label="Your request">{rightsRequestTypes[request.requestType].label}</Detail>
        <Detail label="Received">{formatMomentInClinic(request.receivedAt)}</Detail>
        <Detail label="Our answer by">{resolveBy}</Detail>
      </Details>

      <Heading as="h2" style={styles.subheading}>
        What happens next
      </Heading>
      <Text style={styles.paragraph}>
        Within {officer.acknowledgeWithinHours} hours, we will contact you to confirm that the request comes from you.
        We check this before we act on your request, so that nobody else can see, change or delete your information in
        your name. Nothing is deleted before then.
      </Text>
      {request.requestType === 'stop-marketing' && (
        <Text style={styles.paragraph}>
          One part has already happened: we ended any newsletter subscription for this email address and told our
          contact system that you no longer agree to marketing emails, nor, if you gave us your mobile number, to
          appointment updates on WhatsApp for it. You may still get messages about appointments you have asked for.
        </Text>
      )}
      <Text style={styles.paragraph}>
        Once we have confirmed it is you, we will deal with your request and reply within {officer.resolveWithinDays}{' '}
        days of receiving it, that is by {resolveBy}. If there is anything we cannot do, for example because the law
        asks us to keep certain records, we will tell you what and why.
      </Text>

      <Heading as="h2" style={styles.subheading}>
        Questions or concerns
      </Heading>
      <Text style={styles.paragraph}>
        Our Grievance Officer, {officer.name}, is responsible for your request. You can write to them at {officerEmail}{' '}
        or reply to this email, quoting your reference, {request.reference}.
      </Text>
      <Text style={styles.paragraph}>
        If you are not satisfied with our response, you can complain to the{' '}
        <Link href={dataProtectionBoard.website} style={styles.link}>
          {dataProtectionBoard.name}
        </Link>
        .
      </Text>
      <Text style={styles.paragraph}>
        If you did not make this request, please tell us at {officerEmail} so that we can look into it.
      </Text>
      <SignOff />
    </EmailLayout>
  );
}

export function rightsAcknowledgementEmail(request: RightsAcknowledgementEmailPayload): Promise<RenderedEmail> {
  return renderEmail(
    `${clinic.brand}: we have received your privacy request (${request.reference})`,
    <RightsAcknowledgement request={request} />,
  );
}
