/** What the booking page gives its form island: the choices, the clinic's today, and the state to start from. */

import { branches } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { addDaysTo } from '#functions/clinic/dates.ts';
import { summariseHours } from '#functions/clinic/hours.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import { maxDaysAhead } from '#functions/forms/booking-schema.ts';
import type { LeadFormSubmission } from '#functions/http/lead-forms.ts';
import type { BookingFormProps } from '#src/islands/BookingForm.tsx';
import { bookableTreatments, treatmentsIn } from '#src/lib/catalogue.ts';
import { leadFormState } from '#src/lib/form-page.ts';
import { localizedPath } from '#src/lib/i18n.ts';
import { uiText } from '#src/lib/ui.ts';

/** The treatments, clinics and open days in the page's language; the form posts the same ids in each. */
export async function bookingFormProps(
  locale: Locale,
  url: URL,
  submission?: LeadFormSubmission,
): Promise<BookingFormProps> {
  const labels = clinicLabels[locale];
  const closed = summariseHours({}, locale)[0]?.hours;
  const treatments = bookableTreatments(await treatmentsIn(locale)).map((treatment) => ({
    ...treatment,
    specialtyLabel: labels.specialties[treatment.specialty].label,
  }));
  const today = todayInClinic(new Date());
  const requested = url.searchParams.get('treatment');
  return {
    treatments,
    branches: branches.map((branch) => ({
      id: branch.id,
      name: labels.branches[branch.id].name,
      specialties: [...branch.specialties],
      specialtyLabels: uiText[locale].list(
        branch.specialties.map((id) => labels.specialties[id].shortLabel.toLocaleLowerCase(locale)),
      ),
      openDays: summariseHours(branch.hours, locale)
        .filter((row) => row.hours !== closed)
        .map((row) => row.days)
        .join(', '),
    })),
    today,
    lastBookableDay: addDaysTo(today, maxDaysAhead),
    action: localizedPath(locale, '/book/'),
    thankYouPath: localizedPath(locale, '/book/thank-you/'),
    privacyNoticeHref: localizedPath(locale, '/privacy-policy/#website-forms-and-appointment-requests'),
    ...leadFormState(submission, {
      treatment: treatments.some((treatment) => treatment.id === requested) ? requested : '',
      consents: { privacyNotice: false, whatsappUpdates: false, emailNews: false },
    }),
  };
}
