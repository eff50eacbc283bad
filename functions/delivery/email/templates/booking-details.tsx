/**
 * What was asked for, and where and when: the same lines for the patient and for the front desk, in the language
 * the email is written in (staff read English; a patient the language of the page they booked on).
 */
import { Link } from '@react-email/components';
import type { BranchId } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { formatCalendarDate } from '#functions/clinic/dates.ts';
import { formatPhone } from '#functions/clinic/format.ts';
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';
import type { BookingConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { bookedBranch, branchAddress } from './formatting.ts';
import { Detail, Details, styles } from './layout.tsx';

type BookedVisit = Pick<
  BookingConfirmationEmailPayload,
  'reference' | 'treatmentTitle' | 'branch' | 'preferredDate' | 'timeWindow'
>;

/** The words of the booking emails' shared lines, in each language (translation-check.ts holds them to the same keys). */
export const bookingDetailsWords: Record<
  Locale,
  {
    reference: string;
    treatment: string;
    clinic: string;
    preferredDate: string;
    preferredTime: string;
    branchPhone: [before: string, after: string];
  }
> = {
  en: {
    reference: 'Reference',
    treatment: 'Treatment',
    clinic: 'Clinic',
    preferredDate: 'Preferred date',
    preferredTime: 'Preferred time',
    branchPhone: ['our ', ' clinic on '],
  },
  hi: {
    reference: 'रेफ़रेंस',
    treatment: 'इलाज',
    clinic: 'क्लिनिक',
    preferredDate: 'पसंद की तारीख़',
    preferredTime: 'पसंद का समय',
    branchPhone: ['हमारे ', ' क्लिनिक को इस नंबर पर: '],
  },
};

export function BookingDetails({ booking, locale = defaultLocale }: { booking: BookedVisit; locale?: Locale }) {
  const branch = bookedBranch(booking.branch);
  const words = bookingDetailsWords[locale];
  const labels = clinicLabels[locale];
  return (
    <Details>
      <Detail label={words.reference}>{booking.reference}</Detail>
      <Detail label={words.treatment}>{booking.treatmentTitle}</Detail>
      <Detail label={words.clinic}>
        {labels.branches[booking.branch as BranchId].name} – {branchAddress(branch)}
      </Detail>
      <Detail label={words.preferredDate}>{formatCalendarDate(booking.preferredDate, locale)}</Detail>
      <Detail label={words.preferredTime}>{labels.timeWindows[booking.timeWindow as TimeWindowId]}</Detail>
    </Details>
  );
}

/** "our Indiranagar, Bengaluru clinic on +91 80 4555 0101", the number a link: whom to call about the request. */
export function BranchPhone({ branch: id, locale = defaultLocale }: { branch: string; locale?: Locale }) {
  const branch = bookedBranch(id);
  const [before, after] = bookingDetailsWords[locale].branchPhone;
  return (
    <>
      {before}
      {clinicLabels[locale].branches[branch.id as BranchId].name}
      {after}
      <Link href={`tel:${branch.phone}`} style={styles.link}>
        {formatPhone(branch.phone)}
      </Link>
    </>
  );
}
