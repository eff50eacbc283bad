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
import { referencesErasedSince } from '#functions/store/restored-erasures.ts';
import { parsePrivacyArgs, usage } from './privacy-args.ts';
import { type CommandContext, exitCode, runStaffCommand, type StaffCommand, usageError } from './staff-command.ts';

async function main(args: string[], context: CommandContext): Promise<number> {
  const parsed = parsePrivacyArgs(args);
  switch (parsed.command) {
    case 'help':
      context.out(usage);
      return exitCode.done;
    case 'usage-error':
      return usageError(context, usage, parsed.message);
    case 'purge':
      return context.withStore(async (db) => {
        context.out(purgeSummary(await purgeExpired(db, { now: new Date() })));
        return exitCode.done;
      });
    case 'erasures':
      return context.withStore(async (db) => {
        for (const reference of await referencesErasedSince(db, parsed.since)) context.out(reference);
        return exitCode.done;
      });
    case 'repeat-erasures':
      return context.withStore(async (db) => {
        context.out(repeatedErasuresText(await repeatErasures(db, parsed.references)));
        return exitCode.done;
      });
    case 'export':
      return context.withStore(async (db) => {
        const exported = await exportPersonData(db, parsed.identifier, parsed);
        context.out(JSON.stringify(exportDocument(parsed.identifier, exported.data, exported.exportedAt), null, 2));
        context.err(exportNoteText(exported.counts, exported.auditId));
        return exitCode.done;
      });
    case 'erase':
      return context.withStore(async (db) => {
        const outcome = await erasePersonData(db, parsed.identifier, {
          dropNotDelivered: parsed.yes,
          requestReference: parsed.requestReference,
        });
        if (outcome.status === 'erased') {
          context.out(erasureText(outcome).join('\n'));
          return exitCode.done;
        }
        context.err(erasureText(outcome).join('\n'));
        return exitCode.failed;
      });
  }
}

export const privacyCommand: StaffCommand = { name: 'privacy', usage, main };

if (import.meta.main) await runStaffCommand(privacyCommand);
