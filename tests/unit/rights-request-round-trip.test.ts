import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type RightsRequestType, rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { createRightsRequestIntake } from '#functions/intake/rights-request-intake.ts';
import { createJobRunner } from '#functions/worker/worker.ts';
import { fakeProvidersForSuite, quietLogger } from '../support/fake-providers.ts';
import { emptyStoreForSuite, pgliteBackend } from '../support/store-backends.ts';

const opened = emptyStoreForSuite(pgliteBackend);
const providers = fakeProvidersForSuite();

describe('a rights request of each type, from the form to the privacy team and the requester', () => {
  it('becomes one ticket (priority by type, linked to the known contact) and one acknowledgement, however often delivered', async () => {
    const { db } = opened.store;
    const { hubspot, resend, deliveries } = providers;
    const runner = createJobRunner({ db, deliveries, logger: quietLogger });
    const receivedAt = new Date();
    const intake = createRightsRequestIntake({
      database: async () => db,
      deadlines: { acknowledgeWithinHours: 48, resolveWithinDays: 30 },
      now: () => receivedAt,
    });
    const email = `${randomUUID()}@example.com`;
    const contact = hubspot.addContact({ email, firstname: 'Asha', lastname: 'Rao' });
    const types = Object.keys(rightsRequestTypes) as RightsRequestType[];

    const references: Record<string, RightsRequestType> = {};
    for (const requestType of types) {
      const answer = await intake({
        submissionId: randomUUID(),
        requestType,
        fullName: 'Asha Rao',
        email,
        requesterRole: 'self',
        locale: 'en',
        website: '',
        startedAt: receivedAt.getTime() - 60_000,
      });
      if (answer.kind !== 'accepted') throw new Error(`Not accepted: ${requestType}`);
      references[answer.reference] = requestType;
    }
    while ((await runner.runOnce()) > 0) {
      // Until every job is delivered.
    }

    const tickets = hubspot.tickets();
    expect(tickets).toHaveLength(types.length);
    for (const ticket of tickets) {
      const reference = ticket.properties.clinic_request_reference ?? '';
      const requestType = references[reference];
      if (!requestType) throw new Error(`A ticket for an unknown reference: ${reference}`);
      expect(ticket.properties.hs_ticket_priority).toBe(rightsRequestTypes[requestType].priority);
    }
    expect(hubspot.ticketAssociations().map((link) => link.contactId)).toEqual(tickets.map(() => contact.id));
    const acknowledgements = resend.emails.filter((sent) => sent.subject.includes('privacy request'));
    expect(acknowledgements).toHaveLength(types.length);
    expect(new Set(acknowledgements.map((sent) => /\((KC-[A-Z0-9-]+)\)/.exec(sent.subject)?.[1]))).toEqual(
      new Set(Object.keys(references)),
    );
    // Stop marketing also told the CRM to withdraw the contact's consent.
    expect(hubspot.contacts()).toHaveLength(1);
    expect(hubspot.contacts()[0]?.properties).toMatchObject({ clinic_email_news_consent: 'false' });

    // Delivered again (a worker that crashed before recording its outcome): nothing new in HubSpot or Resend.
    await db.updateTable('outbox_jobs').set({ status: 'pending', attempts: 0 }).execute();
    while ((await runner.runOnce()) > 0) {
      // Until every job is delivered again.
    }
    expect(hubspot.tickets()).toHaveLength(types.length);
    expect(resend.emails.filter((sent) => sent.subject.includes('privacy request'))).toHaveLength(types.length);
    // HubSpot's client-side limit (80 requests per 10 s) paces the deliveries.
  }, 120_000);
});
