import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a staff command (`functions/<path>`) as npm would, on the embedded database in `dataDir`. */
export async function runStaffCommand(script: string, dataDir: string, args: string[]): Promise<CommandResult> {
  const { DATABASE_URL: _embeddedDatabaseOnly, ...inherited } = process.env;
  const env = { ...inherited, DATA_DIR: dataDir };
  try {
    const { stdout, stderr } = await run(process.execPath, [script, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CommandResult;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
