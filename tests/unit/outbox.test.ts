import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { storeNewsletterSignup } from '#functions/intake/lead-records.ts';
import { openStore } from '#functions/store/open.ts';
import {
  claimDueBatch,
  claimDueJobs,
  completeJob,
  countJobsWaitingWithout,
  listDeadJobs,
  markJobDead,
  releaseJobs,
  retryDeadJobs,
  scheduleRetry,
} from '#functions/store/outbox.ts';
import { newsletterLinks } from '../support/lead-fixtures.ts';
import { bookingWithJobs, databaseNow, emptyOutbox, expireLeases, jobOf, jobsOf } from '../support/outbox-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const minute = 60_000;
const crm = { kinds: ['crm.booking'], limit: 10, leaseMs: minute } as const;

function secondsFrom(start: Date, end: Date | null): number {
  return Math.round(((end?.getTime() ?? Number.NaN) - start.getTime()) / 1000);
}

function managesJobs(opened: OpenedStore) {
  beforeEach(() => emptyOutbox(opened.store.db));

  it('claims due jobs of the given kinds, oldest first, up to the limit, with a lease', async () => {
    const { db } = opened.store;
    const older = await bookingWithJobs(db);
    const newer = await bookingWithJobs(db);
    await db
      .updateTable('outbox_jobs')
      .set({ run_after: sql<Date>`now() - interval '1 minute'` })
      .where('lead_reference', '=', older)
      .execute();

    const [first, ...others] = await claimDueJobs(db, { ...crm, limit: 1 });
    expect(others).toEqual([]);
    expect(first).toMatchObject({ kind: 'crm.booking', leadReference: older, attempt: 1 });
    expect(first?.payload).toMatchObject({ reference: older, patientName: 'Asha Rao' });
    const claimed = await jobOf(db, older, 'crm.booking');
    expect(claimed).toMatchObject({ id: first?.id, status: 'running', attempts: 1, locked_until: first?.lockedUntil });
    expect(secondsFrom(await databaseNow(db), claimed.locked_until)).toBe(60);

    expect((await claimDueJobs(db, crm)).map((job) => job.leadReference)).toEqual([newer]);
    expect(await claimDueJobs(db, crm)).toEqual([]);
    expect(await claimDueJobs(db, { ...crm, kinds: [] })).toEqual([]);
    expect((await jobsOf(db, newer)).map((job) => [job.kind, job.status])).toEqual([
      ['crm.booking', 'running'],
      ['email.booking-confirmation', 'pending'],
      ['email.front-desk', 'pending'],
    ]);
  });

  it('leaves jobs not yet due and leases that hold; claims a job again once its lease has passed', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    await db.updateTable('outbox_jobs').set({ run_after: sql<Date>`now() + interval '1 hour'` }).execute();
    expect(await claimDueJobs(db, crm)).toEqual([]);

    await db.updateTable('outbox_jobs').set({ run_after: sql<Date>`now()` }).execute();
    const [first] = await claimDueJobs(db, crm);
    expect(await claimDueJobs(db, crm)).toEqual([]);
    await expireLeases(db);
    const [again] = await claimDueJobs(db, crm);
    expect(again).toMatchObject({ id: first?.id, leadReference: reference, attempt: 2 });
    expect(again?.lockedUntil.getTime()).toBeGreaterThan(first?.lockedUntil.getTime() ?? Number.NaN);
  });

  it('changes a job only for the claim that holds it', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const [stale] = await claimDueJobs(db, crm);
    await expireLeases(db);
    const [current] = await claimDueJobs(db, crm);
    if (!stale || !current) throw new Error('Expected two claims of one job');

    expect(await completeJob(db, stale)).toBe(false);
    expect(await scheduleRetry(db, stale, minute, 'late')).toBe(false);
    expect(await markJobDead(db, stale, 'late')).toBe(false);
    expect(await releaseJobs(db, [stale])).toBe(0);
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'running', attempts: 2 });

    expect(await completeJob(db, current)).toBe(true);
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({
      status: 'done',
      attempts: 2,
      locked_until: null,
    });
    expect(await completeJob(db, current)).toBe(false);
  });

  it('schedules a retry with its error, and parks a dead job', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const [crmJob, frontDesk] = await claimDueJobs(db, { ...crm, kinds: ['crm.booking', 'email.front-desk'] });
    if (!crmJob || !frontDesk) throw new Error('Expected two jobs');

    expect(await scheduleRetry(db, crmJob, 90_000, 'HTTP 503')).toBe(true);
    const retried = await jobOf(db, reference, crmJob.kind);
    expect(retried).toMatchObject({ status: 'pending', attempts: 1, locked_until: null, last_error: 'HTTP 503' });
    expect(secondsFrom(await databaseNow(db), retried.run_after)).toBe(90);

    expect(await markJobDead(db, frontDesk, 'HTTP 422: invalid recipient')).toBe(true);
    expect(await jobOf(db, reference, frontDesk.kind)).toMatchObject({
      status: 'dead',
      locked_until: null,
      last_error: 'HTTP 422: invalid recipient',
    });
  });

  it('gives released jobs back at once without counting the attempt', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const claims = await claimDueJobs(db, { ...crm, kinds: ['crm.booking', 'email.front-desk'] });
    expect(await releaseJobs(db, claims)).toBe(2);
    expect((await jobsOf(db, reference)).map((job) => [job.kind, job.status, job.attempts, job.locked_until])).toEqual([
      ['crm.booking', 'pending', 0, null],
      ['email.booking-confirmation', 'pending', 0, null],
      ['email.front-desk', 'pending', 0, null],
    ]);
    expect(await releaseJobs(db, [])).toBe(0);
    const [reclaimed] = await claimDueJobs(db, crm);
    expect(reclaimed).toMatchObject({ leadReference: reference, attempt: 1 });
  });

  it('lists dead jobs and queues them again by job ID or by reference, with fresh attempts', async () => {
    const { db } = opened.store;
    const first = await bookingWithJobs(db);
    const second = await bookingWithJobs(db);
    const kinds = ['crm.booking', 'email.front-desk'] as const;
    for (const claim of await claimDueJobs(db, { ...crm, kinds })) {
      await markJobDead(db, claim, `${claim.kind} refused`);
    }

    const dead = await listDeadJobs(db);
    expect(dead).toHaveLength(4);
    const firstCrm = dead.find((job) => job.leadReference === first && job.kind === 'crm.booking');
    expect(firstCrm).toMatchObject({ attempts: 1, lastError: 'crm.booking refused', deadSince: expect.any(Date) });
    expect(Object.keys(firstCrm ?? {}).sort()).toEqual([
      'attempts',
      'deadSince',
      'id',
      'kind',
      'lastError',
      'leadReference',
    ]);

    expect(await retryDeadJobs(db, { jobId: firstCrm?.id ?? '' })).toEqual([
      { id: firstCrm?.id, kind: 'crm.booking', leadReference: first },
    ]);
    expect(await retryDeadJobs(db, { jobId: firstCrm?.id ?? '' })).toEqual([]);
    const requeued = await jobOf(db, first, 'crm.booking');
    expect(requeued).toMatchObject({ status: 'pending', attempts: 0, last_error: 'crm.booking refused' });
    expect(requeued.run_after.getTime()).toBeLessThanOrEqual((await databaseNow(db)).getTime());

    const bySecond = await retryDeadJobs(db, { leadReference: second });
    expect(bySecond.map((job) => job.kind).sort()).toEqual(['crm.booking', 'email.front-desk']);
    expect((await listDeadJobs(db)).map((job) => [job.leadReference, job.kind])).toEqual([[first, 'email.front-desk']]);
    expect(await retryDeadJobs(db, { leadReference: 'KC-2222-2222' })).toEqual([]);
  });

  it('counts the pending jobs of kinds that have no delivery', async () => {
    const { db } = opened.store;
    await bookingWithJobs(db);
    await bookingWithJobs(db);
    await storeNewsletterSignup(
      db,
      { submissionId: crypto.randomUUID(), email: 'r@example.com', locale: 'en' },
      newsletterLinks,
    );
    const [running] = await claimDueJobs(db, { ...crm, kinds: ['email.front-desk'], limit: 1 });

    expect(await countJobsWaitingWithout(db, ['crm.booking', 'email.booking-confirmation'])).toEqual([
      { kind: 'email.front-desk', count: 1 },
      { kind: 'email.newsletter-confirmation', count: 1 },
    ]);
    expect(running?.kind).toBe('email.front-desk');
    expect(await countJobsWaitingWithout(db, [])).toEqual([
      { kind: 'crm.booking', count: 2 },
      { kind: 'email.booking-confirmation', count: 2 },
      { kind: 'email.front-desk', count: 1 },
      { kind: 'email.newsletter-confirmation', count: 1 },
    ]);
  });
}

