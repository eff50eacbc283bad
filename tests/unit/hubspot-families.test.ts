/**
 * A family in the CRM, through the real SDK against the fake HubSpot, in each order a parent's own requests and
 * their children's can arrive: the parent is the one contact, whose identity and choices no request for a child
 * changes, and each request is a deal (the patient's name, whether they are under 18, the guardian consent, and the
 * label of its association with the parent). Every test reads the whole contact.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyDelivery } from '#functions/delivery/delivery.ts';
import { createHubSpotDeliveries, type HubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import { guardianAssociationLabel } from '#functions/delivery/hubspot/properties.ts';
import type { BookingFormValues, BookingRequest } from '#functions/forms/booking-schema.ts';
import type { OutboxJobKind, OutboxJobPayload } from '#functions/outbox/jobs.ts';
import { deliverAlone } from '../support/deliver-alone.ts';
import { crmRightsRequest } from '../support/email-payloads.ts';
import { type FakeHubSpot, type FakeRecord, startProvisionedHubSpot } from '../support/fake-hubspot.ts';
import { adultBooking, crmBookingPayload, minorBooking } from '../support/lead-fixtures.ts';

let fake: FakeHubSpot;
let deliveries: HubSpotDeliveries;

beforeEach(async () => {
  ({ fake } = await startProvisionedHubSpot());
  deliveries = createHubSpotDeliveries({ accessToken: 'pat-test', basePath: fake.url, requestsPerTenSeconds: 10_000 });
});
afterEach(() => fake.stop());

const attempt = { idempotencyKey: 'job', attempt: 1 };
async function deliver<Kind extends OutboxJobKind & keyof HubSpotDeliveries>(
  kind: Kind,
  payload: OutboxJobPayload<Kind>,
) {
  expect(await deliverAlone(deliveries[kind] as unknown as AnyDelivery<Kind>, payload, attempt)).toEqual({
    status: 'delivered',
  });
}

const book = (request: BookingRequest, reference: string, requestedAt: string) =>
  deliver('crm.booking', crmBookingPayload(request, reference, requestedAt));

/** Asha books for herself, with every box ticked and the campaign she came from. */
const ashaForHerself = () => adultBooking();
/** Asha books for her 15-year-old, with her own mobile and email (as the form asks), ticking WhatsApp updates. */
const ashaForKiran = (overrides: Partial<BookingFormValues> = {}) =>
  minorBooking({ attribution: { utm_source: 'instagram' }, ...overrides });

const atFirst = '2026-11-20T05:00:00.000Z';
const atSecond = '2026-11-23T06:30:00.000Z';

function onlyContact(): FakeRecord {
  const [contact, ...others] = fake.contacts();
  expect(others).toEqual([]);
  if (!contact) throw new Error('No contact');
  return contact;
}

function dealOf(reference: string): FakeRecord {
  const deal = fake.deals().find(({ properties }) => properties.clinic_booking_reference === reference);
  if (!deal) throw new Error(`No deal ${reference}`);
  return deal;
}

/** The deal's associations with contacts, as `contact id: label` (HubSpot's own unlabelled one as "unlabelled"). */
function associationsOf(deal: FakeRecord): string[] {
  return fake
    .associations()
    .filter(({ dealId }) => dealId === deal.id)
    .map(({ contactId, label }) => `${contactId}: ${label ?? 'unlabelled'}`);
}

/** Who Asha is, as the form gives it: all a request for her child leaves on a new contact but her own choices. */
const ashaIdentity = {
  email: 'asha@example.com',
  clinic_mobile: '+919876543210',
  mobilephone: '+919876543210',
  firstname: 'Asha',
  lastname: 'Rao',
  lifecyclestage: 'lead',
  clinic_created_by_website: 'true',
};

/** Asha's contact as her own booking of `atFirst` leaves it. */
const ashaAfterHerOwnBooking = {
  ...ashaIdentity,
  clinic_whatsapp_updates_consent: 'true',
  clinic_whatsapp_updates_consent_at: atFirst,
  clinic_email_news_consent: 'true',
  clinic_email_news_consent_at: atFirst,
  clinic_email_news_agreed_at: atFirst,
  clinic_utm_source: 'google',
  clinic_utm_campaign: 'whitening',
  clinic_landing_page: '/treatments/teeth-whitening/',
};

