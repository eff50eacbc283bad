import type { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { contactPropertiesToRead } from '#functions/delivery/hubspot/contact-updates.ts';
import { createHubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import {
  createNewsletterDelivery,
  createNewsletterWithdrawalDelivery,
  createWhatsappConsentDelivery,
} from '#functions/delivery/hubspot/newsletter.ts';
import type {
  CrmNewsletterPayload,
  CrmNewsletterWithdrawalPayload,
  CrmWhatsappConsentPayload,
} from '#functions/outbox/jobs.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import { type FakeHubSpot, startProvisionedHubSpot } from '../support/fake-hubspot.ts';

const attempt = { idempotencyKey: 'job-1', attempt: 1 };
const subscriber: CrmNewsletterPayload = {
  reference: 'KC-NEWS-2345',
  email: 'asha@example.com',
  consentAt: '2026-11-23T10:00:00.000Z',
  confirmedAt: '2026-11-23T10:05:00.000Z',
};
const withdrawal: CrmNewsletterWithdrawalPayload = {
  reference: 'KC-NEWS-2345',
  email: 'asha@example.com',
  withdrawnAt: '2026-12-01T08:00:00.000Z',
};

let fake: FakeHubSpot;
let client: Client;

afterEach(() => fake.stop());

async function startProvisioned() {
  ({ fake, client } = await startProvisionedHubSpot());
}

const confirm = (payload = subscriber) => deliverAlone(createNewsletterDelivery(client), payload, attempt);
const withdraw = (payload = withdrawal) => deliverAlone(createNewsletterWithdrawalDelivery(client), payload, attempt);

function onlyContact() {
  const [contact, ...others] = fake.contacts();
  expect(others).toEqual([]);
  return contact?.properties;
}

describe('the crm.newsletter delivery', () => {
  it('upserts the subscriber by email with the email news consent from the confirmation', async () => {
    await startProvisioned();

    expect(await confirm()).toEqual({ status: 'delivered' });

    expect(fake.requests.map(({ method, path, body }) => ({ method, path, body }))).toEqual([
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/read',
        body: {
          idProperty: 'email',
          inputs: [{ id: 'asha@example.com' }],
          properties: [...contactPropertiesToRead],
          propertiesWithHistory: [],
        },
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/upsert',
        body: {
          inputs: [
            {
              idProperty: 'email',
              id: 'asha@example.com',
              properties: {
                email: 'asha@example.com',
                lifecyclestage: 'subscriber',
                clinic_created_by_website: 'true',
                clinic_email_news_consent: 'true',
                clinic_email_news_consent_at: '2026-11-23T10:05:00.000Z',
                clinic_email_news_agreed_at: '2026-11-23T10:00:00.000Z',
              },
            },
          ],
        },
      },
    ]);
  });

  it("leaves a later lifecycle stage alone, and everything else a parent's bookings gave the contact", async () => {
    await startProvisioned();
    const booked = {
      email: 'asha@example.com',
      firstname: 'Asha',
      lastname: 'Rao',
      clinic_mobile: '+919876543210',
      lifecyclestage: 'lead',
      clinic_utm_source: 'google',
    };
    fake.addContact(booked);

    expect(await confirm()).toEqual({ status: 'delivered' });

    expect(onlyContact()).toEqual({
      ...booked,
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: subscriber.confirmedAt,
      clinic_email_news_agreed_at: subscriber.consentAt,
    });
  });
});

describe('the crm.newsletter-withdrawal delivery', () => {
  it("withdraws the contact's email news consent, with the time of the unsubscribe", async () => {
    await startProvisioned();
    await confirm();
    fake.clearRequests();

    expect(await withdraw()).toEqual({ status: 'delivered' });

    expect(fake.requests.at(-1)?.body).toEqual({
      inputs: [
        {
          idProperty: 'email',
          id: 'asha@example.com',
          properties: {
            email: 'asha@example.com',
            clinic_email_news_consent: 'false',
            clinic_email_news_consent_at: '2026-12-01T08:00:00.000Z',
          },
        },
      ],
    });
    expect(onlyContact()).toMatchObject({ lifecyclestage: 'subscriber', clinic_email_news_consent: 'false' });
  });

  it('creates no contact for a person HubSpot does not know: there is nothing to withdraw, and the job is done', async () => {
    await startProvisioned();

    expect(await withdraw()).toEqual({ status: 'delivered' });
    const { email: _email, ...byMobileOnly } = withdrawal;
    expect(await withdraw({ ...byMobileOnly, mobile: '+919876543210' })).toEqual({ status: 'delivered' });

    expect(fake.contacts()).toEqual([]);
    expect(fake.requests.map(({ path }) => path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
      '/crm/v3/objects/contacts/batch/read',
    ]);
  });

  it('withdraws email news and WhatsApp updates from the contact of a mobile, and email news from the email', async () => {
    await startProvisioned();
    const consented = (at: string) => ({
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: at,
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: at,
    });
    const byMobile = fake.addContact({ clinic_mobile: '+919876543210', ...consented('2026-11-01T10:00:00.000Z') });
    const byEmail = fake.addContact({ email: 'ravi@example.com', ...consented('2026-11-01T10:00:00.000Z') });
    const later = fake.addContact({ clinic_mobile: '+919812345678', ...consented('2026-12-02T10:00:00.000Z') });

    const { email: _email, ...byMobileOnly } = withdrawal;
    const outcomes = await createNewsletterWithdrawalDelivery(client).deliverBatch(
      [
        { payload: { ...byMobileOnly, mobile: '+919876543210' }, attempt },
        { payload: { ...withdrawal, email: 'ravi@example.com' }, attempt },
        { payload: { ...byMobileOnly, mobile: '+919812345678' }, attempt },
      ],
      { key: 'batch-1' },
    );

    expect(outcomes).toEqual([{ status: 'delivered' }, { status: 'delivered' }, { status: 'delivered' }]);
    const withdrawn = { clinic_email_news_consent: 'false', clinic_email_news_consent_at: withdrawal.withdrawnAt };
    expect(byMobile.properties).toMatchObject({
      ...withdrawn,
      clinic_whatsapp_updates_consent: 'false',
      clinic_whatsapp_updates_consent_at: withdrawal.withdrawnAt,
    });
    expect(byEmail.properties).toMatchObject({ ...withdrawn, clinic_whatsapp_updates_consent: 'true' });
    // Consents given after the request stand.
    expect(later.properties).toMatchObject(consented('2026-12-02T10:00:00.000Z'));
    expect(fake.contacts()).toHaveLength(3);
  });

  it('withdraws only the consents a preferences change names, from each contact found', async () => {
    await startProvisioned();
    const contact = fake.addContact({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: '2026-11-01T10:00:00.000Z',
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: '2026-11-01T10:00:00.000Z',
    });
    const { email: _email, ...byMobileOnly } = withdrawal;
    expect(await withdraw({ ...byMobileOnly, mobile: '+919876543210', consents: ['whatsappUpdates'] })).toEqual({
      status: 'delivered',
    });
    expect(contact.properties).toMatchObject({
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: '2026-11-01T10:00:00.000Z',
      clinic_whatsapp_updates_consent: 'false',
      clinic_whatsapp_updates_consent_at: withdrawal.withdrawnAt,
    });
  });
});

describe('the crm.whatsapp-consent delivery', () => {
  const given: CrmWhatsappConsentPayload = {
    reference: 'KC-7Q4M-X2P9',
    mobile: '+919876543210',
    givenAt: '2026-12-02T09:00:00.000Z',
  };
  const consent = (payload = given) => deliverAlone(createWhatsappConsentDelivery(client), payload, attempt);

  it("gives the mobile's contact the consent with its new time, and nothing else", async () => {
    await startProvisioned();
    const contact = fake.addContact({
      email: 'asha@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      clinic_whatsapp_updates_consent: 'false',
      clinic_whatsapp_updates_consent_at: '2026-12-01T08:00:00.000Z',
    });
    expect(await consent()).toEqual({ status: 'delivered' });
    expect(onlyContact()).toMatchObject({
      email: 'asha@example.com',
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: given.givenAt,
    });
    // A later change on the contact stands: a delayed job cannot undo it.
    expect(await consent({ ...given, givenAt: '2026-11-30T08:00:00.000Z' })).toEqual({ status: 'delivered' });
    expect(contact.properties.clinic_whatsapp_updates_consent_at).toBe(given.givenAt);
  });

  it('reaches HubSpot even when it no longer knows the mobile: a contact of the website with just the number', async () => {
    await startProvisioned();
    expect(await consent()).toEqual({ status: 'delivered' });
    expect(onlyContact()).toMatchObject({
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: given.givenAt,
      clinic_created_by_website: 'true',
    });
  });
});

describe('createHubSpotDeliveries', () => {
  it('makes the CRM deliveries', async () => {
    await startProvisioned();

    const deliveries = createHubSpotDeliveries({ accessToken: 'test-token', basePath: fake.url });

    expect(Object.keys(deliveries)).toEqual([
      'crm.booking',
      'crm.newsletter',
      'crm.newsletter-withdrawal',
      'crm.whatsapp-consent',
      'crm.rights-request',
      'crm.guardian-consent',
      'crm.booking-deletion',
      'crm.retention',
      'crm.erasure',
    ]);
    expect(await deliverAlone(deliveries['crm.newsletter'], subscriber, attempt)).toEqual({ status: 'delivered' });
    expect(await deliverAlone(deliveries['crm.newsletter-withdrawal'], withdrawal, attempt)).toEqual({
      status: 'delivered',
    });
    expect(onlyContact()).toMatchObject({ clinic_email_news_consent: 'false' });
  });
});
