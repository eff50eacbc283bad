import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Kysely, sql } from 'kysely';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Deliveries, DeliveryOutcome } from '#functions/delivery/delivery.ts';
import { openStore } from '#functions/store/open.ts';
import { claimDueJobs, completeJob, listDeadJobs, retryDeadJobs } from '#functions/store/outbox.ts';
import type { Database } from '#functions/store/schema.ts';
import type { RetryPolicy } from '#functions/worker/retry-policy.ts';
import { createJobRunner, startWorker, type WorkerLogger } from '#functions/worker/worker.ts';
import {
  type AnyKindDelivery,
  bookingWithJobs,
  databaseNow,
  emptyOutbox,
  expireLeases,
  fakeDelivery,
  jobOf,
  jobsOf,
  type RecordedCall,
} from '../support/outbox-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

const half = () => 0.5;
const atOnce: RetryPolicy = { baseDelayMs: 0, maxDelayMs: 0, maxAttempts: 3 };

function capturedLog() {
  const lines: string[] = [];
  const logger: WorkerLogger = {
    info: (line) => lines.push(`info: ${line}`),
    warn: (line) => lines.push(`warn: ${line}`),
    error: (line) => lines.push(`error: ${line}`),
  };
  return { lines, logger };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

async function allDone(db: Kysely<Database>, reference: string): Promise<void> {
  expect((await jobsOf(db, reference)).map((job) => job.status)).toEqual(['done', 'done', 'done']);
}

function secondsUntil(moment: Date, now: Date): number {
  return Math.round((moment.getTime() - now.getTime()) / 1000);
}

function deliversJobs(opened: OpenedStore) {
  beforeEach(() => emptyOutbox(opened.store.db));

  it("delivers due jobs once each, keyed by the job's ID, and logs each outcome without personal data", async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const calls: RecordedCall[] = [];
    const { lines, logger } = capturedLog();
    const runner = createJobRunner({
      db,
      logger,
      deliveries: {
        'crm.booking': fakeDelivery(calls, 'crm.booking'),
        'email.front-desk': fakeDelivery(calls, 'email.front-desk'),
        'email.booking-confirmation': fakeDelivery(calls, 'email.booking-confirmation'),
      },
    });

    expect(await runner.runOnce()).toBe(3);
    expect(await runner.runOnce()).toBe(0);
    const jobs = await jobsOf(db, reference);
    expect(jobs.map((job) => [job.kind, job.status, job.attempts])).toEqual([
      ['crm.booking', 'done', 1],
      ['email.booking-confirmation', 'done', 1],
      ['email.front-desk', 'done', 1],
    ]);
    expect(calls.map((call) => [call.kind, call.reference, call.attempt]).sort()).toEqual(
      jobs.map((job) => [job.kind, reference, { idempotencyKey: job.id, attempt: 1 }]),
    );
    expect(lines.sort()).toEqual(
      jobs.map((job) => `info: Outbox job ${job.id} (${job.kind}, ${reference}) attempt 1: delivered`).sort(),
    );
    expect(lines.join('\n')).not.toMatch(/Asha|asha@|\+91|98765/);
  });

  it('reschedules a retry by the backoff, or by Retry-After when later; a delivery that throws is retried', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const { lines, logger } = capturedLog();
    const runner = createJobRunner({
      db,
      logger,
      random: half,
      deliveries: {
        'crm.booking': async () => ({ status: 'retry', error: 'HubSpot answered 503' }),
        'email.front-desk': async () => ({ status: 'retry', error: 'Resend answered 429', retryAfterMs: 600_000 }),
        'email.booking-confirmation': async () => {
          throw new Error('socket hang up');
        },
      },
    });

    expect(await runner.runOnce()).toBe(3);
    const now = await databaseNow(db);
    const jobs = await jobsOf(db, reference);
    // The default policy's first step is a minute: half of it, then half of the other half (random 0.5).
    expect(
      jobs.map((job) => [job.kind, job.status, job.attempts, job.last_error, secondsUntil(job.run_after, now)]),
    ).toEqual([
      ['crm.booking', 'pending', 1, 'HubSpot answered 503', 45],
      ['email.booking-confirmation', 'pending', 1, 'delivery threw: socket hang up', 45],
      ['email.front-desk', 'pending', 1, 'Resend answered 429', 600],
    ]);
    expect(lines).toContainEqual(
      `warn: Outbox job ${jobs[2]?.id} (email.front-desk, ${reference}) attempt 1: retry in 600 s: Resend answered 429`,
    );
    expect(await runner.runOnce()).toBe(0);
  });

  it('parks a job as dead after its last attempt; retry queues it again and it is delivered', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const calls: RecordedCall[] = [];
    const unavailable: DeliveryOutcome = { status: 'retry', error: 'HubSpot answered 503' };
    const { lines, logger } = capturedLog();
    const runner = createJobRunner({
      db,
      logger,
      retryPolicy: atOnce,
      deliveries: {
        'crm.booking': fakeDelivery(calls, 'crm.booking', unavailable, unavailable, unavailable, {
          status: 'delivered',
        }),
      },
    });

    for (let attempt = 1; attempt <= 3; attempt++) expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    const dead = await jobOf(db, reference, 'crm.booking');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3, last_error: 'HubSpot answered 503' });
    expect(lines.at(-1)).toBe(
      `error: Outbox job ${dead.id} (crm.booking, ${reference}) attempt 3: dead, see npm run leads -- failed: HubSpot answered 503`,
    );
    expect(await listDeadJobs(db)).toMatchObject([{ id: dead.id, leadReference: reference, attempts: 3 }]);

    await retryDeadJobs(db, { jobId: dead.id });
    expect(await runner.runOnce()).toBe(1);
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'done', attempts: 1 });
    expect(calls.map((call) => call.attempt)).toEqual([
      { idempotencyKey: dead.id, attempt: 1 },
      { idempotencyKey: dead.id, attempt: 2 },
      { idempotencyKey: dead.id, attempt: 3 },
      { idempotencyKey: dead.id, attempt: 1 },
    ]);
    expect(await listDeadJobs(db)).toEqual([]);
  });

  it('parks a job the provider refuses at once', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const runner = createJobRunner({
      db,
      logger: capturedLog().logger,
      deliveries: { 'crm.booking': async () => ({ status: 'failed', error: 'HubSpot answered 400: bad property' }) },
    });
    await runner.runOnce();
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'dead', attempts: 1 });
  });

  it('delivers an abandoned job (its worker crashed) once more, with the same idempotency key', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const [abandoned] = await claimDueJobs(db, { kinds: ['crm.booking'], limit: 1, leaseMs: 60_000 });
    if (!abandoned) throw new Error('Expected a claim');
    const calls: RecordedCall[] = [];
    const runner = createJobRunner({
      db,
      logger: capturedLog().logger,
      deliveries: { 'crm.booking': fakeDelivery(calls, 'crm.booking') },
    });

    expect(await runner.runOnce()).toBe(0);
    await expireLeases(db);
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(calls.map((call) => call.attempt)).toEqual([{ idempotencyKey: abandoned.id, attempt: 2 }]);
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await completeJob(db, abandoned)).toBe(false);
  });

  it('leaves the jobs of a kind without a delivery waiting, and says how many at startup', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const { lines, logger } = capturedLog();
    const worker = startWorker({
      db,
      logger,
      pollIntervalMs: 10,
      deliveries: { 'crm.booking': async () => ({ status: 'delivered' }) },
    });
    try {
      await vi.waitFor(async () => expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'done' }));
    } finally {
      await worker.stop();
    }
    expect((await jobsOf(db, reference)).map((job) => [job.kind, job.status, job.attempts])).toEqual([
      ['crm.booking', 'done', 1],
      ['email.booking-confirmation', 'pending', 0],
      ['email.front-desk', 'pending', 0],
    ]);
    expect(lines.slice(0, 3)).toEqual([
      'info: Outbox worker started, delivering crm.booking',
      'warn: Outbox: 1 job waiting for email.booking-confirmation, which has no delivery configured',
      'warn: Outbox: 1 job waiting for email.front-desk, which has no delivery configured',
    ]);
    expect(lines.at(-1)).toBe('info: Outbox worker stopped');
  });

  it('keeps each provider in its own lane: emails go out while every CRM delivery hangs', async () => {
    const { db } = opened.store;
    const references = [await bookingWithJobs(db), await bookingWithJobs(db), await bookingWithJobs(db)];
    const hung = deferred<DeliveryOutcome>();
    const calls: RecordedCall[] = [];
    const worker = startWorker({
      db,
      logger: capturedLog().logger,
      pollIntervalMs: 10,
      graceMs: 50,
      // One at a time, so a single hanging CRM delivery would hold up a shared queue.
      batchSize: 1,
      deliveries: {
        'crm.booking': () => hung.promise,
        'email.front-desk': fakeDelivery(calls, 'email.front-desk'),
        'email.booking-confirmation': fakeDelivery(calls, 'email.booking-confirmation'),
      },
    });
    try {
      await vi.waitFor(() => expect(calls).toHaveLength(6));
    } finally {
      await worker.stop();
      hung.resolve({ status: 'delivered' });
    }
    for (const reference of references) {
      expect(await jobOf(db, reference, 'email.front-desk')).toMatchObject({ status: 'done' });
    }
  });

  it('stop() waits for deliveries under way, then gives back the jobs still held, and drops their late outcomes', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const hung = deferred<DeliveryOutcome>();
    const started = { crm: false, frontDesk: false };
    const { lines, logger } = capturedLog();
    const deliveries: Deliveries = {
      'crm.booking': () => {
        started.crm = true;
        return hung.promise;
      },
      'email.front-desk': async () => {
        started.frontDesk = true;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return { status: 'delivered' };
      },
    };
    const worker = startWorker({ db, logger, deliveries, pollIntervalMs: 10, graceMs: 300 });
    await vi.waitFor(() => expect(started).toEqual({ crm: true, frontDesk: true }));

    await worker.stop();
    expect(await jobOf(db, reference, 'email.front-desk')).toMatchObject({ status: 'done', attempts: 1 });
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({
      status: 'pending',
      attempts: 0,
      locked_until: null,
    });
    expect(lines.slice(-2)).toEqual([
      'warn: Outbox worker: gave back 1 job still under way',
      'info: Outbox worker stopped',
    ]);

    hung.resolve({ status: 'delivered' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('counts a delivery that does not answer within half the lease as a retry', async () => {
    const { db } = opened.store;
    const reference = await bookingWithJobs(db);
    const runner = createJobRunner({
      db,
      logger: capturedLog().logger,
      leaseMs: 100,
      deliveries: { 'crm.booking': () => new Promise(() => {}) },
    });
    await runner.runOnce();
    expect(await jobOf(db, reference, 'crm.booking')).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'no answer within 0 s',
    });
  });
}