function expectChildDeal(reference: string, patientName: string, guardian: FakeRecord) {
  const deal = dealOf(reference);
  expect(deal.properties).toMatchObject({
    clinic_patient_name: patientName,
    clinic_patient_is_minor: 'true',
    clinic_guardian_name: 'Asha Rao',
    clinic_guardian_relationship: 'parent',
    clinic_guardian_consent: 'pending',
  });
  expect(associationsOf(deal)).toEqual([
    `${guardian.id}: unlabelled`,
    `${guardian.id}: ${guardianAssociationLabel.label}`,
  ]);
}

describe('a family in the CRM', () => {
  it("a parent's own booking, then their child's: the child's request changes nothing of the parent but the WhatsApp time they ticked", async () => {
    await book(ashaForHerself(), 'KC-AAAA-0001', atFirst);
    await book(ashaForKiran(), 'KC-KKKK-0002', atSecond);

    const asha = onlyContact();
    expect(asha.properties).toEqual({
      ...ashaAfterHerOwnBooking,
      // Ticked again on the child's request: the consent is given again, at its time.
      clinic_whatsapp_updates_consent_at: atSecond,
    });
    expect(dealOf('KC-AAAA-0001').properties).toMatchObject({
      clinic_patient_name: 'Asha Rao',
      clinic_patient_is_minor: 'false',
    });
    expect(dealOf('KC-AAAA-0001').properties).not.toHaveProperty('clinic_guardian_consent');
    expect(associationsOf(dealOf('KC-AAAA-0001'))).toEqual([`${asha.id}: unlabelled`]);
    expectChildDeal('KC-KKKK-0002', 'Kiran Rao', asha);
  });

  it("a parent who only subscribed to the newsletter, then their child's booking: the subscription stands, the contact gains the parent's name and mobile", async () => {
    await deliver('crm.newsletter', {
      reference: 'KC-NEWS-0001',
      email: 'asha@example.com',
      consentAt: '2026-11-01T10:00:00.000Z',
      confirmedAt: '2026-11-01T10:05:00.000Z',
    });
    await book(ashaForKiran({ consents: { privacyNotice: true } }), 'KC-KKKK-0002', atSecond);

    const asha = onlyContact();
    expect(asha.properties).toEqual({
      email: 'asha@example.com',
      clinic_created_by_website: 'true',
      lifecyclestage: 'lead',
      clinic_email_news_consent: 'true',
      clinic_email_news_consent_at: '2026-11-01T10:05:00.000Z',
      clinic_email_news_agreed_at: '2026-11-01T10:00:00.000Z',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Asha',
      lastname: 'Rao',
    });
    expectChildDeal('KC-KKKK-0002', 'Kiran Rao', asha);
  });

  it("a child's booking, then the parent's own: the parent's own request and first recorded visit are theirs", async () => {
    await book(ashaForKiran(), 'KC-KKKK-0002', atFirst);
    const afterChild = structuredClone(onlyContact().properties);
    expect(afterChild).toEqual({
      ...ashaIdentity,
      clinic_whatsapp_updates_consent: 'true',
      clinic_whatsapp_updates_consent_at: atFirst,
    });

    await book(ashaForHerself(), 'KC-AAAA-0001', atSecond);

    const asha = onlyContact();
    expect(asha.properties).toEqual({
      ...ashaAfterHerOwnBooking,
      clinic_whatsapp_updates_consent_at: atSecond,
      clinic_email_news_consent_at: atSecond,
      clinic_email_news_agreed_at: atSecond,
    });
    expectChildDeal('KC-KKKK-0002', 'Kiran Rao', asha);
    expect(associationsOf(dealOf('KC-AAAA-0001'))).toEqual([`${asha.id}: unlabelled`]);
  });

  it('two siblings booked by one parent: one contact, two deals, each under the guardian label', async () => {
    await book(ashaForKiran({ consents: { privacyNotice: true } }), 'KC-KKKK-0002', atFirst);
    await book(
      ashaForKiran({ fullName: 'Meera Rao', dateOfBirth: '2014-07-01', consents: { privacyNotice: true } }),
      'KC-MMMM-0003',
      atSecond,
    );

    const asha = onlyContact();
    expect(asha.properties).toEqual(ashaIdentity);
    expectChildDeal('KC-KKKK-0002', 'Kiran Rao', asha);
    expectChildDeal('KC-MMMM-0003', 'Meera Rao', asha);
  });

  it("a guardian's mobile already on another contact: the deal goes to that contact, whose name, email and choices stay", async () => {
    const household = {
      email: 'vikram@example.com',
      clinic_mobile: '+919876543210',
      mobilephone: '+919876543210',
      firstname: 'Vikram',
      lastname: 'Rao',
      lifecyclestage: 'customer',
      clinic_email_news_consent: 'false',
      clinic_email_news_consent_at: '2026-10-01T08:00:00.000Z',
      clinic_utm_source: 'facebook',
    };
    const vikram = fake.addContact(household);
    const ashaOwn = fake.addContact({ email: 'asha@example.com', firstname: 'Asha', lifecyclestage: 'lead' });

    await book(ashaForKiran({ consents: { privacyNotice: true } }), 'KC-KKKK-0002', atSecond);

    expect(fake.contacts()).toEqual([
      { id: vikram.id, properties: household },
      { id: ashaOwn.id, properties: { email: 'asha@example.com', firstname: 'Asha', lifecyclestage: 'lead' } },
    ]);
    const deal = dealOf('KC-KKKK-0002');
    // The name as given stays on the deal, whose contact is the one the front desk will call.
    expect(deal.properties).toMatchObject({ clinic_guardian_name: 'Asha Rao', clinic_patient_name: 'Kiran Rao' });
    expect(associationsOf(deal)).toEqual([`${vikram.id}: unlabelled`, `${vikram.id}: Parent or guardian`]);
  });

  it("a rights request a parent makes for their child is a ticket on the parent's contact, which it leaves as it was", async () => {
    await book(ashaForKiran(), 'KC-KKKK-0002', atFirst);
    const before = structuredClone(onlyContact());

    await deliver(
      'crm.rights-request',
      crmRightsRequest({ requestType: 'access', requesterRole: 'parent-or-guardian', subjectName: 'Kiran Rao' }),
    );

    expect(onlyContact()).toEqual(before);
    const [ticket] = fake.tickets();
    expect(fake.ticketAssociations()).toEqual([{ ticketId: ticket?.id, contactId: before.id, associationTypeId: 16 }]);
  });

  it("a guardian's consent verified turns the deal verified; an unverified request's deletion removes the deal alone", async () => {
    await book(ashaForKiran(), 'KC-KKKK-0002', atFirst);
    await book(ashaForKiran({ fullName: 'Meera Rao' }), 'KC-MMMM-0003', atFirst);
    const asha = structuredClone(onlyContact());

    await deliver('crm.guardian-consent', { reference: 'KC-KKKK-0002', method: 'email-link', verifiedAt: atSecond });
    await deliver('crm.booking-deletion', { reference: 'KC-MMMM-0003' });

    expect(dealOf('KC-KKKK-0002').properties).toMatchObject({
      clinic_guardian_consent: 'verified',
      clinic_guardian_consent_method: 'email-link',
      clinic_guardian_consent_verified_at: atSecond,
    });
    expect(fake.deals().map(({ properties }) => properties.clinic_booking_reference)).toEqual(['KC-KKKK-0002']);
    expect(fake.associations().every(({ dealId }) => dealId === dealOf('KC-KKKK-0002').id)).toBe(true);
    expect(onlyContact()).toEqual(asha);
    // Deleting again, or a deal that was never made, is nothing to do.
    await deliver('crm.booking-deletion', { reference: 'KC-MMMM-0003' });
  });

  it("waits, retrying, to verify a deal the booking's own job has not made yet", async () => {
    const outcome = await deliveries['crm.guardian-consent']?.(
      { reference: 'KC-KKKK-0002', method: 'phone', verifiedAt: atSecond },
      attempt,
    );
    expect(outcome).toEqual({
      status: 'retry',
      error: 'HubSpot: no deal KC-KKKK-0002 yet: its crm.booking job makes it',
    });
  });
});
