/**
 * Retention and erasure in HubSpot, through the real SDK against the fake: the purge on a moved clock queues
 * `crm.retention`, whose delivery deletes exactly the deals, tickets and contacts its rules name; an erasure
 * queues `crm.erasure` for the person.
 */
import type { Client } from '@hubspot/api-client';
import { addMonths } from 'date-fns/addMonths';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBookingDelivery } from '#functions/delivery/hubspot/booking.ts';
import {
  contactIsDeletable,
  createCrmErasureDelivery,
  createCrmRetentionDelivery,
} from '#functions/delivery/hubspot/crm-retention.ts';
import { appointmentPipeline, patientStageLabels } from '#functions/delivery/hubspot/properties.ts';
import { createRightsRequestDelivery } from '#functions/delivery/hubspot/rights-request.ts';
import { storeBookingRequest } from '#functions/intake/lead-records.ts';
import type { CrmErasurePayload, CrmRetentionPayload } from '#functions/outbox/jobs.ts';
import { erasePersonData } from '#functions/privacy/person-data.ts';
import { purgeExpired } from '#functions/privacy/retention-purge.ts';
import { claimDueJobs, completeJob } from '#functions/store/outbox.ts';
import type { Database } from '#functions/store/schema.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import { crmRightsRequest } from '../support/email-payloads.ts';
import { type FakeHubSpot, type FakeRecord, startProvisionedHubSpot } from '../support/fake-hubspot.ts';
import { adultBooking, crmBookingPayload, guardianLinks } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, pgliteBackend } from '../support/store-backends.ts';

const attempt = { idempotencyKey: 'job-1', attempt: 1 };
const noConsents = { privacyNotice: true, whatsappUpdates: false, emailNews: false } as const;

let fake: FakeHubSpot;
let client: Client;

beforeEach(async () => {
  ({ fake, client } = await startProvisionedHubSpot());
});
afterEach(() => fake.stop());

async function book(reference: string, overrides: Parameters<typeof adultBooking>[0] = {}) {
  const payload = crmBookingPayload(adultBooking({ consents: noConsents, ...overrides }), reference);
  expect(await deliverAlone(createBookingDelivery(client), payload, attempt)).toEqual({ status: 'delivered' });
  return dealOf(reference);
}

function dealOf(reference: string): FakeRecord {
  const deal = fake.deals().find(({ properties }) => properties.clinic_booking_reference === reference);
  if (!deal) throw new Error(`No deal ${reference}`);
  return deal;
}

const contactOf = (email: string) => fake.contacts().find(({ properties }) => properties.email === email);
const references = (records: FakeRecord[], property: string) =>
  records.map(({ properties }) => properties[property]).sort();

function moveToStage(deal: FakeRecord, label: string) {
  const pipeline = fake.pipelines().find((candidate) => candidate.label === appointmentPipeline.label);
  const stage = pipeline?.stages.find((candidate) => candidate.label === label);
  if (!stage) throw new Error(`No stage ${label}`);
  deal.properties.dealstage = stage.id;
}

const retain = (payload: CrmRetentionPayload) => deliverAlone(createCrmRetentionDelivery(client), payload, attempt);
const erase = (payload: CrmErasurePayload) => deliverAlone(createCrmErasureDelivery(client), payload, attempt);

