/**
 * The server's side of staff commands run through it (through-server.ts): on the embedded database, the server
 * listens on the staff socket and runs each command it is sent on its own store, one at a time, sending back the
 * command's output and exit code. Commands that need a database of their own (the worker) are not offered.
 */
import { chmod, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import type { Kysely } from 'kysely';
import { errorSummary, log } from '#functions/log/log.ts';
import type { Settings } from '#functions/settings/settings.ts';
import type { Database } from '#functions/store/schema.ts';
import { leadsCommand } from './leads.ts';
import { privacyCommand } from './privacy.ts';
import { type CommandContext, exitCode, type StaffCommand } from './staff-command.ts';
import { type CommandMessage, type ServerMessage, staffSocketPath } from './through-server.ts';

const commandsThroughServer: ReadonlyMap<string, StaffCommand> = new Map(
  [leadsCommand, privacyCommand].map((command) => [command.name, command]),
);

export interface StaffSocket {
  close(): Promise<void>;
}

export async function serveStaffCommands(db: Kysely<Database>, settings: Settings): Promise<StaffSocket> {
  const path = staffSocketPath(settings.DATA_DIR);
  // A socket file left by a server that did not stop cleanly; this process holds the database now.
  await rm(path, { force: true });
  let queue = Promise.resolve();

  const run = async (socket: Socket, line: string) => {
    const send = (message: ServerMessage) => socket.write(`${JSON.stringify(message)}\n`);
    let code: number = exitCode.failed;
    try {
      const { command, args } = JSON.parse(line) as CommandMessage;
      const staffCommand = commandsThroughServer.get(command);
      if (!staffCommand) throw new Error(`${command} does not run through the server`);
      const context: CommandContext = {
        settings,
        withStore: (task) => task(db),
        out: (text) => send({ out: text }),
        err: (text) => send({ err: text }),
      };
      log.info(`Staff command ${command} run through the server`);
      code = await staffCommand.main(args, context);
    } catch (error) {
      send({ err: `The command failed in the server: ${errorSummary(error)}` });
    }
    send({ exit: code });
    socket.end();
  };

  const server = createServer((socket) => {
    createInterface({ input: socket }).once('line', (line) => {
      queue = queue.then(() => run(socket, line));
    });
    socket.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, resolve);
  });
  await chmod(path, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }).then(() => rm(path, { force: true })),
  };
}
