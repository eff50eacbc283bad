import { type ChildProcess, spawn } from 'node:child_process';

/** A process of the site's own (the server, the worker), its log (JSON lines on stdout) kept in `logLines()`. */
function startProcess(script: string, env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    pid: child.pid ?? 0,
    /** Resolves to the exit code once the process has stopped. */
    exited,
    /** SIGTERM, as a host stops it; resolves to the exit code. */
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
    logLines: () => log.split('\n').filter(Boolean),
  };
}

/** Starts the built site on loopback and resolves once its health check answers; stop it with `stop()`. */
export async function startSite(port: number, env: Record<string, string> = {}, readyWithinMs = 60_000) {
  const { child, ...server } = startProcess('functions/http/server.ts', {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await server.stop();
      throw new Error(`The site did not start on port ${port} (exit code ${child.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { origin, ...server };
}

/** `npm run worker` as a process of its own; `kill()` ends it at once (SIGKILL), as a crash would. */
export function startWorkerProcess(env: Record<string, string>) {
  const { child, ...worker } = startProcess('functions/commands/worker.ts', env);
  return {
    ...worker,
    kill: () => {
      child.kill('SIGKILL');
      return worker.exited;
    },
  };
}
