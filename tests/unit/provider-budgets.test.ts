/** The request budget every process shares, on both backends: never more than the limit in a window, and a hold-off for all. */
import { describe, expect, it } from 'vitest';
import { openStore } from '#functions/store/open.ts';
import { blockProvider, takeProviderRequest } from '#functions/store/provider-budgets.ts';
import { emptyStoreForSuite, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

describe.each([pgliteBackend, postgresBackend])('the provider budget on $name', (backend) => {
  const opened = emptyStoreForSuite(backend);

  it('gives the limit and no more in a window, then says how long until the oldest leaves it', async () => {
    const window = { limit: 5, windowMs: 2_000 };
    const waits = await Promise.all(
      Array.from({ length: 8 }, () => takeProviderRequest(opened.store.db, 'budget-a', window)),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    for (const wait of waits.filter((wait) => wait > 0)) {
      expect(wait).toBeGreaterThan(1_000);
      expect(wait).toBeLessThanOrEqual(2_000);
    }
    // Each provider has a budget of its own.
    expect(await takeProviderRequest(opened.store.db, 'budget-b', window)).toBe(0);
  });

  it('gives again once the window has moved past the earliest requests', async () => {
    const window = { limit: 2, windowMs: 300 };
    expect(await takeProviderRequest(opened.store.db, 'budget-c', window)).toBe(0);
    expect(await takeProviderRequest(opened.store.db, 'budget-c', window)).toBe(0);
    const wait = await takeProviderRequest(opened.store.db, 'budget-c', window);
    expect(wait).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, wait + 20));
    expect(await takeProviderRequest(opened.store.db, 'budget-c', window)).toBe(0);
  });

  it('holds everyone off for as long as the provider asked, the longest ask winning', async () => {
    const window = { limit: 100, windowMs: 10_000 };
    await blockProvider(opened.store.db, 'budget-d', 1_500);
    await blockProvider(opened.store.db, 'budget-d', 200);
    const wait = await takeProviderRequest(opened.store.db, 'budget-d', window);
    expect(wait).toBeGreaterThan(1_000);
    expect(wait).toBeLessThanOrEqual(1_500);
  });
});

describe('the provider budget across instances on one PostgreSQL', () => {
  const opened = emptyStoreForSuite(postgresBackend);

  it('gives the limit and no more to all the instances together', async () => {
    const others = await Promise.all([openStore(opened.config), openStore(opened.config)]);
    try {
      const window = { limit: 6, windowMs: 5_000 };
      const waits = await Promise.all(
        [opened.store, ...others].flatMap((store) =>
          Array.from({ length: 5 }, () => takeProviderRequest(store.db, 'hubspot', window)),
        ),
      );
      expect(waits.filter((wait) => wait === 0)).toHaveLength(6);
    } finally {
      await Promise.all(others.map((store) => store.close()));
    }
  });
});
