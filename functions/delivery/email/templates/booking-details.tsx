/** What was asked for, and where and when: the same lines for the patient and for the front desk. */
import { Link } from '@react-email/components';
import { formatPhone } from '#functions/clinic/format.ts';
import type { BookingConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { bookedBranch, branchAddress, formatDayWithWeekday, timeWindowLabel } from './formatting.ts';
import { Detail, Details, styles } from './layout.tsx';

type BookedVisit = Pick<
  BookingConfirmationEmailPayload,
  'reference' | 'treatmentTitle' | 'branch' | 'preferredDate' | 'timeWindow'
>;

export function BookingDetails({ booking }: { booking: BookedVisit }) {
  const branch = bookedBranch(booking.branch);
  return (
    <Details>
      <Detail label="Reference">{booking.reference}</Detail>
      <Detail label="Treatment">{booking.treatmentTitle}</Detail>
      <Detail label="Clinic">
        {branch.name} – {branchAddress(branch)}
      </Detail>
      <Detail label="Preferred date">{formatDayWithWeekday(booking.preferredDate)}</Detail>
      <Detail label="Preferred time">{timeWindowLabel(booking.timeWindow)}</Detail>
    </Details>
  );
}

/** "our Indiranagar, Bengaluru clinic on +91 80 4555 0101", the number a link: whom to call about the request. */
export function BranchPhone({ branch: id }: { branch: string }) {
  const branch = bookedBranch(id);
  return (
    <>
      our {branch.name} clinic on{' '}
      <Link href={`tel:${branch.phone}`} style={styles.link}>
        {formatPhone(branch.phone)}
      </Link>
    </>
  );
}
