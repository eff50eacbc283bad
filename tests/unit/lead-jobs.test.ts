import { describe, expect, it } from 'vitest';
import { bookingJobs, newsletterJobs } from '#functions/intake/lead-jobs.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks, requestedAt } from '../support/lead-fixtures.ts';

const reference = 'KC-7Q4M-X2P9';
const summary = {
  reference,
  treatment: 'teeth-whitening',
  treatmentTitle: 'Teeth whitening',
  branch: 'bengaluru-indiranagar',
  preferredDate: '2026-11-25',
  timeWindow: 'morning',
  locale: 'en',
};

describe('bookingJobs', () => {
  it("an adult's booking: the CRM with consents and attribution, the front desk with the free text, a confirmation", () => {
    expect(bookingJobs(adultBooking(), reference, requestedAt, guardianLinks(reference))).toEqual([
      {
        kind: 'crm.booking',
        payload: {
          ...summary,
          requestedAt,
          patientName: 'Asha Rao',
          contact: { fullName: 'Asha Rao', mobile: '+919876543210', email: 'asha@example.com' },
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
      for (const job of bookingJobs(request, reference, requestedAt, guardianLinks(reference))) {
        expect(JSON.stringify(job.payload).includes('chipped')).toBe(job.kind === 'email.front-desk');
      }
    }
  });

  it('sends no confirmation without an email address', () => {
    const kinds = bookingJobs(
      adultBooking({ email: '', consents: { privacyNotice: true } }),
      reference,
      requestedAt,
      guardianLinks(reference),
    ).map((job) => job.kind);
    expect(kinds).toEqual(['crm.booking', 'email.front-desk']);
  });

  it("a minor's booking: the guardian as the CRM's contact, the patient on the deal, and the consent link to the guardian", () => {
    const jobs = bookingJobs(
      minorBooking({ patientMobile: '98765 00002' }),
      reference,
      requestedAt,
      guardianLinks(reference),
    );
    expect(jobs.map((job) => job.kind)).toEqual(['crm.booking', 'email.front-desk', 'email.guardian-consent']);
    expect(jobs[0]?.payload).toEqual({
      ...summary,
      requestedAt,
      patientName: 'Kiran Rao',
      contact: { fullName: 'Asha Rao', mobile: '+919876543210', email: 'asha@example.com' },
      // The guardian's own choice about their number; email news is never taken on a minor's request.
      consents: { whatsappUpdates: true, emailNews: false },
      minor: { relationship: 'parent' },
    });
    expect(jobs[1]?.payload).toEqual({
      ...summary,
      fullName: 'Kiran Rao',
      mobile: '+919876500002',
      dateOfBirth: '2011-03-10',
      isMinor: true,
      guardian: { name: 'Asha Rao', relationship: 'parent', mobile: '+919876543210', email: 'asha@example.com' },
      whatsappUpdates: true,
      helpText: 'A chipped front tooth',
    });
    expect(jobs[2]?.payload).toEqual({
      ...summary,
      ...guardianLinks(reference),
      to: 'asha@example.com',
      guardianName: 'Asha Rao',
      relationship: 'parent',
      patientName: 'Kiran Rao',
    });
  });

  it("never sends the patient's own mobile or date of birth to the CRM, nor anything to a minor", () => {
    const jobs = bookingJobs(
      minorBooking({ patientMobile: '98765 00002' }),
      reference,
      requestedAt,
      guardianLinks(reference),
    );
    const crm = JSON.stringify(jobs.find((job) => job.kind === 'crm.booking')?.payload);
    expect(crm).not.toContain('+919876500002');
    expect(crm).not.toContain('2011');
    expect(jobs.some((job) => job.kind === 'email.booking-confirmation')).toBe(false);
  });

  it('queues no consent email when the guardian gave no email address: the front desk verifies on its call', () => {
    const jobs = bookingJobs(minorBooking({ email: '' }), reference, requestedAt, guardianLinks(reference));
    expect(jobs.map((job) => job.kind)).toEqual(['crm.booking', 'email.front-desk']);
  });
});

describe('newsletterJobs', () => {
  it('queues only the confirmation email', () => {
    const signup = {
      submissionId: '3f1c2a9e-7b4d-4c1e-9a2f-5d6e7f8a9b0c',
      email: 'asha@example.com',
      locale: 'en',
    } as const;
    expect(newsletterJobs(signup, reference, newsletterLinks(reference))).toEqual([
      {
        kind: 'email.newsletter-confirmation',
        payload: { reference, to: 'asha@example.com', ...newsletterLinks(reference), locale: 'en' },
      },
    ]);
  });
});
