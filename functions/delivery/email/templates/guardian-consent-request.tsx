/**
 * To the parent or guardian named on a booking request for a patient under 18: the request, and the signed link
 * with which they confirm, in one step, that they are the patient's parent or legal guardian and agree to it. The
 * subject names neither the patient nor the treatment: inboxes show it on lock screens. No note and no date of
 * birth are in the payload, so neither can reach this email.
 */
import { Heading, Text } from '@react-email/components';
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianRelationships } from '#functions/clinic/form-choices.ts';
import { guardianConsentCheck, guardianConsentStatement } from '#functions/clinic/policy-wording.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import type { GuardianConsentEmailPayload } from '#functions/outbox/jobs.ts';
import { BookingDetails, BranchPhone } from './booking-details.tsx';
import { formatMomentInClinic } from './formatting.ts';
import { EmailLayout, LinkButton, PrivacyPolicyNote, SignOff, styles } from './layout.tsx';

interface GuardianConsentRequestProps {
  request: GuardianConsentEmailPayload;
  privacyPolicyUrl: string;
}

function GuardianConsentRequest({ request, privacyPolicyUrl }: GuardianConsentRequestProps) {
  const expiry = formatMomentInClinic(request.expiresAt);
  const relationship = guardianRelationships[request.relationship].toLowerCase();
  return (
    <EmailLayout
      preview={`One step: confirm that you agree to this appointment request. The link works until ${expiry}.`}
      heading="Please confirm your consent"
    >
      <Text style={styles.paragraph}>Hello {request.guardianName},</Text>
      <Text style={styles.paragraph}>
        We have received a request for an appointment at {clinic.brand} for {request.patientName}, who is under 18,
        naming you as their {relationship}. Before we go further, we need you to confirm it.
      </Text>
      <BookingDetails booking={request} />
      <Text style={styles.paragraph}>If you agree, press the button and confirm this on the page it opens:</Text>
      <Text style={styles.quote}>{guardianConsentStatement(request.patientName)}</Text>
      <LinkButton href={request.verifyUrl} label="Confirm my consent" />
      <Text style={styles.paragraph}>The link works until {expiry}.</Text>

      <Heading as="h2" style={styles.subheading}>
        How we handle this request
      </Heading>
      <Text style={styles.paragraph}>{guardianConsentCheck}</Text>
      <Text style={styles.paragraph}>
        If you did not ask for this, or do not agree, you need not do anything. To tell us, or to change the request,
        call <BranchPhone branch={request.branch} /> and quote the reference, {request.reference}.
      </Text>
      <SignOff />
      <PrivacyPolicyNote href={privacyPolicyUrl}>
        explains how we look after these details, and how you, for the patient, can see, correct or delete them.
      </PrivacyPolicyNote>
    </EmailLayout>
  );
}

export function guardianConsentRequestEmail(
  request: GuardianConsentEmailPayload,
  { siteUrl }: { siteUrl: string },
): Promise<RenderedEmail> {
  const privacyPolicyUrl = new URL('/privacy-policy/#appointment-requests-for-patients-under-18', siteUrl).href;
  return renderEmail(
    `${clinic.brand}: please confirm your consent to an appointment request (${request.reference})`,
    <GuardianConsentRequest request={request} privacyPolicyUrl={privacyPolicyUrl} />,
  );
}
