/**
 * The staff command line for privacy requests and retention: `npm run privacy -- export|erase <email-or-mobile>`
 * and `purge`. Runs on Node only; it opens the store as the server does. The work is in person-data.ts and
 * retention-purge.ts, the wording in report.ts, the arguments in cli-args.ts.
 */
import { exitCode, runStaffCommand, withStoreFromEnv as withStore } from '../store/staff-command.ts';
import { parsePrivacyArgs, usage } from './cli-args.ts';
import { erasePersonData, exportPersonData } from './person-data.ts';
import { erasureText, exportDocument, exportNoteText, purgeSummary } from './report.ts';
import { purgeExpired } from './retention-purge.ts';

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

await runStaffCommand('privacy', main);
