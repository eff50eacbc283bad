/**
 * A throwaway PostgreSQL server: listening on 127.0.0.1 on a free port, its data and socket in a temporary
 * directory, stopped by PID. PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user.
 * Missing binaries are an error naming the fix (tests/setup/system-deps.sh installs them).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const serverUser = 'postgres';

export interface ThrowawayPostgres {
  /** The superuser's URL; create a database of your own on it (postgres-database.ts). */
  adminUrl: string;
  /** The postmaster's process ID: its connection backends are its children. */
  pid(): number;
  stop(): void;
}

/**
 * `durable: false` (the tests) skips fsync, which only matters if the machine crashes; the benchmarks keep it,
 * as a production server would.
 */
export async function startThrowawayPostgres({ durable }: { durable: boolean }): Promise<ThrowawayPostgres> {
  const bin = postgresBinDirectory();
  const root = mkdtempSync(join(tmpdir(), 'clinic-site-postgres-'));
  const dataDirectory = join(root, 'data');
  const logFile = join(root, 'server.log');
  const asServerUser = serverUserRunner(root);

  asServerUser(join(bin, 'initdb'), [
    '-D',
    dataDirectory,
    '-U',
    'postgres',
    '--auth=trust',
    '--no-locale',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c max_connections=200${durable ? '' : ' -c fsync=off'}`;
  try {
    asServerUser(join(bin, 'pg_ctl'), ['start', '--wait', '-D', dataDirectory, '-l', logFile, '-o', options]);
  } catch (error) {
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '(no server log)';
    rmSync(root, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start:\n${log}`, { cause: error });
  }

  const postmasterPid = () => Number(readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pid: postmasterPid,
    stop() {
      const pid = postmasterPid();
      try {
        asServerUser(join(bin, 'pg_ctl'), ['stop', '--wait', '-m', 'fast', '-D', dataDirectory]);
      } catch {
        process.kill(pid, 'SIGQUIT');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The newest installed server's bin directory, e.g. /usr/lib/postgresql/15/bin. */
function postgresBinDirectory(): string {
  const newestFirst = globSync('/usr/lib/postgresql/*/bin/initdb').sort((a, b) => majorVersion(b) - majorVersion(a));
  const initdb = newestFirst[0];
  if (!initdb) {
    throw new Error(
      'PostgreSQL server binaries are missing (no /usr/lib/postgresql/*/bin/initdb); the store tests need them. ' +
        'Install them with: bash tests/setup/system-deps.sh (as root), or apt-get install postgresql.',
    );
  }
  return join(initdb, '..');
}

function majorVersion(initdbPath: string): number {
  return Number(initdbPath.split('/')[4]);
}

/** Runs a program as the server's user: through `runuser` when we are root, directly otherwise. */
function serverUserRunner(ownedDirectory: string): (program: string, args: string[]) => void {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', serverUser], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', serverUser], { encoding: 'utf8' }));
    chownSync(ownedDirectory, uid, gid);
  }
  return (program, args) => {
    const [command, commandArgs] = isRoot ? ['runuser', ['-u', serverUser, '--', program, ...args]] : [program, args];
    execFileSync(command, commandArgs, { cwd: ownedDirectory, stdio: ['ignore', 'ignore', 'pipe'] });
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port')),
      );
    });
  });
}
