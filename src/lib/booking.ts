import { getCollection } from 'astro:content';
import { createBookingIntake } from '../../functions/leads/booking-intake';
import { maxDaysAhead } from '../../functions/leads/booking-schema';
import { todayInClinic } from '../../functions/leads/clinic-today';
import { addDaysTo } from '../../functions/leads/dates';
import { branches, specialties } from '../config/clinic';
import type { BookingFormProps } from '../islands/BookingForm';
import { summariseHours } from './hours';
import { type LeadFormSubmission, submitLeadForm, submittedValues } from './lead-form';
import { clinicDatabase, formRateLimiter } from './store';

const checkboxFields = ['consents.privacyNotice', 'consents.whatsappUpdates', 'consents.emailNews', 'guardian.consent'];

export async function bookingCatalogue() {
  const treatments = (await getCollection('treatments'))
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      specialty: entry.data.specialty,
      specialtyLabel: specialties[entry.data.specialty].label,
      order: entry.data.order,
    }))
    .sort((a, b) => a.specialtyLabel.localeCompare(b.specialtyLabel) || a.order - b.order)
    .map(({ order: _order, ...treatment }) => treatment);
  return { treatments };
}

/** One intake per server process: its rate limiter must see every request. */
export const bookingIntake = createBookingIntake({
  rateLimit: formRateLimiter(),
  database: clinicDatabase,
  treatments: async () => (await bookingCatalogue()).treatments,
});

/** The no-JavaScript path: a plain form post to the booking page. */
export function submitBookingForm(request: Request, clientAddress: string): Promise<LeadFormSubmission> {
  return submitLeadForm(request, clientAddress, bookingIntake, checkboxFields);
}

export async function bookingFormProps(url: URL, submission?: LeadFormSubmission): Promise<BookingFormProps> {
  const { treatments } = await bookingCatalogue();
  const today = todayInClinic(new Date());
  const requested = url.searchParams.get('treatment');
  const { submissionId, startedAt, ...defaults } = submittedValues(submission) ?? {
    treatment: treatments.some((treatment) => treatment.id === requested) ? requested : '',
    consents: { privacyNotice: false, whatsappUpdates: false, emailNews: false },
  };
  return {
    treatments,
    branches: branches.map((branch) => ({
      id: branch.id,
      name: branch.name,
      specialtyLabels: branch.specialties.map((id) => specialties[id].shortLabel.toLowerCase()).join(', '),
      openDays: summariseHours(branch.hours)
        .filter((row) => row.hours !== 'Closed')
        .map((row) => row.days)
        .join(', '),
    })),
    today,
    lastBookableDay: addDaysTo(today, maxDaysAhead),
    // A resubmission keeps its id, so a repeat after an error can never book twice.
    submissionId: typeof submissionId === 'string' ? submissionId : crypto.randomUUID(),
    startedAt: typeof startedAt === 'string' || typeof startedAt === 'number' ? Number(startedAt) : Date.now(),
    defaults,
    serverErrors: submission?.kind === 'invalid' ? submission.fields : {},
  };
}
