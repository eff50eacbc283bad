/**
 * The site's one logger: structured lines (pino, JSON on stdout) with levels, for the host to collect. No line
 * holds personal data: messages name leads by reference and jobs by id, requests by method, path and status, and an
 * error by what `loggableError` keeps. The level is set once from the settings (LOG_LEVEL) by each entry point.
 */
import pino, { type Logger } from 'pino';

/**
 * What of an error may be logged. A database error (PostgreSQL's or PGlite's, which carry a `severity`) by its
 * SQLSTATE code and the constraint, table and column it names, never its message, detail, hint or where: those
 * quote the values of the row it refused ("invalid input syntax for type date: …"). Any other error by its name
 * and message.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const { code, constraint, table, column, severity } = error as Error & Record<string, unknown>;
  const fromDatabase = typeof severity === 'string' && typeof code === 'string';
  return {
    type: error.name,
    ...(!fromDatabase && { message: error.message }),
    ...(typeof code === 'string' && { code }),
    ...(typeof constraint === 'string' && { constraint }),
    ...(typeof table === 'string' && { table }),
    ...(typeof column === 'string' && { column }),
    ...(error.cause !== undefined && { cause: loggableError(error.cause) }),
  };
}

/** An error in one line of text, by the same rules, for messages that carry it inline (the worker's). */
export function errorSummary(error: unknown): string {
  const { type, message, code, constraint } = loggableError(error);
  if (message !== undefined) return String(message);
  return `${type} ${code ?? ''}${constraint ? ` (${constraint})` : ''}`.trim();
}

let write = (line: string) => process.stdout.write(line);

export const log: Logger = pino(
  {
    base: null,
    serializers: { err: loggableError, error: loggableError },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  { write: (line: string) => write(line) },
);

export function setLogLevel(level: string): void {
  log.level = level;
}

/** The lines logged until `stop()`, instead of stdout: for tests that read what would have been logged. */
export function captureLog(): { lines: () => string[]; stop: () => void } {
  const captured: string[] = [];
  const previous = write;
  write = (line) => {
    captured.push(line);
    return true;
  };
  return {
    lines: () => captured.join('').split('\n').filter(Boolean),
    stop: () => {
      write = previous;
    },
  };
}
