import { randomUUID } from 'node:crypto';
import { utc } from '@date-fns/utc';
import { addMinutes } from 'date-fns/addMinutes';
import { subMonths } from 'date-fns/subMonths';
import { type Kysely, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { retention } from '#functions/clinic/retention.ts';
import type { RightsRequest } from '#functions/forms/rights-request-schema.ts';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import { confirmSubscription, withdrawSubscription } from '#functions/newsletter/links.ts';
import { outboxJobProcessors } from '#functions/outbox/jobs.ts';
import { erasePersonData, exportPersonData } from '#functions/privacy/person-data.ts';
import { repeatErasures } from '#functions/privacy/restored-backup.ts';
import { purgeExpired } from '#functions/privacy/retention-purge.ts';
import { claimDueJobs, completeJob } from '#functions/store/outbox.ts';
import { listProcessingRecords } from '#functions/store/processing-log.ts';
import { referencesErasedSince } from '#functions/store/restored-erasures.ts';
import type { Database } from '#functions/store/schema.ts';
import {
  adultBooking,
  adultBookingValues,
  guardianLinks,
  minorBooking,
  minorBookingValues,
  newsletterLinks,
} from '../support/lead-fixtures.ts';
import { databaseNow } from '../support/outbox-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const tables = [
  'outbox_jobs',
  'booking_requests',
  'newsletter_subscriptions',
  'rights_requests',
  'privacy_audit',
  'processing_log',
] as const;

const rightsRequest = {
  requestType: 'erasure',
  fullName: 'Asha Rao',
  email: 'asha@example.com',
  mobile: '+919876543210',
  requesterRole: 'self',
  locale: 'en',
  details: 'Please delete my booking from last year',
} as const satisfies Omit<RightsRequest, 'submissionId'>;

/** Everything personal the fixtures hold, in every form a row could carry it. */
function personalDetails(): string[] {
  const adult = adultBookingValues();
  const minor = minorBookingValues();
  const guardian = minor.guardian;
  const texts = [
    adult.fullName,
    adult.email,
    adult.mobile,
    adult.dateOfBirth,
    adult.helpText,
    minor.fullName,
    minor.dateOfBirth,
    guardian?.name,
    adultBooking().mobile,
    rightsRequest.fullName,
    rightsRequest.email,
    rightsRequest.mobile,
    rightsRequest.details,
  ];
  const digitsOnly = texts.flatMap((text) =>
    text && /^[+\d\s]+$/.test(text) ? [text.replace(/\D/g, '').slice(-10)] : [],
  );
  return [...texts, ...digitsOnly].filter((text): text is string => Boolean(text)).map((text) => text.toLowerCase());
}

async function deliverEverything(db: Kysely<Database>): Promise<number> {
  const kinds = Object.keys(outboxJobProcessors) as (keyof typeof outboxJobProcessors)[];
  const jobs = await claimDueJobs(db, { kinds, limit: 100, leaseMs: 60_000 });
  for (const job of jobs) expect(await completeJob(db, job)).toBe(true);
  return jobs.length;
}

async function recordedBefore(db: Kysely<Database>, moment: Date, reference: string): Promise<void> {
  await sql`insert into processing_log (activity, purpose, lead_references, recorded_at)
    values ('collected', 'appointment-request', array[${reference}], ${moment})`.execute(db);
}

