import { openStore, type Store, type StoreConfig } from './open.ts';

// The open store lives on globalThis, not in a module variable: the Astro server bundle and the Node
// server (functions/http/server.ts) each load their own copy of this module, and both must see the
// same store, as must the dev server's reloaded modules. A PGlite directory must be opened only once.
const slot = Symbol.for('clinic-site.store');
type StoreSlot = { [slot]?: Promise<Store> };
const holder = globalThis as StoreSlot;

/** The process's store, opened (and migrated) on first use; later calls share it, whatever their config. */
export function getStore(config: StoreConfig): Promise<Store> {
  if (!holder[slot]) {
    const opening = openStore(config);
    holder[slot] = opening;
    // A failed open is forgotten, so the next request tries again instead of failing forever.
    opening.catch(() => {
      if (holder[slot] === opening) delete holder[slot];
    });
  }
  return holder[slot];
}

/** Closes the store if it was opened, for a graceful shutdown. */
export async function closeStore(): Promise<void> {
  const opening = holder[slot];
  if (!opening) return;
  delete holder[slot];
  const store = await opening.catch(() => undefined);
  await store?.close();
}
