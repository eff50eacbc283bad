import { afterEach, describe, expect, it } from 'vitest';
import { closeStore, getStore } from '#functions/store/instance.ts';
import { postgresBackend } from '../support/store-backends.ts';

describe('getStore', () => {
  afterEach(closeStore);

  it('opens one store per process and shares it; closeStore closes it', async () => {
    const { config, cleanUp } = await postgresBackend.emptyStore();
    try {
      const [first, second] = await Promise.all([getStore(config), getStore(config)]);
      expect(second).toBe(first);
      await closeStore();
      await expect(first.db.selectFrom('consent_receipts').selectAll().execute()).rejects.toThrow();
      const reopened = await getStore(config);
      expect(reopened).not.toBe(first);
      expect(await reopened.db.selectFrom('consent_receipts').selectAll().execute()).toEqual([]);
    } finally {
      await closeStore();
      cleanUp();
    }
  });

  it('tries again after a failed open', async () => {
    // Port 1 on loopback refuses connections.
    const unreachable = { databaseUrl: 'postgres://postgres@127.0.0.1:1/none', dataDir: '/nonexistent' };
    const failed = getStore(unreachable);
    await expect(failed).rejects.toThrow();
    const retried = getStore(unreachable);
    expect(retried).not.toBe(failed);
    await expect(retried).rejects.toThrow();
  });
});
