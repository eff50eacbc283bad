import { describe, expect, it } from 'vitest';
import { bookingJobs, newsletterJobs } from '#functions/intake/lead-jobs.ts';
import { adultBooking, minorBooking, newsletterLinks, requestedAt } from '../support/lead-fixtures.ts';

const reference = 'KC-7Q4M-X2P9';
const summary = {
  reference,
  treatment: 'teeth-whitening',
  treatmentTitle: 'Teeth whitening',
  branch: 'bengaluru-indiranagar',
  preferredDate: '2026-11-25',
  timeWindow: 'morning',
};

describe('bookingJobs', () => {
  it("an adult's booking: the CRM with consents and attribution, the front desk with the free text, a confirmation", () => {
    expect(bookingJobs(adultBooking(), reference, requestedAt)).toEqual([
      {
        kind: 'crm.booking',
        payload: {
          ...summary,
          requestedAt,
          fullName: 'Asha Rao',
          mobile: '+919876543210',
          email: 'asha@example.com',
          isMinor: false,
          consents: { whatsappUpdates: true, emailNews: true },
          attribution: { utm_source: 'google', utm_campaign: 'whitening', landingPage: '/treatments/teeth-whitening/' },
        },
      },
      {
        kind: 'email.front-desk',
        payload: {
          ...summary,
          fullName: 'Asha Rao',
          mobile: '+919876543210',
          email: 'asha@example.com',
          dateOfBirth: '1990-05-01',
          isMinor: false,
          whatsappUpdates: true,
          helpText: 'A chipped front tooth',
        },
      },
      {
        kind: 'email.booking-confirmation',
        payload: { ...summary, to: 'asha@example.com', fullName: 'Asha Rao' },
      },
    ]);
  });

  it('keeps the free text out of every job but the front desk’s', () => {
    for (const request of [adultBooking(), minorBooking()]) {
      for (const job of bookingJobs(request, reference, requestedAt)) {
        expect(JSON.stringify(job.payload).includes('chipped')).toBe(job.kind === 'email.front-desk');
      }
    }
  });

  it('sends no confirmation without an email address', () => {
    const kinds = bookingJobs(
      adultBooking({ email: '', consents: { privacyNotice: true } }),
      reference,
      requestedAt,
    ).map((job) => job.kind);
    expect(kinds).toEqual(['crm.booking', 'email.front-desk']);
  });

  it("a minor's booking: the guardian's contact, no consents or attribution for the CRM, and no confirmation", () => {
    const jobs = bookingJobs(minorBooking(), reference, requestedAt);
    expect(jobs.map((job) => job.kind)).toEqual(['crm.booking', 'email.front-desk']);
    const guardian = { name: 'Asha Rao', relationship: 'parent', mobile: '+919876500001' };
    expect(jobs[0]?.payload).toEqual({
      ...summary,
      requestedAt,
      fullName: 'Kiran Rao',
      mobile: '+919876543210',
      email: 'asha@example.com',
      isMinor: true,
      guardian,
    });
    expect(jobs[1]?.payload).toMatchObject({ isMinor: true, guardian, dateOfBirth: '2011-03-10' });
  });
});

describe('newsletterJobs', () => {
  it('queues only the confirmation email', () => {
    const signup = { submissionId: '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f8a9b0c', email: 'asha@example.com' };
    expect(newsletterJobs(signup, reference, newsletterLinks(reference))).toEqual([
      {
        kind: 'email.newsletter-confirmation',
        payload: { reference, to: 'asha@example.com', ...newsletterLinks(reference) },
      },
    ]);
  });
});