describe.each([pgliteBackend, postgresBackend])('outbox jobs on $name', (backend) => {
  managesJobs(emptyStoreForSuite(backend));
});

describe('outbox claims on one PostgreSQL', () => {
  const opened = emptyStoreForSuite(postgresBackend);

  it('never hands one job to two claimers, however many claim at once', async () => {
    const { db } = opened.store;
    const other = await openStore(opened.config);
    try {
      for (let index = 0; index < 30; index++) await bookingWithJobs(db);
      const kinds = ['crm.booking', 'email.booking-confirmation', 'email.front-desk'] as const;
      const claimedIds: string[] = [];
      for (;;) {
        const rounds = await Promise.all(
          Array.from({ length: 12 }, (_, index) =>
            claimDueJobs(index % 2 ? db : other.db, { kinds, limit: 4, leaseMs: minute }),
          ),
        );
        const claimed = rounds.flat();
        if (claimed.length === 0) break;
        claimedIds.push(...claimed.map((job) => job.id));
      }
      expect(claimedIds).toHaveLength(90);
      expect(new Set(claimedIds).size).toBe(90);
    } finally {
      await other.close();
    }
  });

  it('hands a sticky batch claimed again to one claimer whole, however many claim at once', async () => {
    const { db } = opened.store;
    const other = await openStore(opened.config);
    try {
      await emptyOutbox(db);
      for (let index = 0; index < 40; index++) await bookingWithJobs(db);
      const claim = (on: typeof db) =>
        claimDueBatch(on, { kind: 'email.front-desk', limit: 100, leaseMs: minute, sticky: true });
      const first = await claim(db);
      expect(first?.jobs).toHaveLength(40);
      // The worker that claimed it died: its lease runs out, and the batch is due again under its key.
      await expireLeases(db);

      const claims = await Promise.all(Array.from({ length: 8 }, (_, index) => claim(index % 2 ? db : other.db)));
      const made = claims.filter((batch) => batch !== undefined);
      expect(made.map((batch) => [batch.key, batch.jobs.length])).toEqual([[first?.key, 40]]);
    } finally {
      await other.close();
    }
  });
});
