/**
 * The rate limits' counts that every instance on one PostgreSQL database shares, in the `rate_limits` table laid
 * out as rate-limiter-flexible's PostgreSQL store lays it out (a key, the points used, when they expire in epoch
 * ms), so the two read each other's counts. Many keys are counted in one statement: one round trip and one commit
 * for a group of requests, where the library's store makes one of each per request. Times are the database's clock,
 * the same for every instance.
 */
import { type Kysely, sql } from 'kysely';
import { preparedStatementMark } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export interface PointsToTake {
  key: string;
  points: number;
}

export interface TakenPoints {
  /** The points used within the key's window, these included. */
  points: number;
  /** How long until the window ends and the count starts again. */
  msBeforeNext: number;
}

/**
 * Adds each key's points to its count, or starts the count again (a window of `windowMs` from now) where the
 * window has ended, and answers each key's count. Each key once; the rows are locked in key order, so two
 * instances counting overlapping keys wait for each other instead of deadlocking.
 */
export async function takeRateLimitPoints(
  db: Kysely<Database>,
  taking: readonly PointsToTake[],
  windowMs: number,
): Promise<Map<string, TakenPoints>> {
  if (taking.length === 0) return new Map();
  const sorted = [...taking].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { rows } = await sql<{
    key: string;
    points: number;
    expire: string;
    now: string;
  }>`${sql.raw(preparedStatementMark)}
    with clock as (select (extract(epoch from statement_timestamp()) * 1000)::bigint as now)
    insert into rate_limits as counted (key, points, expire)
    select taking.key, taking.points, clock.now + ${windowMs}
    from unnest(${sorted.map(({ key }) => key)}::varchar[], ${sorted.map(({ points }) => points)}::integer[])
      with ordinality as taking(key, points, position)
    cross join clock
    order by taking.position
    on conflict (key) do update set
      points = case when counted.expire <= (select now from clock) then excluded.points
                    else counted.points + excluded.points end,
      expire = case when counted.expire <= (select now from clock) then excluded.expire else counted.expire end
    returning counted.key, counted.points, counted.expire, (select now from clock) as now
  `.execute(db);
  return new Map(
    rows.map((row) => [row.key, { points: row.points, msBeforeNext: Number(row.expire) - Number(row.now) }]),
  );
}

/** Deletes the counts whose window ended more than `agoMs` ago: nobody is limited by them any more. */
export async function deleteEndedRateLimits(db: Kysely<Database>, agoMs: number): Promise<void> {
  await sql`
    delete from rate_limits
    where expire < (extract(epoch from statement_timestamp()) * 1000)::bigint - ${agoMs}
  `.execute(db);
}
