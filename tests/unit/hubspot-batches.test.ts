/**
 * The CRM deliveries in batches, through the real SDK against the fake HubSpot: a backlog of bookings reaches
 * HubSpot in a few requests, comes out exactly as the same bookings delivered one after another would, and a
 * record HubSpot refuses fails only its own job.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchedJob, DeliveryOutcome } from '#functions/delivery/delivery.ts';
import { createHubSpotDeliveries, type HubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import type { BookingFormValues } from '#functions/forms/booking-schema.ts';
import type { CrmBookingPayload } from '#functions/outbox/jobs.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import { type FakeHubSpot, startProvisionedHubSpot } from '../support/fake-hubspot.ts';
import { adultBooking, crmBookingPayload, minorBooking } from '../support/lead-fixtures.ts';

const fakes: FakeHubSpot[] = [];
afterEach(async () => {
  await Promise.all(fakes.splice(0).map((fake) => fake.stop()));
});

async function startHubSpot(): Promise<{ fake: FakeHubSpot; deliveries: HubSpotDeliveries }> {
  const { fake } = await startProvisionedHubSpot();
  fakes.push(fake);
  return {
    fake,
    deliveries: createHubSpotDeliveries({ accessToken: 'pat-test', basePath: fake.url, requestsPerTenSeconds: 10_000 }),
  };
}

const reference = (index: number) => `KC-BTCH-${String(index).padStart(4, '0')}`;
const jobsOf = (payloads: readonly CrmBookingPayload[]): BatchedJob<'crm.booking'>[] =>
  payloads.map((payload, index) => ({ payload, attempt: { idempotencyKey: `job-${index}`, attempt: 1 } }));
const deliverBatch = (deliveries: HubSpotDeliveries, payloads: readonly CrmBookingPayload[]) =>
  deliveries['crm.booking'].deliverBatch(jobsOf(payloads), { key: 'batch' });
const delivered = (count: number): DeliveryOutcome[] => Array.from({ length: count }, () => ({ status: 'delivered' }));

/** A distinct adult for each index: a mobile and email of their own. */
function adult(index: number, overrides: Partial<BookingFormValues> = {}) {
  const digits = String(index).padStart(4, '0');
  return adultBooking({
    // Names hold letters only: the index spelt in letters, a for 0 to j for 9.
    fullName: `Patient ${[...digits].map((digit) => String.fromCharCode(97 + Number(digit))).join('')}`,
    mobile: `98765 4${digits}`,
    email: `patient-${digits}@example.com`,
    ...overrides,
  });
}

/** What HubSpot holds, without its ids: each contact, each deal, and which contact each deal is associated with. */
function crmState(fake: FakeHubSpot) {
  const contactKey = (id: string) => {
    const contact = fake.contacts().find((candidate) => candidate.id === id);
    return contact?.properties.email || contact?.properties.clinic_mobile;
  };
  const byKey = <Row>(rows: Row[], key: (row: Row) => string) =>
    [...rows].sort((one, other) => key(one).localeCompare(key(other)));
  return {
    contacts: byKey(
      fake.contacts().map(({ properties }) => properties),
      (properties) => `${properties.email}${properties.clinic_mobile}`,
    ),
    deals: byKey(
      fake.deals().map(({ properties }) => properties),
      (properties) => properties.clinic_booking_reference ?? '',
    ),
    associations: byKey(
      fake.associations().map(({ dealId, contactId, label }) => ({
        deal: fake.deals().find((deal) => deal.id === dealId)?.properties.clinic_booking_reference,
        contact: contactKey(contactId),
        label,
      })),
      (association) => `${association.deal}${association.label}`,
    ),
  };
}

/** The record requests, without the lookups of the pipeline and the association label a process makes once. */
const crmRequests = (fake: FakeHubSpot) => fake.requests.filter(({ path }) => path.includes('/batch/'));

