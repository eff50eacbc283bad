/**
 * To the front desk: everything needed to call back and book, including the patient's note. Internal only. For a
 * patient under 18, whom to call (the parent or guardian), and how to record their consent if they give it on
 * the call: until it is verified the request must not go further, and it is deleted if it never is.
 */
import { Heading, Link, Text } from '@react-email/components';
import { Fragment } from 'react';
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianRelationships } from '#functions/clinic/form-choices.ts';
import { formatPhone } from '#functions/clinic/format.ts';
import { defaultLocale, languageNamesInEnglish } from '#functions/clinic/locales.ts';
import { retention } from '#functions/clinic/retention.ts';
import { type RenderedEmail, renderEmail } from '#functions/delivery/email/render.ts';
import { type FrontDeskEmailPayload, sentQuicklyNote } from '#functions/outbox/jobs.ts';
import { BookingDetails } from './booking-details.tsx';
import { bookedBranch, formatDay } from './formatting.ts';
import { Detail, Details, EmailLayout, styles } from './layout.tsx';

function PhoneLink({ e164 }: { e164: string }) {
  return (
    <Link href={`tel:${e164}`} style={styles.link}>
      {formatPhone(e164)}
    </Link>
  );
}

function EmailLink({ address }: { address: string | undefined }) {
  return address ? (
    <Link href={`mailto:${address}`} style={styles.link}>
      {address}
    </Link>
  ) : (
    'not given'
  );
}

function FrontDeskNotification({ request }: { request: FrontDeskEmailPayload }) {
  const branch = bookedBranch(request.branch);
  const { guardian } = request;
  return (
    <EmailLayout
      preview={`${request.reference}: ${request.treatmentTitle} at ${branch.name}. Call back to confirm a time.`}
      heading="New booking request"
    >
      <Text style={styles.small}>
        <strong>Internal – for the {clinic.brand} front desk only.</strong> This email holds a patient's personal and
        health details: please do not forward it.
      </Text>
      {request.sentQuickly && (
        <Text style={styles.paragraph}>
          <strong>{sentQuicklyNote}</strong>
        </Text>
      )}
      <Text style={styles.paragraph}>
        {guardian
          ? `The patient is under 18. Call ${guardian.name} (${guardianRelationships[guardian.relationship].toLowerCase()}) to confirm a time.`
          : `Call ${request.fullName} to confirm a time.`}{' '}
        {request.whatsappUpdates
          ? 'They agreed to updates about this request on WhatsApp.'
          : 'They did not agree to WhatsApp updates: please call.'}
      </Text>
      {guardian && (
        <Text style={styles.paragraph}>
          <strong>Guardian consent pending.</strong>{' '}
          {guardian.email
            ? `We have emailed ${guardian.name} a link to confirm it.`
            : `${guardian.name} gave no email address, so confirm it on your call.`}{' '}
          Book nothing until it is verified. If {guardian.name} confirms on your call that they are the patient's parent
          or legal guardian and agree to this request, record it: npm run leads -- verify-guardian {request.reference}{' '}
          --method phone --by YOUR-NAME. A request not verified within {retention.unverifiedMinorRequestDays} days is
          deleted, with its deal in the CRM.
        </Text>
      )}

      <Heading as="h2" style={styles.subheading}>
        Request
      </Heading>
      <BookingDetails booking={request} />

      <Heading as="h2" style={styles.subheading}>
        Patient
      </Heading>
      <Details>
        <Detail label="Name">{request.fullName}</Detail>
        <Detail label="Mobile">{request.mobile ? <PhoneLink e164={request.mobile} /> : 'not given'}</Detail>
        {!guardian && (
          <Detail label="Email">
            <EmailLink address={request.email} />
          </Detail>
        )}
        <Detail label="Date of birth">{formatDay(request.dateOfBirth)}</Detail>
        <Detail label="Under 18">{request.isMinor ? 'Yes' : 'No'}</Detail>
        <Detail label="WhatsApp updates">{request.whatsappUpdates ? 'Yes' : 'No'}</Detail>
        <Detail label="Language">
          {languageNamesInEnglish[request.locale ?? defaultLocale]} (the page the request was sent from: reply in it)
        </Detail>
      </Details>

      {guardian && (
        <>
          <Heading as="h2" style={styles.subheading}>
            Parent or guardian
          </Heading>
          <Details>
            <Detail label="Name">{guardian.name}</Detail>
            <Detail label="Relationship">{guardianRelationships[guardian.relationship]}</Detail>
            <Detail label="Mobile">
              <PhoneLink e164={guardian.mobile} />
            </Detail>
            <Detail label="Email">
              <EmailLink address={guardian.email} />
            </Detail>
            <Detail label="Consent">Ticked on the booking form; not verified yet</Detail>
          </Details>
        </>
      )}

      <Heading as="h2" style={styles.subheading}>
        Note from the patient
      </Heading>
      {request.helpText ? (
        <Text style={styles.quote}>
          {request.helpText.split('\n').map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of a fixed text never change order
            <Fragment key={index}>
              {index > 0 && <br />}
              {line}
            </Fragment>
          ))}
        </Text>
      ) : (
        <Text style={styles.paragraph}>No note was left.</Text>
      )}
    </EmailLayout>
  );
}

export function frontDeskNotificationEmail(request: FrontDeskEmailPayload): Promise<RenderedEmail> {
  const branch = bookedBranch(request.branch);
  const minor = request.isMinor ? ' (under 18)' : '';
  const check = request.sentQuickly ? ' (check: sent very quickly)' : '';
  return renderEmail(
    `New booking request ${request.reference}${minor}${check}: ${request.treatmentTitle}, ${branch.name}`,
    <FrontDeskNotification request={request} />,
  );
}
