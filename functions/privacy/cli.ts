/**
 * The staff command line for privacy requests and retention: `npm run privacy -- export|erase <email-or-mobile>`
 * and `purge`. Runs on Node only; it opens the store as the server does. The work is in person-data.ts and
 * retention-purge.ts, the wording in report.ts, the arguments in cli-args.ts.
 */
import type { Kysely } from 'kysely';
import { openStore, storeConfigFromEnv } from '../store/open.ts';
import type { Database } from '../store/schema.ts';
import { parsePrivacyArgs, usage } from './cli-args.ts';
import { erasePersonData, exportPersonData } from './person-data.ts';
import { erasureText, exportDocument, exportNoteText, purgeSummary } from './report.ts';
import { purgeExpired } from './retention-purge.ts';

const exitCode = { done: 0, failed: 1, usage: 2 } as const;

async function withStore(task: (db: Kysely<Database>) => Promise<number>): Promise<number> {
  const store = await openStore(storeConfigFromEnv(process.env));
  try {
    return await task(store.db);
  } finally {
    await store.close();
  }
}

async function main(args: string[]): Promise<number> {
  const parsed = parsePrivacyArgs(args);
  switch (parsed.command) {
    case 'help':
      console.log(usage);
      return exitCode.done;
    case 'usage-error':
      console.error(`${parsed.message}\n\n${usage}`);
      return exitCode.usage;
    case 'purge':
      return withStore(async (db) => {
        console.log(purgeSummary(await purgeExpired(db, { now: new Date() })));
        return exitCode.done;
      });
    case 'export':
      return withStore(async (db) => {
        const exported = await exportPersonData(db, parsed.identifier, parsed);
        console.log(JSON.stringify(exportDocument(parsed.identifier, exported.data, exported.exportedAt), null, 2));
        console.error(exportNoteText(exported.counts, exported.auditId));
        return exitCode.done;
      });
    case 'erase':
      return withStore(async (db) => {
        const outcome = await erasePersonData(db, parsed.identifier, {
          dropNotDelivered: parsed.yes,
          requestReference: parsed.requestReference,
        });
        if (outcome.status === 'erased') {
          console.log(erasureText(outcome).join('\n'));
          return exitCode.done;
        }
        console.error(erasureText(outcome).join('\n'));
        return exitCode.failed;
      });
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error('The privacy command failed:', error);
  process.exitCode = exitCode.failed;
}