describe('the retention purge in HubSpot', () => {
  const opened = emptyStoreForSuite(pgliteBackend);
  const db = (): Kysely<Database> => opened.store.db;

  it('deletes exactly the deals and contacts the rule names, and nothing the front desk moved to a patient stage', async () => {
    await book('KC-GONE-0001', { email: 'gone@example.com', mobile: '98765 00001' });
    const goneContact = contactOf('gone@example.com');
    const patient = await book('KC-PTNT-0002', { email: 'patient@example.com', mobile: '98765 00002' });
    moveToStage(patient, 'Booked');
    await book('KC-NEWS-0003', {
      email: 'news@example.com',
      mobile: '98765 00003',
      consents: { privacyNotice: true, whatsappUpdates: false, emailNews: true },
    });
    fake.addContact({ email: 'known@example.com', firstname: 'Known' });
    await book('KC-KNWN-0004', { email: 'known@example.com', mobile: '98765 00004' });
    await book('KC-TWO1-0005', { email: 'twice@example.com', mobile: '98765 00005' });
    const recent = await book('KC-TWO2-0006', { email: 'twice@example.com', mobile: '98765 00005' });
    const sales = fake.addRecord('deals', {
      dealname: 'Sales',
      pipeline: 'default',
      dealstage: 'appointmentscheduled',
    });
    const movedOn = addMonths(new Date(), 13);
    fake.setCreatedAt(recent, addMonths(new Date(), 2));

    await purgeExpired(db(), { now: movedOn });
    const job = await db()
      .selectFrom('outbox_jobs')
      .select(['lead_reference', 'payload', 'status'])
      .where('kind', '=', 'crm.retention')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ lead_reference: `purge-${movedOn.toISOString().slice(0, 10)}`, status: 'pending' });
    expect(await retain(job.payload as CrmRetentionPayload)).toEqual({ status: 'delivered' });

    expect(references(fake.deals(), 'clinic_booking_reference')).toEqual(['KC-PTNT-0002', 'KC-TWO2-0006', undefined]);
    expect(fake.deals()).toContain(sales);
    // The contact of the deleted deal alone goes, for good; the patient, the consenting, the one HubSpot knew before
    // and the one with a recent request stay.
    expect(fake.gdprDeleted()).toEqual([goneContact?.id]);
    expect(contactOf('gone@example.com')).toBeUndefined();
    for (const email of ['patient@example.com', 'news@example.com', 'known@example.com', 'twice@example.com']) {
      expect(contactOf(email), email).toBeDefined();
    }
    // A second run finds nothing more.
    expect(await retain(job.payload as CrmRetentionPayload)).toEqual({ status: 'delivered' });
    expect(fake.deals()).toHaveLength(3);
  });

  it('queues one CRM retention job at a time: a run replaces the one an earlier run left undelivered', async () => {
    await purgeExpired(db(), { now: addMonths(new Date(), 14) });
    const jobs = await db()
      .selectFrom('outbox_jobs')
      .select(['status'])
      .where('kind', '=', 'crm.retention')
      .orderBy('id')
      .execute();
    expect(jobs.map(({ status }) => status)).toEqual(['pending']);
  });

  it('deletes privacy tickets after their own period, with a contact the website made that nothing else holds', async () => {
    expect(
      await deliverAlone(createRightsRequestDelivery(client), crmRightsRequest({ email: 'old@example.com' }), attempt),
    ).toEqual({
      status: 'delivered',
    });
    const [delivered] = fake.tickets();
    const ticket = (subject: string, monthsAgo: number, contactId: string) => {
      const record = fake.addRecord(
        'tickets',
        {
          subject,
          hs_pipeline: delivered?.properties.hs_pipeline ?? '',
          hs_pipeline_stage: delivered?.properties.hs_pipeline_stage ?? '',
        },
        contactId,
      );
      fake.setCreatedAt(record, addMonths(new Date(), -monthsAgo));
    };
    const requester = fake.addContact({ email: 'requester@example.com', clinic_created_by_website: 'true' });
    ticket('Recent', 20, requester.id);
    ticket('Older', 40, requester.id);
    const once = fake.addContact({ email: 'once@example.com', clinic_created_by_website: 'true' });
    ticket('Once', 40, once.id);
    const cutoff = addMonths(new Date(), -36).toISOString();

    expect(await retain({ dealsCreatedBefore: cutoff, ticketsCreatedBefore: cutoff })).toEqual({ status: 'delivered' });

    expect(
      fake
        .tickets()
        .map(({ properties }) => properties.subject)
        .sort(),
    ).toEqual([delivered?.properties.subject, 'Recent'].sort());
    // Its other, recent ticket keeps the requester; the one whose only ticket went goes too.
    expect(fake.contacts()).toContain(requester);
    expect(fake.gdprDeleted()).toEqual([once.id]);
  });
});

