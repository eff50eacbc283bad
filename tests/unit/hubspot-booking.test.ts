import type { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createBookingDelivery } from '#functions/delivery/hubspot/booking.ts';
import { contactPropertiesToRead } from '#functions/delivery/hubspot/contact-updates.ts';
import { appointmentPipeline, guardianAssociationLabel } from '#functions/delivery/hubspot/properties.ts';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import {
  type FakeHubSpot,
  fakeHubSpotClient,
  type RecordedRequest,
  startFakeHubSpot,
  startProvisionedHubSpot,
} from '../support/fake-hubspot.ts';

import {
  adultBooking,
  adultBookingValues,
  bookingSchema,
  crmBookingPayload,
  minorBooking,
} from '../support/lead-fixtures.ts';

const reference = 'KC-7Q4M-X2P9';
const isoTimestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const contactPropertiesRead = [...contactPropertiesToRead];
const noEmailNews = { privacyNotice: true, whatsappUpdates: false, emailNews: false } as const;
/** What a request asks for, and how its visit arrived. */
const requestOrVisitProperty = /treatment|branch|preferred|booking|utm|page|referrer|clid/;

let fake: FakeHubSpot;
let client: Client;

afterEach(() => fake.stop());

async function startProvisioned() {
  ({ fake, client } = await startProvisionedHubSpot());
}

const crmPayload = (request: BookingRequest, bookingReference = reference) =>
  crmBookingPayload(request, bookingReference);

function deliver(payload: CrmBookingPayload, attempt = 1) {
  return deliverAlone(createBookingDelivery(client), payload, {
    idempotencyKey: `crm.booking:${payload.reference}`,
    attempt,
  });
}

interface UpsertBody {
  inputs: { idProperty: string; id: string; properties: Record<string, string> }[];
}

function contactUpserts(): UpsertBody['inputs'] {
  return fake.requests
    .filter(({ path }) => path === '/crm/v3/objects/contacts/batch/upsert')
    .flatMap(({ body }) => (body as UpsertBody).inputs);
}

const methodPathAndBody = ({ method, path, body }: RecordedRequest) => ({ method, path, body });

function appointmentPipelineIds() {
  const pipeline = fake.pipelines().find(({ label }) => label === appointmentPipeline.label);
  if (!pipeline) throw new Error('No appointments pipeline');
  return { pipelineId: pipeline.id, stageIds: pipeline.stages.map(({ id }) => id) };
}

