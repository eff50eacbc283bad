/**
 * Valid, varied booking form bodies for the lead benchmarks (what the booking island posts to /api/booking):
 * adults with and without an email address and minors with a guardian (whose mobile and email the form's contact
 * fields then hold), on days the chosen branch is open, each with its own submissionId, email address and mobile
 * number. Dates come from the project's own
 * helpers, so "today" is the clinic's (Asia/Kolkata) and the branch hours are the config's.
 */
import { randomUUID } from 'node:crypto';
import { openTimeWindows } from '#functions/clinic/availability.ts';
import { branches } from '#functions/clinic/clinic.ts';
import { addDaysTo, addYearsTo } from '#functions/clinic/dates.ts';
import { type BookableTreatment, type BookingFormValues, maxDaysAhead } from '#functions/forms/booking-schema.ts';

/** Treatments that exist in content/treatments, one per specialty (the ids the built site accepts). */
export const benchTreatments: readonly BookableTreatment[] = [
  { id: 'teeth-whitening', specialty: 'dental', title: 'Teeth whitening' },
  { id: 'acne-treatment', specialty: 'skin', title: 'Acne treatment' },
  { id: 'hair-transplant', specialty: 'hair', title: 'Hair transplant' },
];

export type BookingKind = 'adult-with-email' | 'adult-without-email' | 'minor';

/** Every 10th booking is a minor's, every 5th (of the rest) an adult's without an email address. */
export function bookingKind(index: number): BookingKind {
  if (index % 10 === 9) return 'minor';
  return index % 5 === 3 ? 'adult-without-email' : 'adult-with-email';
}

/** What the booking island posts: the form's values and its bot signals (empty honeypot, shown a minute ago). */
export type BookingBody = BookingFormValues & { website: string; startedAt: number };

/** An Indian mobile number unique to `index` (below 10 million) within one `series` (0–9). */
function mobileNumber(series: number, index: number): string {
  return `+91 9${series}${String(index % 10_000_000).padStart(8, '0')}`;
}

/** A day within the booking window (tomorrow at the earliest, so a run across midnight stays valid) that is open. */
function bookableDay(branch: (typeof branches)[number], today: string, index: number) {
  const span = maxDaysAhead - 2;
  for (let step = 0; step < span; step += 1) {
    const date = addDaysTo(today, 1 + ((index + step) % span));
    const windows = openTimeWindows(branch, date);
    const window = windows[index % Math.max(1, windows.length)];
    if (window) return { preferredDate: date, timeWindow: window };
  }
  throw new Error(`${branch.id} has no open day in the next ${maxDaysAhead} days`);
}

/**
 * Booking body number `index`, for the clinic's `today` (todayInClinic). `runId` keeps email addresses of
 * separate runs apart; `mobileSeries` (0–8) keeps mobile numbers apart.
 */
export function bookingBody(index: number, today: string, runId = 'bench', mobileSeries = 8): BookingBody {
  const treatment = benchTreatments[index % benchTreatments.length] as BookableTreatment;
  const offering = branches.filter((branch) => (branch.specialties as readonly string[]).includes(treatment.specialty));
  const branch = offering[Math.floor(index / benchTreatments.length) % offering.length] ?? branches[0];
  const kind = bookingKind(index);
  const withEmail = kind !== 'adult-without-email';
  const values: BookingFormValues = {
    submissionId: randomUUID(),
    treatment: treatment.id,
    branch: branch.id,
    ...bookableDay(branch, today, index),
    fullName: kind === 'minor' ? 'Kiran Rao' : 'Asha Rao',
    mobile: mobileNumber(kind === 'minor' ? 9 : mobileSeries, index),
    ...(withEmail && { email: `patient-${index}@${runId}.example.com` }),
    dateOfBirth: kind === 'minor' ? addYearsTo(today, -15) : addYearsTo(today, -(25 + (index % 40))),
    ...(index % 2 === 0 && { helpText: 'A chipped front tooth' }),
    consents: { privacyNotice: true, whatsappUpdates: index % 2 === 0, emailNews: withEmail && index % 3 === 0 },
    ...(kind === 'minor' && {
      patientMobile: mobileNumber(mobileSeries, index),
      guardian: { name: 'Asha Rao', relationship: 'parent', consent: true },
    }),
    ...(kind !== 'minor' &&
      index % 4 === 0 && {
        attribution: { utm_source: 'google', utm_campaign: 'bench', landingPage: '/treatments/teeth-whitening/' },
        marketingCookies: true,
      }),
  };
  return { ...values, website: '', startedAt: Date.now() - 60_000 };
}
