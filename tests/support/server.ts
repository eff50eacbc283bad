import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Starts the built site on loopback and resolves once its health check answers; stop it with `stop()`. Its log
 * (JSON lines on stdout) is kept in `logLines()`.
 */
export async function startSite(port: number, env: Record<string, string> = {}, readyWithinMs = 60_000) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'functions/http/server.ts'], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    try {
      if ((await fetch(`${origin}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The site did not start on port ${port} (exit code ${child.exitCode})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    pid: child.pid ?? 0,
    /** Resolves to the exit code once the server has stopped. */
    stop,
    exited,
    logLines: () => log.split('\n').filter(Boolean),
  };
}
