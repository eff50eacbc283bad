/**
 * The outbox worker: claims due jobs of the kinds that have a delivery, delivers a few at a time, and records
 * each outcome as the retry policy says. A kind without a delivery (no credentials yet) is never claimed: its
 * jobs wait, and the worker says so when it starts. Log lines name the job, its kind, its lead's reference,
 * the attempt and the error; never a payload, which holds names, phone numbers and addresses.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import {
  type AnyDelivery,
  type BatchDelivery,
  type Deliveries,
  type Delivery,
  type DeliveryOutcome,
  isBatchDelivery,
} from '#functions/delivery/delivery.ts';
import { errorSummary, log as siteLog } from '#functions/log/log.ts';
import type { OutboxJobKind } from '#functions/outbox/jobs.ts';
import {
  type ClaimedJob,
  claimDueBatch,
  claimDueJobs,
  completeJob,
  countJobsWaitingWithout,
  markJobDead,
  releaseJobs,
  scheduleRetry,
} from '#functions/store/outbox.ts';
import type { Database } from '#functions/store/schema.ts';
import {
  defaultRetryPolicy,
  type NextJobState,
  nextJobState,
  type RandomSource,
  type RetryPolicy,
} from './retry-policy.ts';

export interface WorkerLogger {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export interface JobRunnerOptions {
  db: Kysely<Database>;
  deliveries: Deliveries;
  logger?: WorkerLogger;
  /** Jobs claimed, and delivered side by side, at a time. */
  batchSize?: number;
  /**
   * How long a claim holds a job before another worker may take it as abandoned. A delivery gets half of it
   * and then counts as a retry, so a live worker always records its outcome before its lease passes.
   */
  leaseMs?: number;
  retryPolicy?: RetryPolicy;
  random?: RandomSource;
}

export interface JobRunner {
  /** Claims one batch of due jobs, delivers them and records the outcomes; resolves to how many it claimed. */
  runOnce(): Promise<number>;
  /** Gives back the jobs whose deliveries are still under way; their outcomes, if they come, are dropped. */
  releaseHeld(): Promise<number>;
}

const workerDefaults = { batchSize: 4, leaseMs: 120_000, pollIntervalMs: 5_000, graceMs: 5_000 };

function deliveredKinds(deliveries: Deliveries): OutboxJobKind[] {
  return (Object.keys(deliveries) as OutboxJobKind[]).filter((kind) => deliveries[kind] !== undefined);
}

export function createJobRunner({
  db,
  deliveries,
  logger = siteLog,
  batchSize = workerDefaults.batchSize,
  leaseMs = workerDefaults.leaseMs,
  retryPolicy = defaultRetryPolicy,
  random = Math.random,
}: JobRunnerOptions): JobRunner {
  const kinds = deliveredKinds(deliveries);
  const singleKinds = kinds.filter((kind) => !isBatchDelivery(deliveries[kind] as AnyDelivery<OutboxJobKind>));
  const batchKinds = kinds.filter((kind) => isBatchDelivery(deliveries[kind] as AnyDelivery<OutboxJobKind>));
  const held = new Map<string, ClaimedJob>();

  async function settle(job: ClaimedJob, outcome: DeliveryOutcome): Promise<void> {
    if (!held.has(job.id)) return;
    const next = nextJobState(outcome, job.attempt, retryPolicy, random);
    try {
      if (await record(db, job, next)) log(logger, job, next);
      else
        logger.warn(
          `${label(job)}: outcome dropped, the job is no longer this worker's (its lease passed and another worker took it)`,
        );
    } catch (error) {
      logger.error(
        `${label(job)}: recording the outcome failed, the job runs again once its lease passes: ${errorSummary(error)}`,
      );
    } finally {
      held.delete(job.id);
    }
  }

  async function runSingles(): Promise<number> {
    const jobs = await claimDueJobs(db, { kinds: singleKinds, limit: batchSize, leaseMs });
    for (const job of jobs) held.set(job.id, job);
    await Promise.all(
      jobs.map(async (job) => {
        // The job was claimed for one of `kinds`, and its payload was built for its kind by lead-jobs.ts.
        const deliver = deliveries[job.kind] as Delivery<OutboxJobKind>;
        await settle(job, await attemptDelivery(() => deliver(job.payload as never, attemptOf(job)), leaseMs / 2));
      }),
    );
    return jobs.length;
  }

  /** Claims a batch of the kind; answers whether it was full, so that more may be waiting. */
  async function runBatch(kind: OutboxJobKind): Promise<{ claimed: number; full: boolean }> {
    const delivery = deliveries[kind] as BatchDelivery<OutboxJobKind>;
    const batch = await claimDueBatch(db, {
      kind,
      limit: delivery.maxBatch,
      leaseMs,
      sticky: delivery.sticky ?? false,
    });
    if (!batch) return { claimed: 0, full: false };
    for (const job of batch.jobs) held.set(job.id, job);
    const jobs = batch.jobs.map((job) => ({ payload: job.payload as never, attempt: attemptOf(job) }));
    const outcomes = await attemptDelivery(() => delivery.deliverBatch(jobs, { key: batch.key }), leaseMs / 2);
    await Promise.all(
      batch.jobs.map((job, index) =>
        settle(
          job,
          Array.isArray(outcomes)
            ? (outcomes[index] ?? { status: 'retry', error: 'the batch delivery gave no outcome for this job' })
            : outcomes,
        ),
      ),
    );
    return { claimed: batch.jobs.length, full: batch.jobs.length >= delivery.maxBatch };
  }

  return {
    async runOnce() {
      const [singles, ...batches] = await Promise.all([
        singleKinds.length > 0 ? runSingles() : Promise.resolve(0),
        ...batchKinds.map(runBatch),
      ]);
      const claimed = (singles ?? 0) + batches.reduce((sum, batch) => sum + batch.claimed, 0);
      // Reported as a full round when any claim came back full: the lane looks again at once.
      return batches.some((batch) => batch.full) ? Math.max(claimed, batchSize) : claimed;
    },
    async releaseHeld() {
      const claims = [...held.values()];
      held.clear();
      return releaseJobs(db, claims);
    },
  };
}