describe.each([pgliteBackend, postgresBackend])('outbox worker on $name', (backend) => {
  deliversJobs(emptyStoreForSuite(backend));
});

describe('outbox workers sharing one PostgreSQL', () => {
  const opened = emptyStoreForSuite(postgresBackend);

  it('two workers deliver every job exactly once between them', async () => {
    const { db } = opened.store;
    const other = await openStore(opened.config);
    const references: string[] = [];
    for (let index = 0; index < 20; index++) references.push(await bookingWithJobs(db));
    const delivered: string[][] = [[], []];
    const recording =
      (worker: number): AnyKindDelivery =>
      async (_payload, { idempotencyKey }) => {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        delivered[worker]?.push(idempotencyKey);
        return { status: 'delivered' };
      };
    const deliveriesOf = (worker: number): Deliveries => ({
      'crm.booking': recording(worker),
      'email.booking-confirmation': recording(worker),
      'email.front-desk': recording(worker),
    });
    const options = { logger: capturedLog().logger, pollIntervalMs: 10, batchSize: 3 };
    const workers = [
      startWorker({ db, deliveries: deliveriesOf(0), ...options }),
      startWorker({ db: other.db, deliveries: deliveriesOf(1), ...options }),
    ];
    try {
      await vi.waitFor(
        async () => {
          for (const reference of references) await allDone(db, reference);
        },
        { timeout: 20_000, interval: 50 },
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      await other.close();
    }
    const keys = delivered.flat();
    expect(keys).toHaveLength(60);
    expect(new Set(keys).size).toBe(60);
    expect(delivered.map((keysOfWorker) => keysOfWorker.length > 0)).toEqual([true, true]);
  }, 30_000);

  it('a worker killed mid-delivery: the next delivers each job once, with the same idempotency key', async () => {
    const { db } = opened.store;
    const databaseUrl = opened.config.databaseUrl ?? '';
    await emptyOutbox(db);
    await sql`create table fake_provider_calls (idempotency_key text not null, attempt int not null)`.execute(db);
    await sql`create table fake_provider_messages (idempotency_key text primary key)`.execute(db);
    const reference = await bookingWithJobs(db);
    const jobIds = (await jobsOf(db, reference)).map((job) => job.id).sort();
    const providerCalls = async () =>
      (
        await sql<{
          idempotency_key: string;
          attempt: number;
        }>`select * from fake_provider_calls order by attempt, idempotency_key`.execute(db)
      ).rows;
    const leaseMs = '4000';

    const crashing = workerProcess('hang', databaseUrl, leaseMs);
    await vi.waitFor(async () => expect(await providerCalls()).toHaveLength(3), { timeout: 20_000, interval: 20 });
    crashing.kill('SIGKILL');
    await once(crashing, 'exit');
    expect((await jobsOf(db, reference)).map((job) => [job.status, job.attempts])).toEqual([
      ['running', 1],
      ['running', 1],
      ['running', 1],
    ]);

    const next = workerProcess('deliver', databaseUrl, leaseMs);
    await vi.waitFor(() => allDone(db, reference), { timeout: 20_000, interval: 50 });
    next.kill('SIGTERM');
    const [exitCode] = await once(next, 'exit');
    expect(exitCode).toBe(0);

    expect(await providerCalls()).toEqual([
      ...jobIds.map((id) => ({ idempotency_key: id, attempt: 1 })),
      ...jobIds.map((id) => ({ idempotency_key: id, attempt: 2 })),
    ]);
    const messages = await sql<{ idempotency_key: string }>`select * from fake_provider_messages`.execute(db);
    expect(messages.rows.map((row) => row.idempotency_key).sort()).toEqual(jobIds);
    expect((await jobsOf(db, reference)).map((job) => job.attempts)).toEqual([2, 2, 2]);
  }, 60_000);
});

function workerProcess(mode: 'hang' | 'deliver', databaseUrl: string, leaseMs: string): ChildProcess {
  const child = spawn(process.execPath, ['tests/support/outbox-worker-process.ts', mode, databaseUrl, leaseMs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}
