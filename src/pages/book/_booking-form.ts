/** What the booking page gives its form island: the choices, the clinic's today, and the state to start from. */

import { branches, specialties } from '#functions/clinic/clinic.ts';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo } from '#functions/clinic/dates.ts';
import { summariseHours } from '#functions/clinic/hours.ts';
import { maxDaysAhead } from '#functions/forms/booking-schema.ts';
import type { LeadFormSubmission } from '#functions/http/lead-forms.ts';
import type { Site } from '#functions/http/site.ts';
import type { BookingFormProps } from '#src/islands/BookingForm.tsx';
import { formatList } from '#src/lib/clinic-tokens.ts';
import { leadFormState } from '#src/lib/form-page.ts';

export async function bookingFormProps(
  site: Site,
  url: URL,
  submission?: LeadFormSubmission,
): Promise<BookingFormProps> {
  const treatments = (await site.bookableTreatments()).map((treatment) => ({
    ...treatment,
    specialtyLabel: specialties[treatment.specialty].label,
  }));
  const today = todayInClinic(new Date());
  const requested = url.searchParams.get('treatment');
  return {
    treatments,
    branches: branches.map((branch) => ({
      id: branch.id,
      name: branch.name,
      specialties: [...branch.specialties],
      specialtyLabels: formatList(branch.specialties.map((id) => specialties[id].shortLabel.toLowerCase())),
      openDays: summariseHours(branch.hours)
        .filter((row) => row.hours !== 'Closed')
        .map((row) => row.days)
        .join(', '),
    })),
    today,
    lastBookableDay: addDaysTo(today, maxDaysAhead),
    ...leadFormState(submission, {
      treatment: treatments.some((treatment) => treatment.id === requested) ? requested : '',
      consents: { privacyNotice: false, whatsappUpdates: false, emailNews: false },
    }),
  };
}
