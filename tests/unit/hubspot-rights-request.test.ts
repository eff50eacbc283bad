import type { Client } from '@hubspot/api-client';
import { afterEach, describe, expect, it } from 'vitest';
import { type RightsRequestType, rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { privacyRequestPipeline } from '#functions/delivery/hubspot/properties.ts';
import { createRightsRequestDelivery } from '#functions/delivery/hubspot/rights-request.ts';
import { type CrmRightsRequestPayload, sentQuicklyNote } from '#functions/outbox/jobs.ts';
import { crmRightsRequest, reference } from '../support/email-payloads.ts';
import {
  type FakeHubSpot,
  fakeHubSpotClient,
  type RecordedRequest,
  startFakeHubSpot,
  startProvisionedHubSpot,
} from '../support/fake-hubspot.ts';

let fake: FakeHubSpot;
let client: Client;

afterEach(() => fake.stop());

async function startProvisioned() {
  ({ fake, client } = await startProvisionedHubSpot());
}

function deliver(payload: CrmRightsRequestPayload, attempt = 1) {
  return createRightsRequestDelivery(client)(payload, {
    idempotencyKey: `crm.rights-request:${payload.reference}`,
    attempt,
  });
}

const methodPathAndBody = ({ method, path, body }: RecordedRequest) => ({ method, path, body });
const paths = () => fake.requests.map(({ method, path }) => `${method} ${path}`);

function privacyPipelineIds() {
  const pipeline = fake.pipelines('tickets').find(({ label }) => label === privacyRequestPipeline.label);
  if (!pipeline) throw new Error('No privacy requests pipeline');
  return { pipelineId: pipeline.id, stageIds: pipeline.stages.map(({ id }) => id) };
}

const read = (type: string, idProperty: string, id: string) => ({
  method: 'POST',
  path: `/crm/v3/objects/${type}/batch/read`,
  body: { idProperty, inputs: [{ id }], properties: [idProperty], propertiesWithHistory: [] },
});

/** No contact is ever created or changed: an erasure request must not make a record of the person. */
function expectNoContactWritten() {
  expect(fake.requests.filter(({ path }) => path.startsWith('/crm/v3/objects/contacts/batch/upsert'))).toEqual([]);
}

describe('the crm.rights-request delivery', () => {
  it("opens a ticket at the start of the privacy requests pipeline, on the contact who has the requester's email", async () => {
    await startProvisioned();
    const contact = fake.addContact({ email: 'asha@example.com', lifecyclestage: 'lead' });

    expect(await deliver(crmRightsRequest())).toEqual({ status: 'delivered' });

    const [ticket] = fake.tickets();
    const { pipelineId, stageIds } = privacyPipelineIds();
    expect(fake.requests.map(methodPathAndBody)).toEqual([
      { method: 'GET', path: '/crm/v3/pipelines/tickets', body: undefined },
      read('contacts', 'email', 'asha@example.com'),
      read('tickets', 'clinic_request_reference', reference),
      {
        method: 'POST',
        path: '/crm/v3/objects/tickets/batch/upsert',
        body: {
          inputs: [
            {
              idProperty: 'clinic_request_reference',
              id: reference,
              properties: {
                subject: `Privacy request ${reference}: Delete my information`,
                content: [
                  'Request: Delete my information',
                  `Reference: ${reference}`,
                  'Requester: Asha Rao',
                  'Whose information: My own information',
                  'Language: English (the page the request was sent from: reply in it)',
                  'Email: asha@example.com',
                  'Mobile: +919876543210',
                  'Received: Monday, 23 November 2026 at 10:30 am IST',
                  'Acknowledge by: Wednesday, 25 November 2026 at 10:30 am IST',
                  'Resolve by: Wednesday, 23 December 2026 at 10:30 am IST',
                  '',
                  'Details from the requester:',
                  'Please delete everything from my booking last year.',
                  '',
                  "Verify the requester's identity before acting on this request.",
                ].join('\n'),
                hs_pipeline: pipelineId,
                hs_pipeline_stage: stageIds[0],
                hs_ticket_priority: 'HIGH',
                clinic_request_reference: reference,
                clinic_rights_request_type: 'erasure',
                clinic_acknowledge_by: '2026-11-25T05:00:00.000Z',
                clinic_resolve_by: '2026-12-23T05:00:00.000Z',
                clinic_language: 'en',
              },
            },
          ],
        },
      },
      {
        method: 'PUT',
        path: `/crm/v4/objects/tickets/${ticket?.id}/associations/contacts/${contact.id}`,
        body: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 16 }],
      },
    ]);
    expect(fake.ticketAssociations()).toEqual([{ ticketId: ticket?.id, contactId: contact.id, associationTypeId: 16 }]);
    expect(fake.associations()).toEqual([]);
    expect(fake.contacts()).toEqual([
      { id: contact.id, properties: { email: 'asha@example.com', lifecyclestage: 'lead' } },
    ]);
  });

  it('finds the contact by the unique mobile property when none has the email address', async () => {
    await startProvisioned();
    const contact = fake.addContact({ clinic_mobile: '+919876543210' });

    expect(await deliver(crmRightsRequest())).toEqual({ status: 'delivered' });

    expect(fake.requests.slice(1, 3).map(methodPathAndBody)).toEqual([
      read('contacts', 'email', 'asha@example.com'),
      read('contacts', 'clinic_mobile', '+919876543210'),
    ]);
    expect(fake.ticketAssociations()).toEqual([
      { ticketId: fake.tickets()[0]?.id, contactId: contact.id, associationTypeId: 16 },
    ]);
    expectNoContactWritten();
  });

  it('looks a requester who gave only a mobile number up by it', async () => {
    await startProvisioned();
    const contact = fake.addContact({ email: 'someone@example.com', clinic_mobile: '+919876543210' });

    expect(await deliver(crmRightsRequest({ email: '' }))).toEqual({ status: 'delivered' });

    expect(fake.requests[1] && methodPathAndBody(fake.requests[1])).toEqual(
      read('contacts', 'clinic_mobile', '+919876543210'),
    );
    expect(fake.ticketAssociations().map(({ contactId }) => contactId)).toEqual([contact.id]);
    expect(fake.tickets()[0]?.properties.content).toContain('Email: not given\nMobile: +919876543210\n');
  });

  it('opens the ticket on its own, creating no contact, when HubSpot knows neither the email nor the mobile', async () => {
    await startProvisioned();

    expect(await deliver(crmRightsRequest())).toEqual({ status: 'delivered' });

    expect(paths()).toEqual([
      'GET /crm/v3/pipelines/tickets',
      'POST /crm/v3/objects/contacts/batch/read',
      'POST /crm/v3/objects/contacts/batch/read',
      'POST /crm/v3/objects/tickets/batch/read',
      'POST /crm/v3/objects/tickets/batch/upsert',
    ]);
    expect(fake.tickets()).toHaveLength(1);
    expect(fake.contacts()).toEqual([]);
    expect(fake.ticketAssociations()).toEqual([]);
  });

  it('never touches a contact’s consents, not even for a request to stop marketing', async () => {
    await startProvisioned();
    const consents = { email: 'asha@example.com', clinic_email_news_consent: 'true', clinic_is_minor: 'false' };
    const contact = fake.addContact(consents);

    expect(await deliver(crmRightsRequest({ requestType: 'stop-marketing' }))).toEqual({ status: 'delivered' });

    expectNoContactWritten();
    expect(contact.properties).toEqual(consents);
    expect(fake.tickets()[0]?.properties).toMatchObject({
      subject: `Privacy request ${reference}: Stop marketing to me and withdraw my consent`,
      hs_ticket_priority: 'HIGH',
    });
  });

  it("gives each type of request its ticket priority and the type's label", async () => {
    await startProvisioned();
    const types = Object.keys(rightsRequestTypes) as RightsRequestType[];

    for (const [index, requestType] of types.entries()) {
      const payload = { ...crmRightsRequest({ requestType }), reference: `KC-TYPE-000${index}` };
      expect(await deliver(payload)).toEqual({ status: 'delivered' });
    }

    const tickets = fake
      .tickets()
      .map(({ properties }) => [properties.clinic_rights_request_type, properties.hs_ticket_priority]);
    expect(Object.fromEntries(tickets)).toEqual({
      access: 'MEDIUM',
      correction: 'MEDIUM',
      erasure: 'HIGH',
      'stop-marketing': 'HIGH',
      restriction: 'MEDIUM',
      portability: 'MEDIUM',
      nomination: 'LOW',
      grievance: 'HIGH',
    });
    expect(fake.tickets().map(({ properties }) => properties.subject)).toContain(
      'Privacy request KC-TYPE-0006: Nominate someone to act for me',
    );
  });

  it('names the person a request is about, and asks staff to check the requester may act for them', async () => {
    await startProvisioned();
    const payload = crmRightsRequest({
      requestType: 'access',
      requesterRole: 'parent-or-guardian',
      subjectName: 'Kiran Rao',
      details: '',
    });

    expect(await deliver(payload)).toEqual({ status: 'delivered' });

    const content = fake.tickets()[0]?.properties.content ?? '';
    expect(content).toContain(
      'Requester: Asha Rao\nWhose information: My child, or someone I am the legal guardian of\n' +
        'Language: English (the page the request was sent from: reply in it)\nPerson it is about: Kiran Rao\n',
    );
    expect(content).toContain('Details from the requester:\nNone given.\n');
    expect(content).toMatch(
      /Verify the requester's identity, and their authority to act for the person it is about, before acting on this request\.$/,
    );
  });

  it('asks the privacy team to check a request sent faster than people usually manage', async () => {
    await startProvisioned();

    expect(await deliver({ ...crmRightsRequest({ requestType: 'access' }), sentQuickly: true })).toEqual({
      status: 'delivered',
    });

    expect(fake.tickets()[0]?.properties.content).toContain(`\n\n${sentQuicklyNote}\n\n`);
  });

  it('leaves one ticket when the same job is delivered twice, and does not write it again', async () => {
    await startProvisioned();
    fake.addContact({ email: 'asha@example.com' });
    const payload = crmRightsRequest();

    expect(await deliver(payload, 1)).toEqual({ status: 'delivered' });
    fake.clearRequests();
    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });

    expect(fake.tickets()).toHaveLength(1);
    expect(fake.ticketAssociations()).toHaveLength(1);
    expect(paths()).not.toContain('POST /crm/v3/objects/tickets/batch/upsert');
  });

  it('leaves a ticket the privacy team has moved on as it is', async () => {
    await startProvisioned();
    const payload = crmRightsRequest();
    await deliver(payload);
    const identityCheck = privacyPipelineIds().stageIds[1] ?? '';
    const [ticket] = fake.tickets();
    if (ticket) ticket.properties.hs_pipeline_stage = identityCheck;

    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });

    expect(fake.tickets()).toEqual([
      expect.objectContaining({ properties: expect.objectContaining({ hs_pipeline_stage: identityCheck }) }),
    ]);
  });

  it('asks for a retry after the Retry-After of a 429, and then opens one ticket', async () => {
    await startProvisioned();
    const payload = crmRightsRequest();
    fake.failNext(1, {
      status: 429,
      path: '/tickets/batch/upsert',
      headers: { 'retry-after': '7' },
      body: { status: 'error', category: 'RATE_LIMITS', message: 'You have reached your secondly limit.' },
    });

    expect(await deliver(payload, 1)).toEqual({
      status: 'retry',
      error: 'HubSpot 429: RATE_LIMITS You have reached your secondly limit.',
      retryAfterMs: 7000,
    });
    expect(fake.tickets()).toEqual([]);
    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });
    expect(fake.tickets()).toHaveLength(1);
  });

  it('leaves one ticket and one association when a job is retried after a 500', async () => {
    await startProvisioned();
    fake.addContact({ email: 'asha@example.com' });
    const payload = crmRightsRequest();
    fake.failNext(1, { status: 500, path: '/associations/' });

    expect(await deliver(payload, 1)).toMatchObject({ status: 'retry', error: expect.stringMatching(/^HubSpot 500/) });
    expect(await deliver(payload, 2)).toEqual({ status: 'delivered' });

    expect(fake.tickets()).toHaveLength(1);
    expect(fake.ticketAssociations()).toHaveLength(1);
  });

  it('keeps names, the free text and contact details out of the error HubSpot quotes them in', async () => {
    await startProvisioned();
    const payload = crmRightsRequest({ requesterRole: 'parent-or-guardian', subjectName: 'Kiran Rao' });
    const message = `Bad values: Asha Rao, Kiran, +919876543210, asha@example.com, ${payload.details}`;
    fake.failNext(1, { status: 400, path: '/tickets/batch/upsert', body: { category: 'VALIDATION_ERROR', message } });

    const outcome = await deliver(payload);

    expect(outcome).toEqual({
      status: 'failed',
      error: 'HubSpot 400: VALIDATION_ERROR Bad values: [redacted], [redacted], [number], [email], [redacted]',
    });
  });

  it('fails, writing nothing, while the privacy requests pipeline is missing', async () => {
    fake = await startFakeHubSpot();
    client = fakeHubSpotClient(fake);

    expect(await deliver(crmRightsRequest())).toEqual({
      status: 'failed',
      error: 'HubSpot refusal: no ticket pipeline "Privacy requests": run npm run crm:setup',
    });
    expect(paths()).toEqual(['GET /crm/v3/pipelines/tickets']);
  });
});
