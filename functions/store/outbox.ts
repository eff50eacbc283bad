/**
 * The outbox jobs' life after the lead's transaction wrote them: claimed by a worker, then done, retried later,
 * dead, or released on shutdown. Every time comes from the database clock, so instances on one PostgreSQL
 * agree on what is due and which leases have passed.
 *
 * A claim is a lease: the job is `running` until `locked_until`. A worker that crashes leaves it running, and
 * once the lease has passed another worker claims it again. Each state change names the claim it comes from
 * (the attempt number and the lease's end, both set by the claim), so a worker whose job was claimed again
 * elsewhere changes nothing.
 */
import { type ExpressionBuilder, type Kysely, sql, type UpdateObject } from 'kysely';
import { emptiedOnDelivery, type OutboxJobKind } from '#functions/outbox/jobs.ts';
import { count } from './lead-reports.ts';
import type { Database } from './schema.ts';

/** Which claim of a job a state change comes from. */
export interface JobClaim {
  id: string;
  /** The job's attempts as this claim counted them: 1 on the first claim. */
  attempt: number;
  /** Whole milliseconds, so it survives the round trip through a JavaScript Date and can be compared. */
  lockedUntil: Date;
}

export interface ClaimedJob extends JobClaim {
  kind: OutboxJobKind;
  leadReference: string;
  /** The payload lead-jobs.ts built for this kind. */
  payload: unknown;
}

const now = sql<Date>`now()`;
const afterMs = (ms: number) => sql<Date>`now() + ${ms} * interval '1 millisecond'`;

/**
 * Claims up to `limit` due jobs of the given kinds, oldest due first: pending ones whose time has come and
 * running ones whose lease has passed. One statement: the rows are locked as they are picked
 * (`for update skip locked`), so concurrent claimers on one PostgreSQL each get different jobs.
 */
export async function claimDueJobs(
  db: Kysely<Database>,
  { kinds, limit, leaseMs }: { kinds: readonly OutboxJobKind[]; limit: number; leaseMs: number },
): Promise<ClaimedJob[]> {
  if (kinds.length === 0 || limit <= 0) return [];
  return (
    db
      .with(
        (cte) => cte('due').materialized(),
        (query) =>
          query
            .selectFrom('outbox_jobs')
            .select('id')
            .where('kind', 'in', kinds)
            .where((where) =>
              where.or([
                where.and([where('status', '=', 'pending'), where('run_after', '<=', now)]),
                where.and([where('status', '=', 'running'), where('locked_until', '<=', now)]),
              ]),
            )
            .orderBy('run_after')
            .limit(limit)
            .forUpdate()
            .skipLocked(),
      )
      .updateTable('outbox_jobs')
      .from('due')
      .whereRef('outbox_jobs.id', '=', 'due.id')
      .set((set) => ({
        status: 'running',
        attempts: set('outbox_jobs.attempts', '+', 1),
        locked_until: sql<Date>`date_trunc('milliseconds', ${afterMs(leaseMs)})`,
        updated_at: now,
      }))
      // locked_until was just set, so never null here.
      .returning(claimedColumns)
      .execute()
  );
}

export interface ClaimedBatch {
  /** Sent with the batch; the same for every attempt at a sticky batch. */
  key: string;
  jobs: ClaimedJob[];
}

const claimedColumns = [
  'outbox_jobs.id',
  'outbox_jobs.kind',
  'outbox_jobs.lead_reference as leadReference',
  'outbox_jobs.payload',
  'outbox_jobs.attempts as attempt',
  sql<Date>`outbox_jobs.locked_until`.as('lockedUntil'),
] as const;

/**
 * Claims up to `limit` due jobs of one kind for a batch delivery. A sticky batch (see delivery.ts) that failed is
 * claimed again whole, with its key, before any new one forms; a new batch is given a fresh key. Each job is
 * leased as `claimDueJobs` leases it. A batch claimed again goes to one claimer whole: skipping the rows another
 * claimer has locked would split it, and a part sent under the whole's key is a different request to the provider.
 * So the claimer first takes the key's advisory lock (another claimer of the key gives up this round), then waits
 * for the rows rather than skipping them.
 */
export async function claimDueBatch(
  db: Kysely<Database>,
  { kind, limit, leaseMs, sticky }: { kind: OutboxJobKind; limit: number; leaseMs: number; sticky: boolean },
): Promise<ClaimedBatch | undefined> {
  return db.transaction().execute(async (trx) => {
    const isDue = (where: ExpressionBuilder<Database, 'outbox_jobs'>) =>
      where.or([
        where.and([where('status', '=', 'pending'), where('run_after', '<=', now)]),
        where.and([where('status', '=', 'running'), where('locked_until', '<=', now)]),
      ]);
    const unfinished = sticky
      ? await trx
          .selectFrom('outbox_jobs')
          .select('batch_key')
          .where('kind', '=', kind)
          .where('batch_key', 'is not', null)
          .where(isDue)
          .orderBy('run_after')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst()
      : undefined;
    const key = unfinished?.batch_key ?? crypto.randomUUID();
    if (unfinished) {
      const { rows } = await sql<{ held: boolean }>`select pg_try_advisory_xact_lock(hashtext(${key})) as held`.execute(
        trx,
      );
      if (!rows[0]?.held) return undefined;
    }
    const rows = trx
      .selectFrom('outbox_jobs')
      .select('id')
      .where('kind', '=', kind)
      .where(isDue)
      .where('batch_key', unfinished ? '=' : 'is', unfinished ? key : null)
      .orderBy('run_after')
      .limit(limit)
      .forUpdate();
    const due = unfinished ? rows : rows.skipLocked();
    const jobs = await trx
      .updateTable('outbox_jobs')
      .where('id', 'in', due)
      .set((set) => ({
        status: 'running',
        attempts: set('attempts', '+', 1),
        locked_until: sql<Date>`date_trunc('milliseconds', ${afterMs(leaseMs)})`,
        updated_at: now,
        ...(sticky && { batch_key: key }),
      }))
      .returning(claimedColumns)
      .execute();
    return jobs.length > 0 ? { key, jobs } : undefined;
  });
}

