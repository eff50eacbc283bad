/**
 * What the booking thank-you page repeats of a request: what was asked for (treatment, clinic, day, time of day)
 * and its reference, never who asked. The island keeps it in this tab's storage for the thank-you page it goes
 * to next (booking-request-storage.ts); a form sent without JavaScript carries it in a sealed, short-lived token
 * instead (src/pages/book/_request-token.ts). Either way, whoever only has the page's address sees none of it.
 */
import type { BranchId } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { formatCalendarDate } from '#functions/clinic/dates.ts';
import type { TimeWindowId } from '#functions/clinic/time-windows.ts';
import type { FormMessages } from '#functions/forms/messages-en.ts';
import type { BookingRequestSummary } from './booking-request-storage.ts';

/** In the language of the form's catalogue (`messages`): the thank-you page that shows it is in the same. */
export function describeBookingRequest(
  request: {
    reference: string;
    treatmentTitle: string;
    branch: BranchId;
    preferredDate: string;
    timeWindow: TimeWindowId;
  },
  messages: FormMessages,
): BookingRequestSummary {
  return {
    reference: request.reference,
    treatment: request.treatmentTitle,
    clinic: clinicLabels[messages.locale].branches[request.branch].name,
    day: formatCalendarDate(request.preferredDate, messages.locale),
    time: clinicLabels[messages.locale].timeWindows[request.timeWindow],
  };
}
