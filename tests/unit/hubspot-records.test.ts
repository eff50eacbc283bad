import { describe, expect, it } from 'vitest';
import {
  bookingContactProperties,
  bookingContactTarget,
  bookingDealProperties,
  type ContactTarget,
  dealContactAssociation,
  dealName,
  guardianConsentDealProperties,
} from '#functions/delivery/hubspot/booking-records.ts';
import {
  consentUpdate,
  firstVisitAttribution,
  identityFill,
  lifecycleStageUpdate,
} from '#functions/delivery/hubspot/contact-updates.ts';
import type { CrmRecord } from '#functions/delivery/hubspot/crm-records.ts';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import { adultBooking, crmBookingPayload, minorBooking, requestedAt } from '../support/lead-fixtures.ts';

const contact = (properties: Record<string, string>, id = '1'): CrmRecord => ({ id, properties });
const pipeline = { pipelineId: 'p1', firstStageId: 's1' };

const crmPayload = (request: BookingRequest = adultBooking()) => crmBookingPayload(request);

const newContact: ContactTarget = {
  idProperty: 'email',
  id: 'asha@example.com',
  existing: undefined,
  mayHoldMobile: true,
};
const existingContact = (properties: Record<string, string>): ContactTarget => ({
  ...newContact,
  existing: contact(properties),
});

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

describe('consentUpdate', () => {
  it('records a change unless the contact holds a later one', () => {
    const withdrawn = contact({ clinic_email_news_consent_at: '2026-12-01T08:00:00Z' });
    expect(consentUpdate(withdrawn, 'emailNews', true, '2026-11-23T10:05:00.000Z')).toEqual({});
    expect(consentUpdate(withdrawn, 'emailNews', true, '2026-12-02T09:00:00.000Z')).toEqual({
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: '2026-12-02T09:00:00.000Z',
    });
    expect(consentUpdate(undefined, 'emailNews', false, '2026-12-01T08:00:00.000Z')).toEqual({
      clinic_email_news_consent: 'false',
      clinic_email_news_consent_at: '2026-12-01T08:00:00.000Z',
    });
    const stopped = contact({ clinic_whatsapp_updates_consent_at: '2026-12-01T08:00:00Z' });
    expect(consentUpdate(stopped, 'whatsappUpdates', true, '2026-11-23T10:05:00.000Z')).toEqual({});
  });
});

describe('identityFill', () => {
  const given = { fullName: 'Asha Rao', mobile: '+919876543210', email: 'asha@example.com' };

  it('fills a new contact with everything given', () => {
    expect(identityFill(undefined, given, { mayHoldMobile: true })).toEqual({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Asha',
      lastname: 'Rao',
    });
  });

  it('fills only what is empty, the name as a whole, and the unique mobile only where no one else holds it', () => {
    const known = contact({ email: 'a.rao@example.com', firstname: 'A.', mobilephone: '+919800000000' });
    expect(identityFill(known, given, { mayHoldMobile: false })).toEqual({});
    expect(identityFill(known, given, { mayHoldMobile: true })).toEqual({ clinic_mobile: '+919876543210' });
    expect(
      identityFill(contact({ lastname: 'Rao' }), { fullName: 'Asha', mobile: given.mobile }, { mayHoldMobile: true }),
    ).toEqual({
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
    });
  });

  it('keeps a one-word name as the first name', () => {
    expect(identityFill(undefined, { ...given, fullName: 'Asha' }, { mayHoldMobile: true })).toMatchObject({
      firstname: 'Asha',
      lastname: '',
    });
  });
});

describe('firstVisitAttribution', () => {
  const visit = { utm_source: 'google', landingPage: '/treatments/teeth-whitening/' };

  it("records the contact's first visit, and never replaces it", () => {
    expect(firstVisitAttribution(undefined, visit)).toEqual({
      clinic_utm_source: 'google',
      clinic_landing_page: '/treatments/teeth-whitening/',
    });
    expect(firstVisitAttribution(contact({ clinic_referrer: 'https://news.example/' }), visit)).toEqual({});
    expect(firstVisitAttribution(contact({ email: 'asha@example.com' }), visit)).toMatchObject({
      clinic_utm_source: 'google',
    });
  });

  it('writes nothing without a visit: no empty value ever blanks one', () => {
    expect(firstVisitAttribution(undefined, undefined)).toEqual({});
    expect(firstVisitAttribution(contact({ clinic_utm_source: 'google' }), undefined)).toEqual({});
  });
});

