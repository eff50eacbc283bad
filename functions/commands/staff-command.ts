/**
 * What every staff command (`npm run leads`, `privacy`, `worker`, `crm:setup`) shares: `--help` on each, one set of
 * exit codes, the settings read and checked once, the store opened as the server opens it, and the last word on
 * an unexpected failure (its message only: a database error's detail can quote a row's values).
 */
import type { Kysely } from 'kysely';
import { readSettings, type Settings, SettingsError } from '#functions/settings/settings.ts';
import { openStore, storeConfigFrom } from '#functions/store/open.ts';
import type { Database } from '#functions/store/schema.ts';

export const exitCode = { done: 0, failed: 1, usage: 2 } as const;

export interface StaffCommand {
  /** As npm runs it: `leads`, `crm:setup`. */
  name: string;
  /** The help text, shown for --help and after a usage error. */
  usage: string;
  main: (args: string[], settings: Settings) => Promise<number>;
  /** Ends the process with the exit code, whatever is still open (a long-running command's connections). */
  exitWhenDone?: boolean;
}

/** Prints the problem and the help; returns the usage exit code. */
export function usageError(usage: string, message: string): number {
  console.error(`${message}\n\n${usage}`);
  return exitCode.usage;
}

/** A command that takes no arguments: anything but --help is a usage error. */
export function noArguments(usage: string, args: readonly string[]): number | undefined {
  return args.length > 0 ? usageError(usage, `Unknown argument: ${args[0]}`) : undefined;
}

/** Opens the store the settings name (as the server does) for one task, and closes it after. */
export async function withStore(settings: Settings, task: (db: Kysely<Database>) => Promise<number>): Promise<number> {
  const store = await openStore(storeConfigFrom(settings));
  try {
    return await task(store.db);
  } finally {
    await store.close();
  }
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
    process.exitCode = await main(args, readSettings(process.env));
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exitCode = exitCode.usage;
      return;
    }
    console.error(`The ${name} command failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = exitCode.failed;
  }
}
