/**
 * The staff command line for leads: `npm run leads -- status | list | show <reference> | failed | retry <job> |
 * verify-guardian <reference> --method phone|in-person --by <name>`.
 */
import { parseArgs } from 'node:util';
import { type StaffGuardianConsentMethod, staffGuardianConsentMethods } from '#functions/clinic/form-choices.ts';
import { retention } from '#functions/clinic/retention.ts';
import { verifyGuardian } from '#functions/intake/guardian-consent.ts';
import { normaliseReference } from '#functions/intake/reference.ts';
import { countLeads, findLeadByReference, latestBookings } from '#functions/store/lead-reports.ts';
import { listDeadJobs, retryDeadJobs } from '#functions/store/outbox.ts';
import {
  bookingListText,
  deadJobsText,
  guardianVerificationText,
  leadText,
  retriedJobsText,
  statusText,
} from './leads-report.ts';
import { type CommandContext, exitCode, runStaffCommand, type StaffCommand, usageError } from './staff-command.ts';

const usage = `Usage: npm run leads -- <command>

Commands:
  status              counts of booking requests, newsletter subscriptions by status and outbox jobs
                      by kind and status, and the age of the oldest pending job
  list                the latest 20 booking requests (reference, time, treatment, branch, minor; no contacts)
  show <reference>    one booking request or newsletter subscription in full, with its outbox jobs
  failed              the dead outbox jobs, given up on after their last attempt or refused by the
                      provider: job ID, kind, reference, attempts, last error and when
  retry <job-id|reference>
                      queue a dead job again (or every dead job of one lead) with a fresh set of
                      attempts, once the cause is fixed; the worker takes it at its next look
  verify-guardian <reference> --method phone|in-person --by <name>
                      record that the parent or guardian of a patient under 18 confirmed, on your call
                      (phone) or at the clinic (in-person), that they are the patient's parent or legal
                      guardian and agree to the request; the worker then marks the CRM deal verified.
                      A request still unverified ${retention.unverifiedMinorRequestDays} days after it was made is deleted

Options:
  --method <how>      verify-guardian: phone or in-person
  --by <name>         verify-guardian: your name, as the record of who verified it
  -h, --help          show this help

Reads DATABASE_URL (a PostgreSQL server) or else DATA_DIR (the embedded database, default .data),
like the server. The embedded database opens in one process only: while the server has it open, the
command runs through the server.

Exit codes: 0 done, 1 not found or failed, 2 wrong usage.`;

const listLength = 20;
const commands = ['status', 'list', 'show', 'failed', 'retry', 'verify-guardian'];
const takesOperand = ['show', 'retry', 'verify-guardian'];
const maxStaffNameLength = 100;
const jobIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isStaffMethod = (method: string): method is StaffGuardianConsentMethod =>
  (staffGuardianConsentMethods as readonly string[]).includes(method);

async function main(args: string[], context: CommandContext): Promise<number> {
  const refuse = (message: string) => usageError(context, usage, message);
  const print = (lines: string[]) => {
    context.out(lines.join('\n'));
    return exitCode.done;
  };
  let positionals: string[];
  let values: { method?: string | undefined; by?: string | undefined };
  try {
    ({ positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { method: { type: 'string' }, by: { type: 'string' } },
    }));
  } catch (error) {
    return refuse((error as Error).message);
  }

  const [command, ...operands] = positionals;
  if (command === undefined) return refuse('Name a command.');
  if (!commands.includes(command)) return refuse(`Unknown command: ${command}`);
  if (!takesOperand.includes(command) && operands.length > 0) {
    return refuse(`${command} takes no arguments.`);
  }
  if (command !== 'verify-guardian' && (values.method !== undefined || values.by !== undefined)) {
    return refuse(`${command} takes no options.`);
  }
  if (command === 'status') return context.withStore(async (db) => print(statusText(await countLeads(db))));
  if (command === 'list') {
    return context.withStore(async (db) => print(bookingListText(await latestBookings(db, listLength))));
  }
  if (command === 'failed') return context.withStore(async (db) => print(deadJobsText(await listDeadJobs(db))));

  const [typed, ...extra] = operands;
  if (command === 'retry') {
    if (typed === undefined || extra.length > 0) return refuse('retry takes one job ID or reference.');
    const reference = normaliseReference(typed);
    const which = reference
      ? { leadReference: reference }
      : jobIdPattern.test(typed)
        ? { jobId: typed.toLowerCase() }
        : undefined;
    if (!which) return refuse(`Neither a job ID nor a reference: ${typed} (npm run leads -- failed lists them).`);
    return context.withStore(async (db) => {
      const retried = await retryDeadJobs(db, which);
      if (retried.length > 0) return print(retriedJobsText(retried));
      context.err(reference ? `${reference} has no dead jobs.` : `No dead job has the ID ${typed}.`);
      return exitCode.failed;
    });
  }
  if (command === 'verify-guardian') {
    if (typed === undefined || extra.length > 0) return refuse('verify-guardian takes one reference.');
    const reference = normaliseReference(typed);
    if (!reference) return refuse(`Not a reference: ${typed} (references look like KC-7Q4M-X2P9).`);
    const { method, by } = values;
    if (method === undefined || !isStaffMethod(method)) {
      return refuse(`Say how the consent was verified: --method ${staffGuardianConsentMethods.join(' or ')}.`);
    }
    const verifiedBy = by?.trim() ?? '';
    if (verifiedBy === '' || verifiedBy.length > maxStaffNameLength) {
      return refuse(
        `Give your name with --by (at most ${maxStaffNameLength} characters): the record says who verified it.`,
      );
    }
    return context.withStore(async (db) => {
      const outcome = await verifyGuardian(db, reference, { method, verifiedBy });
      const lines = guardianVerificationText(reference, outcome);
      if (outcome.status === 'verified' || outcome.status === 'already-verified') return print(lines);
      context.err(lines.join('\n'));
      return exitCode.failed;
    });
  }
  if (typed === undefined || extra.length > 0) return refuse('show takes one reference.');
  const reference = normaliseReference(typed);
  if (!reference) return refuse(`Not a reference: ${typed} (references look like KC-7Q4M-X2P9).`);
  return context.withStore(async (db) => {
    const lead = await findLeadByReference(db, reference);
    if (lead) return print(leadText(lead));
    context.err(`No booking request or newsletter subscription has the reference ${reference}.`);
    return exitCode.failed;
  });
}

export const leadsCommand: StaffCommand = { name: 'leads', usage, main };

if (import.meta.main) await runStaffCommand(leadsCommand);