describe('bookingContactTarget', () => {
  const payload = crmPayload();
  const asha = contact({ email: 'asha@example.com', clinic_mobile: '+919876543210' }, '1');
  const nobody = { byEmail: undefined, byMobile: undefined };

  it('upserts a patient by email, and by the mobile number when there is no email', () => {
    expect(bookingContactTarget(payload, nobody)).toEqual(newContact);
    const withoutEmail = adultBooking({ email: '', consents: { privacyNotice: true, emailNews: false } });
    expect(bookingContactTarget(crmPayload(withoutEmail), nobody)).toEqual({
      idProperty: 'clinic_mobile',
      id: '+919876543210',
      existing: undefined,
      mayHoldMobile: true,
    });
    expect(bookingContactTarget(payload, { byEmail: asha, byMobile: asha })).toMatchObject({
      idProperty: 'email',
      existing: asha,
      mayHoldMobile: true,
    });
  });

  it('updates the contact who had booked with the mobile number alone', () => {
    const mobileOnly = contact({ clinic_mobile: '+919876543210' }, '2');
    expect(bookingContactTarget(payload, { byEmail: undefined, byMobile: mobileOnly })).toEqual({
      idProperty: 'clinic_mobile',
      id: '+919876543210',
      existing: mobileOnly,
      mayHoldMobile: true,
    });
  });

  it("leaves a patient's mobile number with another contact that holds it", () => {
    const family = contact({ email: 'family@example.com', clinic_mobile: '+919876543210' }, '3');
    expect(bookingContactTarget(payload, { byEmail: undefined, byMobile: family })).toMatchObject({
      idProperty: 'email',
      existing: undefined,
      mayHoldMobile: false,
    });
    expect(bookingContactTarget(payload, { byEmail: contact({}, '4'), byMobile: family })).toMatchObject({
      idProperty: 'email',
      mayHoldMobile: false,
    });
  });

  it('finds a parent or guardian by their mobile first, then by the email given', () => {
    const minor = crmPayload(minorBooking());
    const household = contact({ email: 'vikram@example.com', clinic_mobile: '+919876543210' }, '5');
    expect(bookingContactTarget(minor, { byEmail: asha, byMobile: household })).toEqual({
      idProperty: 'clinic_mobile',
      id: '+919876543210',
      existing: household,
      mayHoldMobile: true,
    });
    const subscriber = contact({ email: 'asha@example.com' }, '6');
    expect(bookingContactTarget(minor, { byEmail: subscriber, byMobile: undefined })).toEqual({
      idProperty: 'email',
      id: 'asha@example.com',
      existing: subscriber,
      mayHoldMobile: true,
    });
    expect(bookingContactTarget(minor, nobody)).toEqual(newContact);
  });
});

describe('bookingContactProperties', () => {
  it("gives a new patient's contact their identity, the ticked consents and the visit: the request is the deal's", () => {
    expect(bookingContactProperties(crmPayload(), newContact)).toEqual({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Asha',
      lastname: 'Rao',
      lifecyclestage: 'lead',
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: requestedAt,
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: requestedAt,
      clinic_email_news_agreed_at: requestedAt,
      clinic_utm_source: 'google',
      clinic_utm_campaign: 'whitening',
      clinic_landing_page: '/treatments/teeth-whitening/',
    });
  });

  it("gives a guardian's contact only who they are and their own WhatsApp choice: the child stays on the deal", () => {
    const payload = { ...crmPayload(minorBooking()), consents: { whatsappUpdates: true, emailNews: true } };
    expect(bookingContactProperties(payload, newContact)).toEqual({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Asha',
      lastname: 'Rao',
      lifecyclestage: 'lead',
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: requestedAt,
    });
  });

  it('overwrites nothing a contact holds: an unticked box takes back no consent, a later visit replaces no first one', () => {
    const known = existingContact({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Asha',
      lastname: 'Rao-Menon',
      lifecyclestage: 'customer',
      clinic_email_news_consent_at: '2026-01-05T10:00:00.000Z',
      clinic_whatsapp_updates_consent_at: '2026-01-05T10:00:00.000Z',
      clinic_utm_source: 'newsletter',
    });
    const unticked = crmPayload(adultBooking({ fullName: 'Asha Rao', consents: { privacyNotice: true } }));
    expect(bookingContactProperties(unticked, known)).toEqual({});
  });

  it('dates the consents from the request, so a withdrawal the CRM recorded after it stands', () => {
    const withdrawnLater = existingContact({
      clinic_email_news_consent: 'false',
      clinic_email_news_consent_at: '2026-11-23T09:00:00.000Z',
    });
    expect(bookingContactProperties(crmPayload(), withdrawnLater)).not.toHaveProperty('clinic_email_news_consent');
  });
});

describe('the deal', () => {
  it("holds an adult's request and the patient's name as given", () => {
    expect(bookingDealProperties(crmPayload(), pipeline)).toEqual({
      dealname: 'KC-7Q4M-X2P9 · Teeth whitening · Indiranagar',
      pipeline: 'p1',
      dealstage: 's1',
      clinic_booking_reference: 'KC-7Q4M-X2P9',
      clinic_treatment_interest: 'Teeth whitening',
      clinic_branch: 'bengaluru-indiranagar',
      clinic_preferred_date: '2026-11-25',
      clinic_preferred_time_window: 'morning',
      clinic_patient_name: 'Asha Rao',
      clinic_patient_is_minor: 'false',
      clinic_language: 'en',
    });
    expect(dealContactAssociation(crmPayload(), 501)).toEqual([
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 },
    ]);
  });

  it("holds a minor's name, that they are under 18, the guardian as named and the consent pending", () => {
    const payload = crmPayload(minorBooking());
    expect(bookingDealProperties(payload, pipeline)).toMatchObject({
      clinic_patient_name: 'Kiran Rao',
      clinic_patient_is_minor: 'true',
      clinic_guardian_name: 'Asha Rao',
      clinic_guardian_relationship: 'parent',
      clinic_guardian_consent: 'pending',
    });
    expect(dealContactAssociation(payload, 501)).toEqual([
      { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 },
      { associationCategory: 'USER_DEFINED', associationTypeId: 501 },
    ]);
    expect(
      guardianConsentDealProperties({ reference: 'KC-7Q4M-X2P9', method: 'phone', verifiedAt: requestedAt }),
    ).toEqual({
      clinic_guardian_consent: 'verified',
      clinic_guardian_consent_method: 'phone',
      clinic_guardian_consent_verified_at: requestedAt,
    });
  });

  it("is named by the reference, the treatment and the branch's locality", () => {
    expect(dealName(crmPayload())).toBe('KC-7Q4M-X2P9 · Teeth whitening · Indiranagar');
    expect(dealName({ ...crmPayload(), branch: 'delhi-hauz-khas', treatmentTitle: 'Hair transplant' })).toBe(
      'KC-7Q4M-X2P9 · Hair transplant · Hauz Khas',
    );
  });
});