describe('an erasure in HubSpot', () => {
  const opened = emptyStoreForSuite(pgliteBackend);
  const db = (): Kysely<Database> => opened.store.db;

  it('is queued by the erase command for the person, with their leads’ references, under the request’s reference', async () => {
    const booking = await storeBookingRequest(db(), adultBooking({ email: 'erase@example.com' }), guardianLinks);
    await erasePersonData(
      db(),
      { type: 'email', email: 'erase@example.com' },
      {
        dropNotDelivered: true,
        requestReference: 'KC-ERAS-0001',
      },
    );
    const job = await db()
      .selectFrom('outbox_jobs')
      .select(['lead_reference', 'payload', 'status'])
      .where('kind', '=', 'crm.erasure')
      .executeTakeFirstOrThrow();
    expect(job).toEqual({
      lead_reference: 'KC-ERAS-0001',
      status: 'pending',
      payload: { email: 'erase@example.com', bookingReferences: [booking.reference], rightsRequestReferences: [] },
    });

    // Delivered, it names the person no more.
    const [claim] = await claimDueJobs(db(), { kinds: ['crm.erasure'], limit: 10, leaseMs: 60_000 });
    expect(claim && (await completeJob(db(), claim))).toBe(true);
    expect(
      await db().selectFrom('outbox_jobs').select(['payload', 'status']).where('kind', '=', 'crm.erasure').execute(),
    ).toEqual([{ payload: {}, status: 'done' }]);
  });

  it("deletes the person's website deals (not a patient's), privacy tickets and then their contact, whatever they consented to", async () => {
    await book('KC-ERAS-0002', {
      email: 'asha@example.com',
      consents: { privacyNotice: true, whatsappUpdates: true, emailNews: true },
    });
    await book('KC-ERAS-0003', { email: 'asha@example.com' });
    expect(await deliverAlone(createRightsRequestDelivery(client), crmRightsRequest(), attempt)).toEqual({
      status: 'delivered',
    });
    await book('KC-ERAS-0004', { email: 'ravi@example.com', mobile: '98765 11111' });

    expect(await erase({ email: 'asha@example.com', bookingReferences: [], rightsRequestReferences: [] })).toEqual({
      status: 'delivered',
    });

    expect(references(fake.deals(), 'clinic_booking_reference')).toEqual(['KC-ERAS-0004']);
    expect(fake.tickets()).toEqual([]);
    expect(contactOf('asha@example.com')).toBeUndefined();
    expect(contactOf('ravi@example.com')).toBeDefined();
  });

  it('keeps a deal at a patient stage, and so the contact, for staff to handle', async () => {
    const deal = await book('KC-ERAS-0005', { email: 'asha@example.com' });
    moveToStage(deal, patientStageLabels[0] ?? '');

    expect(
      await erase({ mobile: '+919876543210', bookingReferences: ['KC-ERAS-0005'], rightsRequestReferences: [] }),
    ).toEqual({
      status: 'delivered',
    });

    expect(fake.deals()).toEqual([deal]);
    expect(contactOf('asha@example.com')).toBeDefined();
    expect(fake.gdprDeleted()).toEqual([]);
  });
});

describe('contactIsDeletable', () => {
  const contact = (properties: Record<string, string>) => ({
    contact: { id: '1', properties },
    otherDeals: [],
    otherTickets: [],
  });
  const own = { clinic_created_by_website: 'true' };

  it('takes only a contact the website made that nothing else holds, with no live consent unless erased', () => {
    expect(contactIsDeletable(contact(own), false)).toBe(true);
    expect(contactIsDeletable(contact({}), true)).toBe(false);
    expect(contactIsDeletable({ ...contact(own), otherDeals: ['7'] }, true)).toBe(false);
    expect(contactIsDeletable({ ...contact(own), otherTickets: ['8'] }, true)).toBe(false);
    expect(contactIsDeletable(contact({ ...own, num_conversion_events: '2' }), true)).toBe(false);
    expect(contactIsDeletable(contact({ ...own, clinic_whatsapp_updates_consent: 'true' }), false)).toBe(false);
    expect(contactIsDeletable(contact({ ...own, clinic_email_news_consent: 'true' }), true)).toBe(true);
    expect(contactIsDeletable(contact({ ...own, clinic_email_news_consent: 'false' }), false)).toBe(true);
  });
});