const attemptOf = (job: ClaimedJob) => ({ idempotencyKey: job.id, attempt: job.attempt });

/** What a delivery (of one job, or a batch) came to within `timeoutMs`: a throw or no answer is a retry. */
async function attemptDelivery<Outcome>(
  deliver: () => Promise<Outcome>,
  timeoutMs: number,
): Promise<Outcome | DeliveryOutcome> {
  try {
    return await withTimeout<Outcome | DeliveryOutcome>(deliver(), timeoutMs, {
      status: 'retry',
      error: `no answer within ${Math.round(timeoutMs / 1000)} s`,
    });
  } catch (error) {
    return { status: 'retry', error: `delivery threw: ${errorSummary(error)}` };
  }
}

function record(db: Kysely<Database>, job: ClaimedJob, next: NextJobState): Promise<boolean> {
  switch (next.status) {
    case 'done':
      return completeJob(db, job);
    case 'pending':
      return scheduleRetry(db, job, next.retryInMs, next.error);
    case 'dead':
      return markJobDead(db, job, next.error);
  }
}

function label(job: ClaimedJob): string {
  return `Outbox job ${job.id} (${job.kind}, ${job.leadReference}) attempt ${job.attempt}`;
}

function log(logger: WorkerLogger, job: ClaimedJob, next: NextJobState): void {
  switch (next.status) {
    case 'done':
      logger.info(`${label(job)}: delivered`);
      break;
    case 'pending':
      logger.warn(`${label(job)}: retry in ${Math.ceil(next.retryInMs / 1000)} s: ${next.error}`);
      break;
    case 'dead':
      logger.error(`${label(job)}: dead, see npm run leads -- failed: ${next.error}`);
  }
}

function jobCount(count: number): string {
  return count === 1 ? '1 job' : `${count} jobs`;
}

/** The promise's value, or `fallback` if it has not settled within `ms`; leaves no timer behind. */
async function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise, sleep(ms, fallback, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

export interface WorkerOptions extends JobRunnerOptions {
  /** The wait before looking again when fewer jobs than a batch were due. */
  pollIntervalMs?: number;
  /** How long stop() waits for deliveries under way before giving their jobs back. */
  graceMs?: number;
}

export interface Worker {
  /** Stops claiming, waits up to the grace period for deliveries under way, then gives back what it holds. */
  stop(): Promise<void>;
}

/**
 * Kinds that share a provider (the part of the kind before the dot: `crm`, `email`) share a lane. Lanes run side
 * by side, so one provider's outage or rate limit never holds up another's deliveries: the front desk's email does
 * not wait behind CRM jobs queued for HubSpot's request limit.
 */
export function providerLanes(deliveries: Deliveries): Deliveries[] {
  const lanes = new Map<string, Record<string, unknown>>();
  for (const kind of deliveredKinds(deliveries)) {
    const provider = kind.slice(0, kind.indexOf('.'));
    lanes.set(provider, { ...lanes.get(provider), [kind]: deliveries[kind] });
  }
  return [...lanes.values()] as Deliveries[];
}

export function startWorker(options: WorkerOptions): Worker {
  const {
    db,
    deliveries,
    logger = siteLog,
    batchSize = workerDefaults.batchSize,
    pollIntervalMs = workerDefaults.pollIntervalMs,
    graceMs = workerDefaults.graceMs,
  } = options;
  const runners = providerLanes(deliveries).map((lane) => createJobRunner({ ...options, deliveries: lane }));
  const stopping = new AbortController();

  const runLane = async (runner: JobRunner) => {
    while (!stopping.signal.aborted) {
      let claimed = 0;
      try {
        claimed = await runner.runOnce();
      } catch (error) {
        logger.error(`Outbox worker: claiming jobs failed: ${errorSummary(error)}`);
      }
      if (claimed < batchSize) await sleep(pollIntervalMs, undefined, { signal: stopping.signal }).catch(() => {});
    }
  };
  const lanes = (async () => {
    await reportWaitingJobs(db, deliveries, logger).catch((error: unknown) =>
      logger.error(`Outbox worker: counting waiting jobs failed: ${errorSummary(error)}`),
    );
    await Promise.all(runners.map(runLane));
  })();

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        stopping.abort();
        const finished = await withTimeout(
          lanes.then(() => true),
          graceMs,
          false,
        );
        if (!finished) {
          const released = (await Promise.all(runners.map((runner) => runner.releaseHeld()))).reduce(
            (a, b) => a + b,
            0,
          );
          logger.warn(`Outbox worker: gave back ${jobCount(released)} still under way`);
        }
        logger.info('Outbox worker stopped');
      })();
      return stopped;
    },
  };
}

async function reportWaitingJobs(db: Kysely<Database>, deliveries: Deliveries, logger: WorkerLogger): Promise<void> {
  const kinds = deliveredKinds(deliveries);
  logger.info(
    kinds.length > 0
      ? `Outbox worker started, delivering ${kinds.join(', ')}`
      : 'Outbox worker started with no delivery configured',
  );
  for (const { kind, count } of await countJobsWaitingWithout(db, kinds)) {
    logger.warn(`Outbox: ${jobCount(count)} waiting for ${kind}, which has no delivery configured`);
  }
}
