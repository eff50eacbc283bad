/**
 * Staff commands through the running server, when it holds the embedded database: the command line sends its
 * command and arguments over a Unix socket beside the database (readable by the database's owner only), and the
 * server (serve-commands.ts) runs it on its own store, sending each line of output and then the exit code.
 * One JSON message a line.
 */
import { createHash } from 'node:crypto';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export type ServerMessage = { out: string } | { err: string } | { exit: number };
export interface CommandMessage {
  command: string;
  args: string[];
}

/** Beside the database, unless that path is too long for a Unix socket (about 100 bytes): then in the temp folder. */
export function staffSocketPath(dataDir: string): string {
  const beside = join(resolve(dataDir), 'staff.sock');
  if (Buffer.byteLength(beside) <= 100) return beside;
  return join(tmpdir(), `clinic-site-${createHash('sha256').update(beside).digest('hex').slice(0, 16)}.sock`);
}

/** Runs the command in the server; prints what it prints and answers its exit code. */
export function runThroughServer(dataDir: string, command: string, args: string[]): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const socket = createConnection(staffSocketPath(dataDir));
    let exit: number | undefined;
    socket.once('error', (error) =>
      reject(
        new Error(
          `The server holds the embedded database but did not take the command (${(error as NodeJS.ErrnoException).code}). ` +
            'Stop the server to run it on its own, or run the site on PostgreSQL (DATABASE_URL).',
        ),
      ),
    );
    socket.once('connect', () => {
      socket.write(`${JSON.stringify({ command, args } satisfies CommandMessage)}\n`);
    });
    createInterface({ input: socket }).on('line', (line) => {
      const message = JSON.parse(line) as ServerMessage;
      if ('out' in message) console.log(message.out);
      else if ('err' in message) console.error(message.err);
      else exit = message.exit;
    });
    socket.once('close', () => {
      if (exit === undefined) reject(new Error('The server closed the connection before the command finished'));
      else resolvePromise(exit);
    });
  });
}
