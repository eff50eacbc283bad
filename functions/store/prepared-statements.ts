import type pg from 'pg';

/**
 * A statement whose text starts with this comment is prepared once per PostgreSQL connection (parsed and planned
 * once, then only bound and run): for the few statements the intake runs many times a second, whose planning cost
 * as much as running them. Every other statement runs unnamed, as usual (kysely gives no way to name one).
 */
export const preparedStatementMark = '/* prepared */';
const preparedNames = new Map<string, string>();

function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `prepared-${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** Has the connection prepare the statements marked so (a pool's `connect` listener). */
export function preparingMarkedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const [text, values] = args;
    return typeof text === 'string' && text.startsWith(preparedStatementMark)
      ? query({ name: preparedName(text), text, values })
      : query(...args);
  }) as typeof client.query;
}
