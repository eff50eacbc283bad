/**
 * The staff command line for privacy requests and retention: `npm run privacy -- export|erase <email-or-mobile>`,
 * `purge`, and after restoring a backup `erasures --since` and `repeat-erasures`. The work is in functions/privacy/
 * (person-data.ts, retention-purge.ts, restored-backup.ts, the wording in report.ts); the arguments are read in
 * privacy-args.ts.
 */
import { erasePersonData, exportPersonData } from '#functions/privacy/person-data.ts';
import {
  erasureText,
  exportDocument,
  exportNoteText,
  purgeSummary,
  repeatedErasuresText,
} from '#functions/privacy/report.ts';
import { repeatErasures } from '#functions/privacy/restored-backup.ts';
import { purgeExpired } from '#functions/privacy/retention-purge.ts';
import type { Settings } from '#functions/settings/settings.ts';
import { referencesErasedSince } from '#functions/store/restored-erasures.ts';
import { parsePrivacyArgs, usage } from './privacy-args.ts';
import { exitCode, runStaffCommand, usageError, withStore } from './staff-command.ts';

async function main(args: string[], settings: Settings): Promise<number> {
  const parsed = parsePrivacyArgs(args);
  switch (parsed.command) {
    case 'help':
      console.log(usage);
      return exitCode.done;
    case 'usage-error':
      return usageError(usage, parsed.message);
    case 'purge':
      return withStore(settings, async (db) => {
        console.log(purgeSummary(await purgeExpired(db, { now: new Date() })));
        return exitCode.done;
      });
    case 'erasures':
      return withStore(settings, async (db) => {
        for (const reference of await referencesErasedSince(db, parsed.since)) console.log(reference);
        return exitCode.done;
      });
    case 'repeat-erasures':
      return withStore(settings, async (db) => {
        console.log(repeatedErasuresText(await repeatErasures(db, parsed.references)));
        return exitCode.done;
      });
    case 'export':
      return withStore(settings, async (db) => {
        const exported = await exportPersonData(db, parsed.identifier, parsed);
        console.log(JSON.stringify(exportDocument(parsed.identifier, exported.data, exported.exportedAt), null, 2));
        console.error(exportNoteText(exported.counts, exported.auditId));
        return exitCode.done;
      });
    case 'erase':
      return withStore(settings, async (db) => {
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

await runStaffCommand({ name: 'privacy', usage, main });
