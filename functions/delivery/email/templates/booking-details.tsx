/** What was asked for, and where and when: the same lines for the patient and for the front desk. */
import type { BookingConfirmationEmailPayload } from '#functions/outbox/jobs.ts';
import { bookedBranch, branchAddress, formatDayWithWeekday, timeWindowLabel } from './formatting.ts';
import { Detail, Details } from './layout.tsx';

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
