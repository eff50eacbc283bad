/** The privacy command's arguments, read into what to do: no store, no output, so every mistake is testable. */
import { parseArgs } from 'node:util';
import { parseIdentifier, parseRequestReference } from '#functions/privacy/identifier.ts';
import type { PersonIdentifier } from '#functions/store/person-records.ts';

export const usage = `Usage: npm run privacy -- <command>

Commands:
  export <email-or-mobile>
                      everything the website database holds about a person, as JSON on stdout:
                      booking requests matched by their email, mobile or guardian's mobile (and
                      which matched), newsletter subscriptions, data-rights requests, the outbox
                      jobs of all of them with their payloads, and any other job whose payload
                      names them
  erase <email-or-mobile>
                      delete all of that in one transaction; refused when it would drop jobs not
                      yet delivered (pending, running or dead), unless --yes. The person's
                      data-rights requests go too, this one included: the audit entry with
                      --request is the record that it was handled
  purge               apply the retention periods now, as the server does daily (for cron when the
                      server runs with RETENTION=off or WORKER=off)
  erasures --since <time>
                      the references of every lead erased since then (ISO 8601, e.g. the time a
                      backup was taken), one a line, from the processing record
  repeat-erasures <reference>...
                      after restoring a backup: delete those leads and their jobs again. List them
                      with erasures --since <the backup's time> before you restore, as the restore
                      replaces the processing record too

Options:
  --request <ref>     the privacy request's own reference (a ticket or letter number), kept in the
                      audit entry; never an email address or phone number
  --yes               erase even when jobs not yet delivered would be dropped
  --since <time>      for erasures: from when (an ISO 8601 date or date and time)
  -h, --help          show this help

A mobile number is read as the booking form reads it (+91 when it has no country code); an email
address in any case. Export, erase and purge each write an audit entry (privacy_audit) of counts,
never the email address or mobile number. The CRM and the email service hold their own copies.

Reads DATABASE_URL (a PostgreSQL server) or else DATA_DIR (the embedded database, default .data),
like the server. The embedded database opens in one process only: while the server has it open, the
command runs through the server.

Exit codes: 0 done, 1 refused or failed, 2 wrong usage.`;

export type PrivacyCommand =
  | { command: 'help' }
  | { command: 'export'; identifier: PersonIdentifier; requestReference?: string }
  | { command: 'erase'; identifier: PersonIdentifier; requestReference?: string; yes: boolean }
  | { command: 'purge' }
  | { command: 'erasures'; since: Date }
  | { command: 'repeat-erasures'; references: string[] };

export type ParsedArgs = PrivacyCommand | { command: 'usage-error'; message: string };

const commands = ['export', 'erase', 'purge', 'erasures', 'repeat-erasures'];
const leadReference = /^[A-Z]{2,4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

function usageError(message: string): ParsedArgs {
  return { command: 'usage-error', message };
}

export function parsePrivacyArgs(args: readonly string[]): ParsedArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };

  const [command, ...operands] = positionals;
  if (command === undefined) return usageError('Name a command.');
  if (!commands.includes(command)) return usageError(`Unknown command: ${command}`);
  if (values.yes && command !== 'erase') return usageError('--yes is for erase only.');
  if (values.since !== undefined && command !== 'erasures') return usageError('--since is for erasures only.');
  if ((command === 'erasures' || command === 'repeat-erasures') && values.request !== undefined) {
    return usageError('--request is for export and erase.');
  }
  if (command === 'erasures') {
    if (operands.length > 0) return usageError('erasures takes no arguments, only --since.');
    const since = new Date(values.since ?? '');
    if (values.since === undefined || Number.isNaN(since.getTime())) {
      return usageError('erasures needs --since <time>, an ISO 8601 date or date and time.');
    }
    return { command, since };
  }
  if (command === 'repeat-erasures') {
    if (operands.length === 0) return usageError('repeat-erasures takes the references to erase again.');
    const wrong = operands.find((reference) => !leadReference.test(reference));
    if (wrong !== undefined) return usageError(`Not a lead reference: ${wrong} (they look like KC-7Q4M-X2P9).`);
    return { command, references: operands };
  }
  if (command === 'purge') {
    if (operands.length > 0) return usageError('purge takes no arguments.');
    if (values.request !== undefined) return usageError('--request is for export and erase.');
    return { command };
  }

  const [typed, ...extra] = operands;
  if (typed === undefined || extra.length > 0)
    return usageError(`${command} takes one email address or mobile number.`);
  const identifier = parseIdentifier(typed);
  if (!identifier.ok) return usageError(`${identifier.message}.`);
  let requestReference: string | undefined;
  if (values.request !== undefined) {
    const reference = parseRequestReference(values.request);
    if (!reference.ok) return usageError(reference.message);
    requestReference = reference.value;
  }
  const which = { identifier: identifier.value, ...(requestReference !== undefined && { requestReference }) };
  return command === 'erase' ? { command, ...which, yes: values.yes ?? false } : { command: 'export', ...which };
}

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      yes: { type: 'boolean' },
      request: { type: 'string' },
      since: { type: 'string' },
    },
  });
}
