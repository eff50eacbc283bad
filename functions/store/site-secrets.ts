/**
 * Keys the site signs with, made on first use and kept in the database, so that every instance on one database
 * signs and checks with the same key and links keep working across restarts. A key set in the environment
 * (LINK_SIGNING_KEY) is used instead, for deployments that keep secrets out of the database.
 */
import { createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

const linkSigningKeyName = 'link-signing-key';
const keysByDatabase = new WeakMap<Kysely<Database>, Promise<string>>();

export function linkSigningKey(db: Kysely<Database>, configured?: string): Promise<string> {
  if (configured) return Promise.resolve(configured);
  let key = keysByDatabase.get(db);
  if (!key) {
    key = storedKey(db, linkSigningKeyName);
    keysByDatabase.set(db, key);
    key.catch(() => keysByDatabase.delete(db));
  }
  return key;
}

const clientAddressKeyName = 'client-address-key';
const addressKeysByDatabase = new WeakMap<Kysely<Database>, Promise<KeyObject>>();

/** The key client addresses are hashed with for the rate limits, the same on every instance on the database. */
export function clientAddressKey(db: Kysely<Database>): Promise<KeyObject> {
  let key = addressKeysByDatabase.get(db);
  if (!key) {
    key = storedKey(db, clientAddressKeyName).then((value) => createSecretKey(Buffer.from(value, 'base64url')));
    addressKeysByDatabase.set(db, key);
    key.catch(() => addressKeysByDatabase.delete(db));
  }
  return key;
}

/** Inserts a fresh key unless one exists, then reads whichever won: two instances starting together agree. */
async function storedKey(db: Kysely<Database>, name: string): Promise<string> {
  await db
    .insertInto('site_secrets')
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('site_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