function keepsTheRecord(opened: OpenedStore) {
  beforeEach(async () => {
    for (const table of tables) await opened.store.db.deleteFrom(table).execute();
  });

  it('records what was done with each lead, when and why, by its reference', async () => {
    const { db } = opened.store;
    const booking = await storeBookingRequest(db, adultBooking(), guardianLinks);
    const child = await storeBookingRequest(db, minorBooking(), guardianLinks);
    const signup = await storeNewsletterSignup(
      db,
      { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
      newsletterLinks,
    );
    const request = await storeRightsRequest(db, { submissionId: randomUUID(), ...rightsRequest }, new Date(), {
      acknowledgeWithinHours: 48,
      resolveWithinDays: 30,
    });
    const delivered = await deliverEverything(db);
    expect(await confirmSubscription(db, signup.reference)).toBe('confirmed');
    expect(await withdrawSubscription(db, signup.reference)).toBe('withdrawn');
    await exportPersonData(db, { type: 'email', email: 'asha@example.com' });

    const records = await listProcessingRecords(db);
    // Entries written in one transaction share its time, so they are compared as sets.
    const of = (reference: string) =>
      records
        .filter((record) => record.lead_references.includes(reference))
        .map((record) => `${record.activity} ${record.purpose}${record.job_kind ? ` ${record.job_kind}` : ''}`)
        .sort();
    expect(of(booking.reference)).toEqual([
      'collected appointment-request',
      'delivered appointment-request crm.booking',
      'delivered appointment-request email.booking-confirmation',
      'delivered appointment-request email.front-desk',
      'exported data-rights',
    ]);
    expect(of(child.reference)).toEqual([
      'collected appointment-request',
      'delivered appointment-request crm.booking',
      'delivered appointment-request email.front-desk',
      'delivered appointment-request email.guardian-consent',
      'exported data-rights',
    ]);
    expect(of(signup.reference)).toEqual([
      'collected newsletter',
      'confirmed newsletter',
      'delivered newsletter email.newsletter-confirmation',
      'exported data-rights',
      'withdrawn newsletter',
    ]);
    expect(of(request.reference)).toEqual([
      'collected privacy-request',
      'delivered privacy-request crm.rights-request',
      'delivered privacy-request email.rights-acknowledgement',
      'exported data-rights',
    ]);
    expect(records.filter((record) => record.activity === 'delivered')).toHaveLength(delivered);
    expect(records.every((record) => record.recorded_at instanceof Date)).toBe(true);
    const exported = records.find((record) => record.activity === 'exported');
    expect(exported?.counts).toMatchObject({ identifierType: 'email', bookingRequests: 2, newsletterSubscriptions: 1 });
  });

  it('records erasures and purges with counts, and never a name, email address, phone number or free text', async () => {
    const { db } = opened.store;
    await storeBookingRequest(db, adultBooking(), guardianLinks);
    await storeBookingRequest(db, minorBooking(), guardianLinks);
    await storeNewsletterSignup(
      db,
      { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
      newsletterLinks,
    );
    await storeRightsRequest(db, { submissionId: randomUUID(), ...rightsRequest }, new Date(), {
      acknowledgeWithinHours: 48,
      resolveWithinDays: 30,
    });
    await deliverEverything(db);
    await exportPersonData(db, { type: 'mobile', mobile: '+919876543210' });
    const erased = await erasePersonData(db, { type: 'mobile', mobile: '+919876543210' }, { dropNotDelivered: true });
    await purgeExpired(db, { now: await databaseNow(db) });

    const records = await listProcessingRecords(db);
    expect(new Set(records.map((record) => record.activity))).toEqual(
      new Set(['collected', 'delivered', 'exported', 'erased', 'purged']),
    );
    const erasure = records.find((record) => record.activity === 'erased');
    expect(erased.status).toBe('erased');
    expect(erasure?.counts).toMatchObject({ identifierType: 'mobile', bookingRequests: 2, rightsRequests: 1 });
    expect(erasure?.lead_references).toHaveLength(3);
    const purge = records.find((record) => record.activity === 'purged');
    expect(purge).toMatchObject({ purpose: 'retention', lead_references: [] });
    expect(purge?.counts).toHaveProperty('processingRecords', { deleted: 0 });

    const everything = JSON.stringify(records).toLowerCase();
    for (const detail of personalDetails()) expect(everything, detail).not.toContain(detail);
    for (const record of records) {
      for (const reference of record.lead_references) expect(reference).toMatch(/^KC-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    }
  });

  it("records the CRM deletion of a request its guardian never verified under the retention purge's purpose", async () => {
    const { db } = opened.store;
    const { reference } = await storeBookingRequest(db, minorBooking(), guardianLinks);
    await deliverEverything(db);
    const now = await databaseNow(db);
    await purgeExpired(db, { now: addMinutes(now, (retention.unverifiedMinorRequestDays + 1) * 24 * 60) });
    await deliverEverything(db);

    const deletion = (await listProcessingRecords(db)).filter((record) => record.job_kind === 'crm.booking-deletion');
    expect(deletion).toEqual([
      expect.objectContaining({ activity: 'delivered', purpose: 'retention', lead_references: [reference] }),
    ]);
  });

  it('records a repeated submission once, as it is stored once', async () => {
    const { db } = opened.store;
    const booking = adultBooking();
    const first = await storeBookingRequest(db, booking, guardianLinks);
    const repeat = await storeBookingRequest(db, booking, guardianLinks);
    expect(repeat).toEqual({ reference: first.reference, created: false });
    expect((await listProcessingRecords(db)).map((record) => record.activity)).toEqual(['collected']);
  });

  it('refuses to change an entry, and takes only references in the reference format', async () => {
    const { db } = opened.store;
    await storeBookingRequest(db, adultBooking(), guardianLinks);
    await expect(db.updateTable('processing_log').set({ activity: 'purged' }).execute()).rejects.toThrow(/append-only/);
    expect((await listProcessingRecords(db)).map((record) => record.activity)).toEqual(['collected']);
    await expect(recordedBefore(db, new Date(), 'asha@example.com')).rejects.toThrow(/check constraint/);
  });

  it(`keeps every entry ${retention.processingLogMonths} months, an erasure notwithstanding, then purges it`, async () => {
    const { db } = opened.store;
    const now = await databaseNow(db);
    const cutoff = subMonths(now, retention.processingLogMonths, { in: utc });
    await recordedBefore(db, addMinutes(cutoff, -1), 'KC-AAAA-2222');
    await recordedBefore(db, addMinutes(cutoff, 1), 'KC-BBBB-3333');
    const booking = await storeBookingRequest(db, adultBooking(), guardianLinks);
    await erasePersonData(db, { type: 'email', email: 'asha@example.com' }, { dropNotDelivered: true });

    const counts = await purgeExpired(db, { now });
    expect(counts.processingRecords).toEqual({ deleted: 1 });
    const kept = (await listProcessingRecords(db)).flatMap((record) => record.lead_references);
    expect(kept).not.toContain('KC-AAAA-2222');
    expect(kept).toContain('KC-BBBB-3333');
    // The erased booking's entries stay: the record is kept for its period whatever happens to the lead.
    expect(kept.filter((reference) => reference === booking.reference)).toHaveLength(2);
  });

  it('lists the erasures made since a backup, and repeats them on the restored database', async () => {
    const { db } = opened.store;
    const booking = await storeBookingRequest(db, adultBooking(), guardianLinks);
    const signup = await storeNewsletterSignup(
      db,
      { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
      newsletterLinks,
    );
    const kept = await storeBookingRequest(
      db,
      adultBooking({ fullName: 'Ravi Kumar', email: 'ravi@example.com', mobile: '99887 76655' }),
      guardianLinks,
    );
    const backupTakenAt = await databaseNow(db);
    const backup = await takeBackup(db);
    await erasePersonData(db, { type: 'email', email: 'asha@example.com' }, { dropNotDelivered: true });
    const erased = await referencesErasedSince(db, backupTakenAt);
    expect(erased).toEqual([booking.reference, signup.reference].sort());

    await restore(db, backup);
    expect(await leadReferences(db)).toContain(booking.reference);
    expect(await repeatErasures(db, erased)).toEqual({
      bookingRequests: 1,
      newsletterSubscriptions: 1,
      rightsRequests: 0,
      outboxJobs: 4,
    });
    expect(await leadReferences(db)).toEqual([kept.reference]);
    const again = (await listProcessingRecords(db)).filter((record) => record.activity === 'erased');
    expect(again.at(-1)?.lead_references).toEqual(erased);
  });
}

const backedUpTables = ['booking_requests', 'newsletter_subscriptions', 'outbox_jobs'] as const;

/** The leads and their jobs as a backup holds them. */
async function takeBackup(db: Kysely<Database>) {
  const backup: Record<string, unknown[]> = {};
  for (const table of backedUpTables) backup[table] = await db.selectFrom(table).selectAll().execute();
  return backup;
}

/** Puts the backup's rows back, as a restore does (the processing record since the backup goes with it). */
async function restore(db: Kysely<Database>, backup: Record<string, unknown[]>) {
  for (const table of [...backedUpTables].reverse()) await db.deleteFrom(table).execute();
  for (const table of backedUpTables) {
    await sql`insert into ${sql.table(table)}
      select * from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(backup[table])})`.execute(db);
  }
}

async function leadReferences(db: Kysely<Database>) {
  const rows = await db.selectFrom('booking_requests').select('reference').orderBy('reference').execute();
  return rows.map((row) => row.reference);
}

describe.each([pgliteBackend, postgresBackend])('the processing record on $name', (backend) => {
  keepsTheRecord(emptyStoreForSuite(backend));
});
