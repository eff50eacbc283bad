/**
 * One request budget per provider for every process on the database: a sliding window of the requests made, and
 * a time before which nobody may ask (the provider's Retry-After, or its daily limit reached). Taking a request
 * locks the provider's row, so two instances can never both take the last one. Times are the database's clock.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

const clock = sql<Date>`clock_timestamp()`;
const before = (ms: number) => sql<Date>`clock_timestamp() - ${ms} * interval '1 millisecond'`;
const after = (ms: number) => sql<Date>`clock_timestamp() + ${ms} * interval '1 millisecond'`;

export interface RequestWindow {
  /** Requests allowed in any window. */
  limit: number;
  windowMs: number;
}

/** Takes one request of the budget: 0 when taken, else how long to wait (ms) before asking again. */
export function takeProviderRequest(
  db: Kysely<Database>,
  provider: string,
  { limit, windowMs }: RequestWindow,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('provider_budgets')
      .values({ provider })
      .onConflict((conflict) => conflict.column('provider').doNothing())
      .execute();
    const budget = await trx
      .selectFrom('provider_budgets')
      .select([
        sql<Date | null>`case when blocked_until > clock_timestamp() then blocked_until end`.as('blockedUntil'),
        clock.as('now'),
      ])
      .where('provider', '=', provider)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (budget.blockedUntil) return Math.max(1, budget.blockedUntil.getTime() - budget.now.getTime());
    await trx
      .deleteFrom('provider_requests')
      .where('provider', '=', provider)
      .where('made_at', '<=', before(windowMs))
      .execute();
    const made = await trx
      .selectFrom('provider_requests')
      .select(({ fn }) => [fn.countAll<string>().as('count'), fn.min('made_at').as('oldest')])
      .where('provider', '=', provider)
      .executeTakeFirstOrThrow();
    if (Number(made.count) < limit) {
      await trx.insertInto('provider_requests').values({ provider, made_at: clock }).execute();
      return 0;
    }
    const oldest = made.oldest ?? budget.now;
    return Math.max(1, oldest.getTime() + windowMs - budget.now.getTime());
  });
}

/** Nobody asks the provider for `ms` from now (it said so), unless it already said longer. */
export async function blockProvider(db: Kysely<Database>, provider: string, ms: number): Promise<void> {
  await db
    .insertInto('provider_budgets')
    .values({ provider, blocked_until: after(ms) })
    .onConflict((conflict) =>
      conflict.column('provider').doUpdateSet({
        blocked_until: sql<Date>`greatest(coalesce(provider_budgets.blocked_until, clock_timestamp()), excluded.blocked_until)`,
      }),
    )
    .execute();
}