function heldBy(claim: JobClaim) {
  return (where: ExpressionBuilder<Database, 'outbox_jobs'>) =>
    where.and({ id: claim.id, status: 'running', attempts: claim.attempt, locked_until: claim.lockedUntil });
}

/** Each returns whether the claim still held the job, i.e. whether anything changed. */
async function changeHeldJob(
  db: Kysely<Database>,
  claim: JobClaim,
  change: UpdateObject<Database, 'outbox_jobs'>,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox_jobs')
    .set({ ...change, locked_until: null, updated_at: now })
    .where(heldBy(claim))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Delivered. The payload stays for now (purging delivered payloads is decided elsewhere), except a kind emptied
 * on delivery.
 */
export function completeJob(db: Kysely<Database>, claim: JobClaim): Promise<boolean> {
  return changeHeldJob(db, claim, {
    status: 'done',
    payload: sql<string>`case when kind in (${sql.join([...emptiedOnDelivery])}) then '{}'::jsonb else payload end`,
  });
}

export function scheduleRetry(
  db: Kysely<Database>,
  claim: JobClaim,
  retryInMs: number,
  error: string,
): Promise<boolean> {
  return changeHeldJob(db, claim, { status: 'pending', run_after: afterMs(retryInMs), last_error: error });
}

/** Parked until someone looks: `npm run leads -- failed`, then `retry`. */
export function markJobDead(db: Kysely<Database>, claim: JobClaim, error: string): Promise<boolean> {
  return changeHeldJob(db, claim, { status: 'dead', last_error: error });
}

/**
 * Gives back jobs a stopping worker still holds, due at once and without counting the attempt: it was cut
 * short by the shutdown, not by the provider. Returns how many were given back.
 */
export async function releaseJobs(db: Kysely<Database>, claims: readonly JobClaim[]): Promise<number> {
  if (claims.length === 0) return 0;
  const result = await db
    .updateTable('outbox_jobs')
    .set((set) => ({
      status: 'pending',
      attempts: set('attempts', '-', 1),
      locked_until: null,
      updated_at: now,
    }))
    .where((where) => where.or(claims.map((claim) => heldBy(claim)(where))))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface DeadJob {
  id: string;
  kind: OutboxJobKind;
  leadReference: string;
  attempts: number;
  lastError: string | null;
  /** When it was parked. */
  deadSince: Date;
}

const deadJobColumns = [
  'id',
  'kind',
  'lead_reference as leadReference',
  'attempts',
  'last_error as lastError',
  'updated_at as deadSince',
] as const;

/** The dead jobs, the most recently parked first. */
export function listDeadJobs(db: Kysely<Database>): Promise<DeadJob[]> {
  return db
    .selectFrom('outbox_jobs')
    .select(deadJobColumns)
    .where('status', '=', 'dead')
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .execute();
}

/**
 * Someone fixed the cause (a credential, a refused field): the dead job, or every dead job of one lead, is
 * due again with its attempts back at zero, so it gets the whole retry schedule rather than one last try.
 * Its last error stays until the next attempt replaces it. Returns the jobs it queued again.
 */
export function retryDeadJobs(
  db: Kysely<Database>,
  which: { jobId: string } | { leadReference: string },
): Promise<Pick<DeadJob, 'id' | 'kind' | 'leadReference'>[]> {
  return (
    db
      .updateTable('outbox_jobs')
      // Out of its old batch: a batch is sent again whole only while it is its first send's retry.
      .set({ status: 'pending', attempts: 0, run_after: now, updated_at: now, batch_key: null })
      .where('status', '=', 'dead')
      .where((where) =>
        'jobId' in which ? where('id', '=', which.jobId) : where('lead_reference', '=', which.leadReference),
      )
      .returning(['id', 'kind', 'lead_reference as leadReference'])
      .execute()
  );
}

/** Pending jobs of the kinds not in `deliveredKinds`, by kind: they wait until a delivery is configured. */
export function countJobsWaitingWithout(
  db: Kysely<Database>,
  deliveredKinds: readonly OutboxJobKind[],
): Promise<{ kind: OutboxJobKind; count: number }[]> {
  let query = db
    .selectFrom('outbox_jobs')
    .select(['kind', count.as('count')])
    .where('status', '=', 'pending');
  if (deliveredKinds.length > 0) query = query.where('kind', 'not in', deliveredKinds);
  return query.groupBy('kind').orderBy('kind').execute();
}