describe('a batch of crm.booking jobs', () => {
  it('takes 100 bookings to HubSpot in six requests: contacts read twice and upserted, deals read and upserted, associated', async () => {
    const { fake, deliveries } = await startHubSpot();
    const payloads = Array.from({ length: 100 }, (_, index) => crmBookingPayload(adult(index), reference(index)));

    expect(await deliverBatch(deliveries, payloads)).toEqual(delivered(100));

    expect(crmRequests(fake).map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /crm/v3/objects/contacts/batch/read',
      'POST /crm/v3/objects/contacts/batch/read',
      'POST /crm/v3/objects/contacts/batch/upsert',
      'POST /crm/v3/objects/deals/batch/read',
      'POST /crm/v3/objects/deals/batch/upsert',
      'POST /crm/v4/associations/deals/contacts/batch/create',
    ]);
    expect(fake.contacts()).toHaveLength(100);
    expect(fake.deals()).toHaveLength(100);
    expect(crmState(fake).associations).toHaveLength(100);
    for (const [index, payload] of payloads.entries()) {
      expect(crmState(fake).associations[index]).toEqual({
        deal: payload.reference,
        contact: payload.contact.email,
        label: null,
      });
    }
  });

  it("leaves HubSpot as the same jobs delivered one after another would: a family's requests meet on one contact", async () => {
    const family = [
      crmBookingPayload(adultBooking({ consents: { privacyNotice: true, whatsappUpdates: false } }), reference(1)),
      crmBookingPayload(minorBooking({ attribution: { utm_source: 'instagram' } }), reference(2)),
      crmBookingPayload(minorBooking({ fullName: 'Dev Rao', dateOfBirth: '2013-07-02' }), reference(3)),
      // The same mother again, her email now in capitals and her mobile only: still her one contact.
      crmBookingPayload(adultBooking({ email: 'ASHA@Example.com', treatment: 'acne-treatment' }), reference(4)),
      crmBookingPayload(
        adult(5, { email: '', consents: { privacyNotice: true, whatsappUpdates: true } }),
        reference(5),
      ),
      crmBookingPayload(adult(5, { email: 'patient-0005@example.com' }), reference(6)),
    ];
    const oneByOne = await startHubSpot();
    for (const [index, payload] of family.entries()) {
      expect(
        await deliverAlone(oneByOne.deliveries['crm.booking'], payload, { idempotencyKey: `job-${index}`, attempt: 1 }),
      ).toEqual({ status: 'delivered' });
    }
    const together = await startHubSpot();

    expect(await deliverBatch(together.deliveries, family)).toEqual(delivered(family.length));

    expect(crmState(together.fake)).toEqual(crmState(oneByOne.fake));
    expect(together.fake.contacts()).toHaveLength(2);
    expect(crmRequests(together.fake)).toHaveLength(6);
  });

  it('fails only the job whose record HubSpot refuses in a partial answer, and delivers the others', async () => {
    const { fake, deliveries } = await startHubSpot();
    // The marketing team has removed a branch from the deal property's options.
    const branch = fake.properties('deals').find(({ name }) => name === 'clinic_branch');
    if (!branch) throw new Error('No clinic_branch property');
    branch.options = branch.options.filter(({ value }) => value !== 'mumbai-bandra');
    const payloads = [
      crmBookingPayload(adult(1), reference(1)),
      crmBookingPayload(adult(2, { branch: 'mumbai-bandra', treatment: 'acne-treatment' }), reference(2)),
      crmBookingPayload(adult(3), reference(3)),
    ];

    const outcomes = await deliverBatch(deliveries, payloads);

    expect(outcomes).toEqual([
      { status: 'delivered' },
      { status: 'failed', error: expect.stringMatching(/^HubSpot refusal: VALIDATION_ERROR .*clinic_branch/) },
      { status: 'delivered' },
    ]);
    expect(fake.requests.find(({ path }) => path.endsWith('/deals/batch/upsert'))?.status).toBe(207);
    expect(crmState(fake).deals.map((deal) => deal.clinic_booking_reference)).toEqual([reference(1), reference(3)]);
    expect(crmState(fake).associations.map(({ deal }) => deal)).toEqual([reference(1), reference(3)]);
  });

  it('tries a batch HubSpot refused whole again one job at a time, so that the others go through', async () => {
    const { fake, deliveries } = await startHubSpot();
    fake.failNext(1, {
      status: 400,
      path: '/deals/batch/upsert',
      body: { status: 'error', category: 'VALIDATION_ERROR', message: 'Property values were not valid' },
    });
    const payloads = [1, 2, 3].map((index) => crmBookingPayload(adult(index), reference(index)));

    expect(await deliverBatch(deliveries, payloads)).toEqual(delivered(3));

    expect(fake.deals()).toHaveLength(3);
    expect(fake.contacts()).toHaveLength(3);
    expect(crmState(fake).associations).toHaveLength(3);
  });

  it('retries the whole batch after a 429, and the retry writes each record once', async () => {
    const { fake, deliveries } = await startHubSpot();
    fake.failNext(1, {
      status: 429,
      path: '/associations/deals/contacts/batch/create',
      headers: { 'retry-after': '3' },
      body: {
        status: 'error',
        message: 'You have reached your ten_secondly_rolling limit.',
        policyName: 'TEN_SECONDLY_ROLLING',
      },
    });
    const payloads = [1, 2].map((index) => crmBookingPayload(adult(index), reference(index)));

    expect(await deliverBatch(deliveries, payloads)).toEqual([
      { status: 'retry', error: 'HubSpot 429: You have reached your ten_secondly_rolling limit.', retryAfterMs: 3000 },
      { status: 'retry', error: 'HubSpot 429: You have reached your ten_secondly_rolling limit.', retryAfterMs: 3000 },
    ]);
    expect(await deliverBatch(deliveries, payloads)).toEqual(delivered(2));

    expect(fake.contacts()).toHaveLength(2);
    expect(fake.deals()).toHaveLength(2);
    expect(crmState(fake).associations).toHaveLength(2);
  });
});

describe('a batch of newsletter jobs', () => {
  it('writes one contact per address, once, whatever the case it was typed in', async () => {
    const { fake, deliveries } = await startHubSpot();
    const confirmation = (email: string, confirmedAt: string) => ({
      reference: 'NL-0000-0001',
      email,
      consentAt: '2026-11-20T05:00:00.000Z',
      confirmedAt,
    });
    const jobs = [
      confirmation('meera@example.com', '2026-11-20T05:10:00.000Z'),
      confirmation('Meera@Example.com', '2026-11-21T05:10:00.000Z'),
      confirmation('ravi@example.com', '2026-11-21T06:00:00.000Z'),
    ].map((payload, index) => ({ payload, attempt: { idempotencyKey: `job-${index}`, attempt: 1 } }));

    expect(await deliveries['crm.newsletter'].deliverBatch(jobs, { key: 'batch' })).toEqual(delivered(3));

    expect(fake.contacts().map(({ properties }) => properties.email)).toEqual([
      'meera@example.com',
      'ravi@example.com',
    ]);
    expect(crmRequests(fake).map(({ path }) => path)).toEqual([
      '/crm/v3/objects/contacts/batch/read',
      '/crm/v3/objects/contacts/batch/upsert',
    ]);
  });
});
