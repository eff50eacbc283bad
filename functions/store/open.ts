import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { log } from '#functions/log/log.ts';
import { migrateToLatest } from '#functions/store/migrations/index.ts';
import { type EmbeddedDatabaseHolder, lockEmbeddedDatabase } from './embedded-lock.ts';
import { preparingMarkedStatements } from './prepared-statements.ts';
import type { Database } from './schema.ts';

export interface StoreConfig {
  /** A PostgreSQL server (`postgres://…`). Unset: the embedded PGlite database in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The application's data directory; PGlite keeps its files in its `pglite` folder. Relative to the cwd. */
  dataDir: string;
}

/** The store the settings name: DATABASE_URL (PostgreSQL), else the embedded database in DATA_DIR. */
export function storeConfigFrom(settings: { DATABASE_URL?: string | undefined; DATA_DIR: string }): StoreConfig {
  return { databaseUrl: settings.DATABASE_URL, dataDir: settings.DATA_DIR };
}

/** Whether the database answers a trivial query within `timeoutMs`: the server's health check. */
export async function storeAnswers(db: Kysely<Database>, timeoutMs = 2_000): Promise<boolean> {
  const answered = sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, timeoutMs, false).unref());
  return Promise.race([answered, timeout]);
}

export interface Store {
  db: Kysely<Database>;
  /** PostgreSQL, which every instance of the site may share; false: the embedded database, one process's own. */
  shared: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Who opens the embedded database: it opens in one process only (embedded-lock.ts). */
  holder?: EmbeddedDatabaseHolder;
}

/** Opens the database, PostgreSQL or embedded PGlite, and brings its schema up to date. */
export async function openStore(config: StoreConfig, { holder = 'server' }: OpenOptions = {}): Promise<Store> {
  if (config.databaseUrl) {
    const pool = postgresPool(config.databaseUrl);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await migrated(db);
    return { db, shared: true, close: () => db.destroy() };
  }
  const directory = resolve(config.dataDir, 'pglite');
  await mkdir(directory, { recursive: true });
  const lock = lockEmbeddedDatabase(config.dataDir, holder);
  try {
    const pglite = new PGlite(directory, { parsers: { [dateTypeId]: keepText } });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    await migrated(db);
    return {
      db,
      shared: false,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function migrated(db: Kysely<Database>): Promise<void> {
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

// A `date` column holds a calendar day, not an instant: both drivers would make it a Date at some
// midnight, so it is read as the "YYYY-MM-DD" text PostgreSQL sends instead.
const dateTypeId = 1082;
const keepText = (value: string) => value;

function postgresPool(connectionString: string): pg.Pool {
  const types: pg.CustomTypesConfig = {
    getTypeParser: (typeId: number, format?: 'text' | 'binary') =>
      typeId === dateTypeId ? keepText : pg.types.getTypeParser(typeId, format),
  };
  const pool = new pg.Pool({ connectionString, max: 10, types });
  pool.on('connect', preparingMarkedStatements);
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would end the process.
  pool.on('error', (error) => log.error({ err: error }, 'PostgreSQL connection lost'));
  return pool;
}
