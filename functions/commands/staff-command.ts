/**
 * What every staff command (`npm run leads`, `privacy`, `worker`, `crm:setup`) shares: `--help` on each, one set of
 * exit codes, the settings read and checked once, the store opened as the server opens it, and the last word on
 * an unexpected failure (by `errorSummary`: a database error's text can quote a row's values).
 *
 * On the embedded database, which one process may open, a command finds the server holding it and runs through
 * the server instead (through-server.ts): the server runs it on its own store and sends its output back.
 */
import type { Kysely } from 'kysely';
import { errorSummary, setLogLevel } from '#functions/log/log.ts';
import { readSettings, type Settings, SettingsError } from '#functions/settings/settings.ts';
import { EmbeddedDatabaseInUse } from '#functions/store/embedded-lock.ts';
import { openStore, storeConfigFrom } from '#functions/store/open.ts';
import type { Database } from '#functions/store/schema.ts';
import { runThroughServer } from './through-server.ts';

export const exitCode = { done: 0, failed: 1, usage: 2 } as const;

/** Where a command runs: its settings, its store, and where its output goes. */
export interface CommandContext {
  settings: Settings;
  /** Runs the task on the store: opened for it and closed after on the command line, the server's in the server. */
  withStore: <T>(task: (db: Kysely<Database>) => Promise<T>) => Promise<T>;
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface StaffCommand {
  /** As npm runs it: `leads`, `crm:setup`. */
  name: string;
  /** The help text, shown for --help and after a usage error. */
  usage: string;
  main: (args: string[], context: CommandContext) => Promise<number>;
  /** Ends the process with the exit code, whatever is still open (a long-running command's connections). */
  exitWhenDone?: boolean;
}

/** Prints the problem and the help; returns the usage exit code. */
export function usageError(context: CommandContext, usage: string, message: string): number {
  context.err(`${message}\n\n${usage}`);
  return exitCode.usage;
}

/** A command that takes no arguments: anything but --help is a usage error. */
export function noArguments(context: CommandContext, usage: string, args: readonly string[]): number | undefined {
  return args.length > 0 ? usageError(context, usage, `Unknown argument: ${args[0]}`) : undefined;
}

/** The server holds the embedded database: the command must run through it. */
class HeldByServer extends Error {}

function commandLineContext(settings: Settings): CommandContext {
  return {
    settings,
    out: (text) => console.log(text),
    err: (text) => console.error(text),
    async withStore(task) {
      let store: Awaited<ReturnType<typeof openStore>>;
      try {
        store = await openStore(storeConfigFrom(settings), { holder: 'command' });
      } catch (error) {
        if (error instanceof EmbeddedDatabaseInUse && error.holder === 'server') throw new HeldByServer();
        throw error;
      }
      try {
        return await task(store.db);
      } finally {
        await store.close();
      }
    },
  };
}

/** Runs the command on this process's arguments and environment, and sets the process's exit code. */
export async function runStaffCommand(command: StaffCommand): Promise<void> {
  await runToExitCode(command);
  if (command.exitWhenDone) process.exit();
}

async function runToExitCode({ name, usage, main }: StaffCommand): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exitCode = exitCode.done;
    return;
  }
  try {
    const settings = readSettings(process.env);
    setLogLevel(settings.LOG_LEVEL);
    try {
      process.exitCode = await main(args, commandLineContext(settings));
    } catch (error) {
      if (!(error instanceof HeldByServer)) throw error;
      process.exitCode = await runThroughServer(settings.DATA_DIR, name, args);
    }
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exitCode = exitCode.usage;
      return;
    }
    if (error instanceof EmbeddedDatabaseInUse) {
      console.error(`${error.message}: run this command again when it has finished.`);
      process.exitCode = exitCode.failed;
      return;
    }
    console.error(`The ${name} command failed: ${errorSummary(error)}`);
    process.exitCode = exitCode.failed;
  }
}
