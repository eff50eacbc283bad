import { describe, expect, it } from 'vitest';
import {
  bookingContactProperties,
  bookingContactTarget,
  dealName,
} from '#functions/delivery/hubspot/booking-records.ts';
import { emailNewsConsentUpdate, lifecycleStageUpdate } from '#functions/delivery/hubspot/contact-updates.ts';
import type { CrmRecord } from '#functions/delivery/hubspot/crm-records.ts';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { adultBooking, minorBooking, requestedAt } from '../support/lead-fixtures.ts';

const contact = (properties: Record<string, string>, id = '1'): CrmRecord => ({ id, properties });

function crmPayload(request: BookingRequest = adultBooking()): CrmBookingPayload {
  const job = bookingJobs(request, 'KC-7Q4M-X2P9', requestedAt).find((draft) => draft.kind === 'crm.booking');
  if (job?.kind !== 'crm.booking') throw new Error('No crm.booking job');
  return job.payload;
}

describe('lifecycleStageUpdate', () => {
  it('moves a contact forward only', () => {
    expect(lifecycleStageUpdate(undefined, 'lead')).toEqual({ lifecyclestage: 'lead' });
    expect(lifecycleStageUpdate(contact({ lifecyclestage: '' }), 'subscriber')).toEqual({
      lifecyclestage: 'subscriber',
    });
    expect(lifecycleStageUpdate(contact({ lifecyclestage: 'subscriber' }), 'lead')).toEqual({ lifecyclestage: 'lead' });
    expect(lifecycleStageUpdate(contact({ lifecyclestage: 'lead' }), 'lead')).toEqual({});
    expect(lifecycleStageUpdate(contact({ lifecyclestage: 'lead' }), 'subscriber')).toEqual({});
    expect(lifecycleStageUpdate(contact({ lifecyclestage: 'customer' }), 'lead')).toEqual({});
  });

  it("leaves a stage the account added itself, whose rank it doesn't know", () => {
    expect(lifecycleStageUpdate(contact({ lifecyclestage: '1049527551' }), 'lead')).toEqual({});
  });
});

describe('emailNewsConsentUpdate', () => {
  it('records a change unless the contact holds a later one', () => {
    const withdrawn = contact({ clinic_email_news_consent_at: '2026-12-01T08:00:00Z' });
    expect(emailNewsConsentUpdate(withdrawn, true, '2026-11-23T10:05:00.000Z')).toEqual({});
    expect(emailNewsConsentUpdate(withdrawn, true, '2026-12-02T09:00:00.000Z')).toEqual({
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: '2026-12-02T09:00:00.000Z',
    });
    expect(emailNewsConsentUpdate(undefined, false, '2026-12-01T08:00:00.000Z')).toEqual({
      clinic_email_news_consent: 'false',
      clinic_email_news_consent_at: '2026-12-01T08:00:00.000Z',
    });
  });
});

describe('bookingContactTarget', () => {
  const payload = crmPayload();
  const asha = contact({ email: 'asha@example.com', clinic_mobile: '+919876543210' }, '1');

  it('upserts by email, and by the mobile number when there is no email', () => {
    const nobody = { byEmail: undefined, byMobile: undefined };
    expect(bookingContactTarget(payload, nobody)).toEqual({
      idProperty: 'email',
      id: 'asha@example.com',
      existing: undefined,
      holdsMobile: true,
    });
    const withoutEmail = adultBooking({ email: '', consents: { privacyNotice: true, emailNews: false } });
    expect(bookingContactTarget(crmPayload(withoutEmail), nobody)).toEqual({
      idProperty: 'clinic_mobile',
      id: '+919876543210',
      existing: undefined,
      holdsMobile: true,
    });
    expect(bookingContactTarget(payload, { byEmail: asha, byMobile: asha })).toMatchObject({
      idProperty: 'email',
      existing: asha,
      holdsMobile: true,
    });
  });

  it('updates the contact who had booked with the mobile number alone', () => {
    const mobileOnly = contact({ clinic_mobile: '+919876543210' }, '2');
    expect(bookingContactTarget(payload, { byEmail: undefined, byMobile: mobileOnly })).toEqual({
      idProperty: 'clinic_mobile',
      id: '+919876543210',
      existing: mobileOnly,
      holdsMobile: true,
    });
  });

  it('leaves the mobile number with another contact that holds it', () => {
    const family = contact({ email: 'family@example.com', clinic_mobile: '+919876543210' }, '3');
    expect(bookingContactTarget(payload, { byEmail: undefined, byMobile: family })).toMatchObject({
      idProperty: 'email',
      holdsMobile: false,
    });
    expect(bookingContactTarget(payload, { byEmail: contact({}, '4'), byMobile: family })).toMatchObject({
      idProperty: 'email',
      holdsMobile: false,
    });
  });
});

describe('bookingContactProperties', () => {
  const newContact = { idProperty: 'email', id: 'asha@example.com', existing: undefined, holdsMobile: true } as const;

  it("never marks a minor's contact for marketing, even with an emailNews tick in the payload", () => {
    const payload = { ...crmPayload(minorBooking()), consents: { whatsappUpdates: true, emailNews: true } };
    const properties = bookingContactProperties(payload, newContact);
    expect(Object.keys(properties).filter((name) => /consent|utm|page|referrer|clid/.test(name))).toEqual([]);
  });

  it('dates the consents from the request, so a withdrawal the CRM recorded after it stands', () => {
    const payload = crmPayload(adultBooking());
    expect(bookingContactProperties(payload, newContact)).toMatchObject({
      clinic_whatsapp_updates_consent_at: requestedAt,
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: requestedAt,
    });
    const withdrawnLater = {
      ...newContact,
      existing: {
        id: '1',
        properties: { clinic_email_news_consent: 'false', clinic_email_news_consent_at: '2026-11-23T09:00:00.000Z' },
      },
    };
    expect(bookingContactProperties(payload, withdrawnLater)).not.toHaveProperty('clinic_email_news_consent');
  });

  it('leaves the email news consent alone when the box was not ticked', () => {
    const payload = crmPayload(adultBooking({ consents: { privacyNotice: true, whatsappUpdates: true } }));
    const properties = bookingContactProperties(payload, newContact);
    expect(properties).not.toHaveProperty('clinic_email_news_consent');
    expect(properties).toMatchObject({ clinic_whatsapp_updates_consent: 'true' });
  });

  it('keeps a one-word name as the first name', () => {
    const payload = crmPayload(adultBooking({ fullName: 'Asha' }));
    expect(bookingContactProperties(payload, newContact)).toMatchObject({
      firstname: 'Asha',
      lastname: '',
    });
  });
});

describe('dealName', () => {
  it("names the reference, the treatment and the branch's locality", () => {
    expect(dealName(crmPayload())).toBe('KC-7Q4M-X2P9 · Teeth whitening · Indiranagar');
    expect(dealName({ ...crmPayload(), branch: 'delhi-hauz-khas', treatmentTitle: 'Hair transplant' })).toBe(
      'KC-7Q4M-X2P9 · Hair transplant · Hauz Khas',
    );
  });
});