describe('the crm.booking delivery', () => {
  it("upserts an adult's contact by email, then the request's deal in the appointments pipeline", async () => {
    await startProvisioned();

    expect(await deliver(crmPayload(adultBooking()))).toEqual({ status: 'delivered' });

    const [contact] = fake.contacts();
    const [deal] = fake.deals();
    const { pipelineId, stageIds } = appointmentPipelineIds();
    const contactRead = (idProperty: string, id: string) => ({
      method: 'POST',
      path: '/crm/v3/objects/contacts/batch/read',
      body: { idProperty, inputs: [{ id }], properties: contactPropertiesRead, propertiesWithHistory: [] },
    });
    expect(fake.requests.map(methodPathAndBody)).toEqual([
      { method: 'GET', path: '/crm/v3/pipelines/deals', body: undefined },
      { method: 'GET', path: '/crm/v4/associations/deals/contacts/labels', body: undefined },
      contactRead('email', 'asha@example.com'),
      contactRead('clinic_mobile', '+919876543210'),
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
                clinic_mobile: '+919876543210',
                mobilephone: '+919876543210',
                firstname: 'Asha',
                lastname: 'Rao',
                lifecyclestage: 'lead',
                clinic_created_by_website: 'true',
                clinic_whatsapp_updates_consent: 'true',
                clinic_whatsapp_updates_consent_at: isoTimestamp,
                clinic_email_news_consent: 'true',
                clinic_email_news_consent_at: isoTimestamp,
                clinic_email_news_agreed_at: isoTimestamp,
                clinic_utm_source: 'google',
                clinic_utm_campaign: 'whitening',
                clinic_landing_page: '/treatments/teeth-whitening/',
              },
            },
          ],
        },
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/deals/batch/read',
        body: {
          idProperty: 'clinic_booking_reference',
          inputs: [{ id: reference }],
          properties: ['clinic_booking_reference'],
          propertiesWithHistory: [],
        },
      },
      {
        method: 'POST',
        path: '/crm/v3/objects/deals/batch/upsert',
        body: {
          inputs: [
            {
              idProperty: 'clinic_booking_reference',
              id: reference,
              properties: {
                dealname: 'KC-7Q4M-X2P9 · Teeth whitening · Indiranagar',
                pipeline: pipelineId,
                dealstage: stageIds[0],
                clinic_booking_reference: reference,
                clinic_treatment_interest: 'Teeth whitening',
                clinic_branch: 'bengaluru-indiranagar',
                clinic_preferred_date: '2026-11-25',
                clinic_preferred_time_window: 'morning',
                clinic_patient_name: 'Asha Rao',
                clinic_patient_is_minor: 'false',
                clinic_language: 'en',
              },
            },
          ],
        },
      },
      {
        method: 'POST',
        path: '/crm/v4/associations/deals/contacts/batch/create',
        body: {
          inputs: [
            {
              from: { id: deal?.id },
              to: { id: contact?.id },
              types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 3 }],
            },
          ],
        },
      },
    ]);
    expect(fake.associations()).toEqual([
      { dealId: deal?.id, contactId: contact?.id, category: 'HUBSPOT_DEFINED', associationTypeId: 3, label: null },
    ]);
  });

  it('writes no treatment, branch, day or attribution to the contact of a booking without email news or marketing cookies', async () => {
    await startProvisioned();
    // The browser had a campaign note but its cookie choice no longer allowed marketing as the form was sent.
    const { marketingCookies: _marketingCookies, ...values } = adultBookingValues({ consents: noEmailNews });

    expect(await deliver(crmPayload(bookingSchema.parse(values)))).toEqual({ status: 'delivered' });

    const [contact] = fake.contacts();
    const [deal] = fake.deals();
    expect(Object.keys(contact?.properties ?? {}).filter((name) => requestOrVisitProperty.test(name))).toEqual([]);
    expect(deal?.properties).toMatchObject({
      clinic_treatment_interest: 'Teeth whitening',
      clinic_branch: 'bengaluru-indiranagar',
      clinic_preferred_date: '2026-11-25',
      clinic_preferred_time_window: 'morning',
    });
  });

  it('keeps the request on the deal when the booking allows email news and marketing cookies: the contact has the visit', async () => {
    await startProvisioned();

    expect(await deliver(crmPayload(adultBooking()))).toEqual({ status: 'delivered' });

    const [contact] = fake.contacts();
    expect(
      Object.keys(contact?.properties ?? {})
        .filter((name) => requestOrVisitProperty.test(name))
        .sort(),
    ).toEqual(['clinic_landing_page', 'clinic_utm_campaign', 'clinic_utm_source']);
  });

  it('upserts an adult who gave no email by the unique mobile property', async () => {
    await startProvisioned();

    const payload = crmPayload(adultBooking({ email: '', consents: noEmailNews, attribution: undefined }));
    expect(await deliver(payload)).toEqual({ status: 'delivered' });

    const contactRequests = fake.requests.filter(({ path }) => path.startsWith('/crm/v3/objects/contacts/'));
    expect(contactRequests.map(({ path }) => path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
      '/crm/v3/objects/contacts/batch/upsert',
    ]);
    expect(contactRequests[0]?.body).toMatchObject({ idProperty: 'clinic_mobile', inputs: [{ id: '+919876543210' }] });
    const [upsert] = contactUpserts();
    expect(upsert).toMatchObject({ idProperty: 'clinic_mobile', id: '+919876543210' });
    expect(upsert?.properties).not.toHaveProperty('email');
    expect(upsert?.properties).toMatchObject({ clinic_mobile: '+919876543210' });
    // Unticked boxes and no recorded visit write nothing: no consent property, no empty attribution.
    expect(Object.keys(upsert?.properties ?? {}).filter((name) => /consent|utm|page|referrer|clid/.test(name))).toEqual(
      [],
    );
    expect(fake.contacts()).toHaveLength(1);
  });

  it("makes the guardian the contact of a minor's deal, under the guardian label, with nothing of the child on the contact", async () => {
    await startProvisioned();
    const guardianLabel = fake
      .associationTypes('deals', 'contacts')
      .find(({ label }) => label === guardianAssociationLabel.label);

    expect(await deliver(crmPayload(minorBooking()))).toEqual({ status: 'delivered' });

    const [contact] = fake.contacts();
    const [deal] = fake.deals();
    expect(contact?.properties).toMatchObject({ firstname: 'Asha', lastname: 'Rao', email: 'asha@example.com' });
    expect(JSON.stringify(contact?.properties)).not.toMatch(/Kiran|Teeth whitening|minor|guardian/);
    expect(deal?.properties).toMatchObject({ clinic_patient_name: 'Kiran Rao', clinic_guardian_consent: 'pending' });
    expect(fake.associations()).toEqual([
      { dealId: deal?.id, contactId: contact?.id, category: 'HUBSPOT_DEFINED', associationTypeId: 3, label: null },
      {
        dealId: deal?.id,
        contactId: contact?.id,
        category: 'USER_DEFINED',
        associationTypeId: guardianLabel?.typeId,
        label: 'Parent or guardian',
      },
    ]);
  });

  it('leaves one contact and one deal when a job is retried after a 500', async () => {
    await startProvisioned();
    const payload = crmPayload(adultBooking());
    fake.failNext(1, { status: 500, path: '/associations/' });

    expect(await deliver(payload, 1)).toMatchObject({ status: 'retry', error: expect.stringMatching(/^HubSpot 500/) });
    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });

    expect(fake.contacts()).toHaveLength(1);
    expect(fake.deals()).toHaveLength(1);
    expect(fake.associations()).toHaveLength(1);
  });

  it('leaves a deal that exists already as it is: the front desk may have moved it on', async () => {
    await startProvisioned();
    const payload = crmPayload(adultBooking());
    await deliver(payload);
    const [deal] = fake.deals();
    const confirmed = appointmentPipelineIds().stageIds[1] ?? '';
    if (deal) deal.properties.dealstage = confirmed;
    fake.clearRequests();

    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });

    expect(fake.requests.some(({ path }) => path === '/crm/v3/objects/deals/batch/upsert')).toBe(false);
    expect(fake.deals()).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ dealstage: confirmed }) }),
    ]);
  });

  it('never moves a lifecycle stage back: a customer stays a customer', async () => {
    await startProvisioned();
    fake.addContact({ email: 'asha@example.com', lifecyclestage: 'customer' });

    expect(await deliver(crmPayload(adultBooking()))).toEqual({ status: 'delivered' });

    expect(contactUpserts()[0]?.properties).not.toHaveProperty('lifecyclestage');
    expect(fake.contacts()).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ lifecyclestage: 'customer' }) }),
    ]);
  });

  it('adds the email to the contact of an earlier booking that had none, instead of a second contact', async () => {
    await startProvisioned();
    await deliver(crmPayload(adultBooking({ email: '', consents: noEmailNews }), 'KC-2222-2222'));

    expect(await deliver(crmPayload(adultBooking(), 'KC-3333-3333'))).toEqual({ status: 'delivered' });

    const [contact, ...others] = fake.contacts();
    expect(others).toEqual([]);
    expect(contact?.properties).toMatchObject({ email: 'asha@example.com', clinic_mobile: '+919876543210' });
    expect(fake.deals()).toHaveLength(2);
    expect(fake.associations().map(({ contactId }) => contactId)).toEqual([contact?.id, contact?.id]);
  });

  it('leaves the unique mobile with the contact of another email that holds it', async () => {
    await startProvisioned();
    const other = fake.addContact({ email: 'family@example.com', clinic_mobile: '+919876543210' });

    expect(await deliver(crmPayload(adultBooking()))).toEqual({ status: 'delivered' });

    const asha = fake.contacts().find(({ properties }) => properties.email === 'asha@example.com');
    expect(asha?.properties).not.toHaveProperty('clinic_mobile');
    expect(asha?.properties.mobilephone).toBe('+919876543210');
    expect(other.properties.clinic_mobile).toBe('+919876543210');
  });

  it('fails, writing nothing, while the guardian association label is missing', async () => {
    fake = await startFakeHubSpot();
    client = fakeHubSpotClient(fake);
    await client.crm.pipelines.pipelinesApi.create('deals', appointmentPipeline);
    fake.clearRequests();

    expect(await deliver(crmPayload(adultBooking()))).toEqual({
      status: 'failed',
      error: 'HubSpot refusal: no deal association label "Parent or guardian": run npm run crm:setup',
    });
    expect(fake.requests.map(({ method }) => method)).toEqual(['GET', 'GET']);
  });

  it('fails, writing nothing, while the appointments pipeline is missing', async () => {
    fake = await startFakeHubSpot();
    client = fakeHubSpotClient(fake);

    expect(await deliver(crmPayload(adultBooking()))).toEqual({
      status: 'failed',
      error: 'HubSpot refusal: no deal pipeline "Website appointment requests": run npm run crm:setup',
    });
    expect(fake.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /crm/v3/pipelines/deals']);
  });
});
