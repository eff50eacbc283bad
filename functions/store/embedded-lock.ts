/**
 * The embedded database opens in one process only: PGlite keeps the database in that process's memory and writes
 * it to DATA_DIR, so a second process on the same directory would write over the first's commits. Whoever opens
 * it holds `pglite.lock` beside it (created exclusively, naming its process); a lock whose process has ended is
 * taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type EmbeddedDatabaseHolder = 'server' | 'command';

/** Who holds the embedded database: the running server (staff commands then go through it), or a staff command. */
export class EmbeddedDatabaseInUse extends Error {
  readonly holder: EmbeddedDatabaseHolder;
  readonly pid: number;

  constructor(holder: EmbeddedDatabaseHolder, pid: number) {
    super(
      `The embedded database is open in another process (${holder === 'server' ? 'the server' : 'a staff command'}, PID ${pid})`,
    );
    this.name = 'EmbeddedDatabaseInUse';
    this.holder = holder;
    this.pid = pid;
  }
}

const lockFile = (dataDir: string) => join(dataDir, 'pglite.lock');

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function currentHolder(dataDir: string): { holder: EmbeddedDatabaseHolder; pid: number } | undefined {
  try {
    const held = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as { holder: EmbeddedDatabaseHolder; pid: number };
    return isRunning(held.pid) ? held : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the embedded database for this process, or throws EmbeddedDatabaseInUse; `release` gives it back. */
export function lockEmbeddedDatabase(dataDir: string, holder: EmbeddedDatabaseHolder): { release(): void } {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const file = openSync(lockFile(dataDir), 'wx');
      writeSync(file, JSON.stringify({ holder, pid: process.pid }));
      closeSync(file);
      return { release: () => rmSync(lockFile(dataDir), { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const held = currentHolder(dataDir);
      if (held) throw new EmbeddedDatabaseInUse(held.holder, held.pid);
      // Its process has ended without giving it back (a crash): the lock is taken over.
      rmSync(lockFile(dataDir), { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database in ${dataDir}`);
}
