/** The lead reports as plain text for a terminal: aligned columns, times in the clinic's time zone. */
import { tz } from '@date-fns/tz';
import type { Duration } from 'date-fns';
import { format } from 'date-fns/format';
import { formatDuration } from 'date-fns/formatDuration';
import { intervalToDuration } from 'date-fns/intervalToDuration';
import { clinic } from '#functions/clinic/clinic.ts';
import { guardianConsentMethods, rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { sentQuicklyNote } from '#functions/outbox/jobs.ts';
import type { GuardianConsentOutcome } from '#functions/store/guardian-consents.ts';
import type { BookingListItem, LeadCounts, OutboxJobSummary, StoredLead } from '#functions/store/lead-reports.ts';
import type { DeadJob } from '#functions/store/outbox.ts';

const inClinicTimeZone = tz(clinic.timeZone);
const time = (moment: Date) => format(moment, 'yyyy-MM-dd HH:mm', { in: inClinicTimeZone });
const timeOrNo = (moment: Date | null) => (moment ? `yes (${time(moment)})` : 'no');

/** Rows as columns padded to their widest cell, the header first. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  return [header, ...rows].map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  );
}

/** Label and value pairs, the values aligned. */
function details(pairs: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...pairs.map(([label]) => label.length));
  return pairs.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

function age(seconds: number): string {
  const units: (keyof Duration)[] = seconds < 60 ? ['seconds'] : ['days', 'hours', 'minutes'];
  return formatDuration(intervalToDuration({ start: 0, end: seconds * 1000 }), { format: units }) || '0 seconds';
}

export function statusText(counts: LeadCounts): string[] {
  const { pending, confirmed, unsubscribed } = counts.newsletter;
  return [
    ...details([
      ['Booking requests', String(counts.bookings)],
      ['Newsletter subscriptions', `${pending} pending, ${confirmed} confirmed, ${unsubscribed} unsubscribed`],
      ['Privacy requests', String(counts.rightsRequests)],
      [
        'Oldest pending job',
        counts.oldestPendingJobAgeSeconds === undefined
          ? 'none pending'
          : `${age(counts.oldestPendingJobAgeSeconds)} old`,
      ],
    ]),
    '',
    'Outbox jobs',
    ...(counts.jobs.length === 0
      ? ['  none']
      : table(
          ['KIND', 'STATUS', 'COUNT'],
          counts.jobs.map((job) => [job.kind, job.status, String(job.count)]),
        ).map((line) => `  ${line}`)),
  ];
}

export function bookingListText(bookings: readonly BookingListItem[]): string[] {
  if (bookings.length === 0) return ['No booking requests yet.'];
  return table(
    ['REFERENCE', `CREATED (${clinic.timeZone})`, 'TREATMENT', 'BRANCH', 'MINOR'],
    bookings.map((booking) => [
      booking.reference,
      time(booking.createdAt),
      booking.treatment,
      booking.branch,
      booking.isMinor ? 'yes' : 'no',
    ]),
  );
}

function jobsText(jobs: readonly OutboxJobSummary[]): string[] {
  return [
    'Outbox jobs',
    ...table(
      ['KIND', 'STATUS', 'ATTEMPTS', 'RUN AFTER', 'LAST ERROR'],
      jobs.map((job) => [job.kind, job.status, String(job.attempts), time(job.runAfter), job.lastError ?? '']),
    ).map((line) => `  ${line}`),
  ];
}

export function leadText(lead: StoredLead): string[] {
  if (lead.type === 'rights-request') {
    const request = lead.record;
    return [
      `Privacy request ${request.reference} (times in ${clinic.timeZone})`,
      ...details([
        ['Received', time(request.created_at)],
        ['Submission ID', request.submission_id],
        ['Request', rightsRequestTypes[request.request_type].label],
        ['Name', request.full_name],
        ['Email', request.email ?? '—'],
        ['Mobile', request.mobile_e164 ?? '—'],
        [
          'About',
          request.subject_name ? `${request.subject_name} (${request.requester_role})` : 'their own information',
        ],
        ['Details', request.details ?? '—'],
        ['Screening', screeningText(request.sent_quickly)],
      ]),
      '',
      ...jobsText(lead.jobs),
    ];
  }
  if (lead.type === 'newsletter') {
    const subscription = lead.record;
    return [
      `Newsletter subscription ${subscription.reference} (times in ${clinic.timeZone})`,
      ...details([
        ['Created', time(subscription.created_at)],
        ['Submission ID', subscription.submission_id],
        ['Email', subscription.email],
        ['Status', subscription.status],
        ['Consent', time(subscription.consent_at)],
        ['Confirmed', timeOrNo(subscription.confirmed_at)],
        ['Unsubscribed', timeOrNo(subscription.unsubscribed_at)],
      ]),
      '',
      ...jobsText(lead.jobs),
    ];
  }
  const booking = lead.record;
  const guardian =
    booking.guardian_name && booking.guardian_consent_at
      ? `${booking.guardian_name} (${booking.guardian_relationship}), ${booking.guardian_mobile_e164}, ${booking.guardian_email ?? 'no email'}, ticked consent ${time(booking.guardian_consent_at)}`
      : '—';
  const consent = lead.guardianConsent;
  const consentState = !booking.is_minor
    ? '—'
    : !consent
      ? 'no record: requested before consents were verified'
      : consent.status === 'verified' && consent.method && consent.verified_at
        ? verifiedText(consent.method, consent.verified_by, consent.verified_at)
        : `pending since ${time(booking.created_at)}`;
  return [
    `Booking request ${booking.reference} (times in ${clinic.timeZone})`,
    ...details([
      ['Created', time(booking.created_at)],
      ['Submission ID', booking.submission_id],
      ['Treatment', booking.treatment],
      ['Branch', booking.branch],
      ['Preferred date', `${booking.preferred_date}, ${booking.time_window}`],
      ['Name', booking.full_name],
      ['Mobile', booking.mobile_e164 ?? '—'],
      ['Email', booking.email ?? '—'],
      ['Date of birth', `${booking.date_of_birth}${booking.is_minor ? ' (minor)' : ''}`],
      ['Guardian', guardian],
      ['Guardian consent', consentState],
      ['Help wanted with', booking.help_text ?? '—'],
      ['Privacy notice', `acknowledged ${time(booking.consent_privacy_notice_at)}`],
      ['WhatsApp updates', timeOrNo(booking.consent_whatsapp_at)],
      ['Email news', timeOrNo(booking.consent_email_news_at)],
      ['Attribution', booking.attribution ? JSON.stringify(booking.attribution) : '—'],
      ['Screening', screeningText(booking.sent_quickly)],
    ]),
    '',
    ...jobsText(lead.jobs),
  ];
}

function verifiedText(method: keyof typeof guardianConsentMethods, by: string | null, at: Date): string {
  return `verified ${time(at)}: ${guardianConsentMethods[method].toLowerCase()}${by ? `, recorded by ${by}` : ''}`;
}

/** What `verify-guardian` did, in a line or two. */
export function guardianVerificationText(reference: string, outcome: GuardianConsentOutcome): string[] {
  switch (outcome.status) {
    case 'verified':
      return [
        `${reference}: guardian consent ${verifiedText(outcome.method, outcome.verifiedBy, new Date(outcome.verifiedAt))}.`,
        'The worker marks the deal in the CRM verified.',
      ];
    case 'already-verified':
      return [
        `${reference}: the guardian consent was already ${verifiedText(outcome.method, outcome.verifiedBy, new Date(outcome.verifiedAt))}. Nothing changed.`,
      ];
    case 'not-needed':
      return [`${reference} is not a request for a patient under 18 that awaits a guardian's consent.`];
    case 'not-found':
      return [
        `No booking request has the reference ${reference}. An unverified request is deleted after its period: check the reference, or take the request again.`,
      ];
  }
}

function screeningText(sentQuickly: boolean): string {
  return sentQuickly ? sentQuicklyNote : "sent at a person's pace";
}

export function deadJobsText(jobs: readonly DeadJob[]): string[] {
  if (jobs.length === 0) return ['No failed jobs.'];
  return table(
    ['JOB ID', 'KIND', 'REFERENCE', 'ATTEMPTS', `DEAD SINCE (${clinic.timeZone})`, 'LAST ERROR'],
    jobs.map((job) => [
      job.id,
      job.kind,
      job.leadReference,
      String(job.attempts),
      time(job.deadSince),
      job.lastError ?? '',
    ]),
  );
}

export function retriedJobsText(jobs: readonly Pick<DeadJob, 'id' | 'kind' | 'leadReference'>[]): string[] {
  return [
    `Queued again: ${jobs.length === 1 ? '1 job' : `${jobs.length} jobs`}`,
    ...jobs.map((job) => `  ${job.id}  ${job.kind}  ${job.leadReference}`),
  ];
}
