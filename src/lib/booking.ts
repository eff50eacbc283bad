import { getCollection } from 'astro:content';
import { DATA_DIR, DATABASE_URL, FORM_RATE_LIMIT } from 'astro:env/server';
import { formDataToObject } from '../../functions/http/form-fields';
import { createClientRateLimiter } from '../../functions/http/rate-limit';
import { readFormBody } from '../../functions/http/request-body';
import { maxBookingBytes } from '../../functions/leads/booking-endpoint';
import { type BookingIntakeResult, createBookingIntake } from '../../functions/leads/booking-intake';
import { maxDaysAhead } from '../../functions/leads/booking-schema';
import { todayInClinic } from '../../functions/leads/clinic-today';
import { addDaysTo } from '../../functions/leads/dates';
import { getStore } from '../../functions/store/instance';
import { branches, specialties } from '../config/clinic';
import type { BookingFormProps } from '../islands/BookingForm';
import { summariseHours } from './hours';

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
  rateLimit: createClientRateLimiter({ points: FORM_RATE_LIMIT, windowSeconds: 600 }),
  database: async () => (await getStore({ databaseUrl: DATABASE_URL, dataDir: DATA_DIR })).db,
  treatments: async () => (await bookingCatalogue()).treatments,
});

export type BookingFormSubmission =
  | { kind: 'accepted'; reference: string }
  | { kind: 'invalid'; status: 400; fields: Record<string, string>; values: Record<string, unknown> }
  | { kind: 'failed'; status: number; message: string; values?: Record<string, unknown> };

/** The no-JavaScript path: a plain form post to the booking page. */
export async function submitBookingForm(request: Request, clientAddress: string): Promise<BookingFormSubmission> {
  const body = await readFormBody(request, maxBookingBytes);
  if (!body.ok) return { kind: 'failed', status: body.status, message: body.error.message };
  const values = formDataToObject(body.value, checkboxFields);
  const result: BookingIntakeResult = await bookingIntake(values, clientAddress);
  switch (result.kind) {
    case 'accepted':
      return { kind: 'accepted', reference: result.reference };
    case 'invalid':
      return { kind: 'invalid', status: 400, fields: result.fields, values };
    case 'rate-limited':
      return {
        kind: 'failed',
        status: 429,
        message: `Too many requests from this connection. Please wait ${Math.ceil(result.retryAfterSeconds / 60)} minutes, or call us.`,
        values,
      };
    case 'error':
      return {
        kind: 'failed',
        status: 500,
        message: 'Something went wrong on our side. Please send again, or call us.',
        values,
      };
  }
}

export async function bookingFormProps(url: URL, submission?: BookingFormSubmission): Promise<BookingFormProps> {
  const { treatments } = await bookingCatalogue();
  const today = todayInClinic(new Date());
  const requested = url.searchParams.get('treatment');
  const submitted = submission && 'values' in submission ? submission.values : undefined;
  const { submissionId, startedAt, ...defaults } = submitted ?? {
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
