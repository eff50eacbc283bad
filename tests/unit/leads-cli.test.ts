import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import { openStore } from '#functions/store/open.ts';
import { adultBooking, guardianLinks, minorBooking, newsletterLinks } from '../support/lead-fixtures.ts';
import { type CommandResult, runStaffCommand } from '../support/staff-command.ts';
import { pgliteBackend } from '../support/store-backends.ts';

let dataDir = '';
let cleanUp = () => {};
const references = { adult: '', minor: '', newsletter: '', rights: '' };

function leads(...args: string[]): Promise<CommandResult> {
  return runStaffCommand('functions/commands/leads.ts', dataDir, args);
}

beforeAll(async () => {
  const empty = await pgliteBackend.emptyStore();
  dataDir = empty.config.dataDir;
  cleanUp = empty.cleanUp;
  // The embedded database allows one process at a time: fill it, then close it for the command.
  const store = await openStore(empty.config);
  try {
    references.adult = (await storeBookingRequest(store.db, adultBooking(), guardianLinks)).reference;
    references.minor = (await storeBookingRequest(store.db, minorBooking(), guardianLinks)).reference;
    references.newsletter = (
      await storeNewsletterSignup(
        store.db,
        { submissionId: crypto.randomUUID(), email: 'reader@example.com', locale: 'en' },
        newsletterLinks,
      )
    ).reference;
    const rightsRequest = {
      submissionId: crypto.randomUUID(),
      requestType: 'correction',
      fullName: 'Asha Rao',
      mobile: '+919876543210',
      requesterRole: 'self',
      locale: 'en',
      details: 'My date of birth is wrong.',
    } as const;
    references.rights = (
      await storeRightsRequest(store.db, rightsRequest, new Date(), {
        acknowledgeWithinHours: 48,
        resolveWithinDays: 30,
      })
    ).reference;
  } finally {
    await store.close();
  }
}, 60_000);

afterAll(() => cleanUp());

describe('npm run leads', () => {
  it('status: counts leads and jobs', async () => {
    const { code, stdout } = await leads('status');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Booking requests\s+2\n/);
    expect(stdout).toMatch(/Newsletter subscriptions\s+1 pending, 0 confirmed, 0 unsubscribed\n/);
    expect(stdout).toMatch(/Privacy requests\s+1\n/);
    expect(stdout).toMatch(/crm\.rights-request\s+pending\s+1\n/);
    expect(stdout).toMatch(/Oldest pending job\s+\d+ (seconds?|minutes?) old\n/);
    expect(stdout).toMatch(/crm\.booking\s+pending\s+2\n/);
    expect(stdout).toMatch(/email\.newsletter-confirmation\s+pending\s+1\n/);
  }, 30_000);

  it('list: the latest bookings without phone numbers or email addresses', async () => {
    const { code, stdout } = await leads('list');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^REFERENCE\s+CREATED \(Asia\/Kolkata\)\s+TREATMENT\s+BRANCH\s+MINOR\n/);
    expect(stdout).toMatch(
      new RegExp(
        `${references.minor}\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+teeth-whitening\\s+bengaluru-indiranagar\\s+yes`,
      ),
    );
    expect(stdout).toMatch(new RegExp(`${references.adult}\\s.*\\sno\\n`));
    expect(stdout).not.toMatch(/\+91|@|Asha|Kiran/);
  }, 30_000);

  it('show: one booking in full with its jobs, the reference typed in any case', async () => {
    const { code, stdout } = await leads('show', references.minor.toLowerCase());
    expect(code).toBe(0);
    expect(stdout).toContain(`Booking request ${references.minor}`);
    expect(stdout).toMatch(/Mobile\s+—\n/);
    expect(stdout).toMatch(/Date of birth\s+2011-03-10 \(minor\)\n/);
    expect(stdout).toMatch(
      /Guardian\s+Asha Rao \(parent\), \+919876543210, asha@example\.com, ticked consent \d{4}-\d\d-\d\d \d\d:\d\d\n/,
    );
    expect(stdout).toMatch(/Guardian consent\s+pending since \d{4}-/);
    expect(stdout).toMatch(/Help wanted with\s+A chipped front tooth\n/);
    expect(stdout).toMatch(/Email news\s+no\n/);
    expect(stdout).toMatch(/crm\.booking\s+pending\s+0\s+\d{4}-/);
    expect(stdout).not.toContain('email.booking-confirmation');
  }, 30_000);

  it('show: a newsletter subscription', async () => {
    const { code, stdout } = await leads('show', references.newsletter);
    expect(code).toBe(0);
    expect(stdout).toContain(`Newsletter subscription ${references.newsletter}`);
    expect(stdout).toMatch(/Status\s+pending\n/);
    expect(stdout).toMatch(/email\.newsletter-confirmation\s+pending/);
  }, 30_000);

  it('show: a privacy request', async () => {
    const { code, stdout } = await leads('show', references.rights);
    expect(code).toBe(0);
    expect(stdout).toContain(`Privacy request ${references.rights}`);
    expect(stdout).toMatch(/Request\s+Correct or complete my information\n/);
    expect(stdout).toMatch(/About\s+their own information\n/);
    expect(stdout).toMatch(/crm\.rights-request\s+pending/);
  }, 30_000);

  it('show: exit code 1 for an unknown reference, 2 for something that is not one', async () => {
    expect(await leads('show', 'KC-2222-2222')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'No booking request or newsletter subscription has the reference KC-2222-2222.\n',
    });
    const notAReference = await leads('show', 'KC-1234');
    expect(notAReference.code).toBe(2);
    expect(notAReference.stderr).toMatch(/^Not a reference: KC-1234 \(references look like KC-7Q4M-X2P9\)\.\n\nUsage:/);
  }, 30_000);

  it('--help explains the commands; wrong usage exits with 2 and the help', async () => {
    const wrongUsage = [
      [[], 'Name a command.'],
      [['delete'], 'Unknown command: delete'],
      [['list', 'extra'], 'list takes no arguments.'],
      [['show'], 'show takes one reference.'],
      [['status', '--verbose'], "Unknown option '--verbose'"],
      [['failed', 'all'], 'failed takes no arguments.'],
      [['retry'], 'retry takes one job ID or reference.'],
      [['retry', 'everything'], 'Neither a job ID nor a reference: everything'],
      [['show', 'KC-2222-2222', '--by', 'Meera'], 'show takes no options.'],
      [['verify-guardian'], 'verify-guardian takes one reference.'],
      [
        ['verify-guardian', 'KC-2222-2222', '--by', 'Meera'],
        'Say how the consent was verified: --method phone or in-person.',
      ],
      [['verify-guardian', 'KC-2222-2222', '--method', 'email-link', '--by', 'Meera'], '--method phone or in-person'],
      [['verify-guardian', 'KC-2222-2222', '--method', 'phone'], 'Give your name with --by'],
      [['verify-guardian', 'KC-2222-2222', '--method', 'phone', '--by', '  '], 'Give your name with --by'],
    ] as const;
    // Each is a process of its own that answers before opening the store: they run side by side.
    const [help, ...refused] = await Promise.all([leads('--help'), ...wrongUsage.map(([args]) => leads(...args))]);
    expect(help?.code).toBe(0);
    expect(help?.stdout).toMatch(/^Usage: npm run leads -- <command>/);
    expect(help?.stdout).toContain('show <reference>');
    expect(help?.stdout).toContain('failed ');
    expect(help?.stdout).toContain('retry <job-id|reference>');
    expect(help?.stdout).toContain('verify-guardian <reference> --method phone|in-person --by <name>');
    for (const [index, [args, message]] of wrongUsage.entries()) {
      const result = refused[index];
      expect(result?.code, args.join(' ')).toBe(2);
      expect(result?.stderr, args.join(' ')).toContain(message);
      expect(result?.stderr).toContain('Usage: npm run leads');
    }
  }, 60_000);

  it('failed: the dead jobs; retry: queues one again by job ID or every one of a lead by reference', async () => {
    const store = await openStore({ dataDir });
    const dead = await store.db
      .updateTable('outbox_jobs')
      .set({ status: 'dead', attempts: 10, last_error: 'Resend answered 422: invalid recipient' })
      .where('lead_reference', '=', references.adult)
      .where('kind', 'in', ['email.front-desk', 'email.booking-confirmation'])
      .returning(['id', 'kind'])
      .execute()
      .finally(() => store.close());
    const frontDesk = dead.find((job) => job.kind === 'email.front-desk');
    const confirmation = dead.find((job) => job.kind === 'email.booking-confirmation');
    if (!frontDesk || !confirmation) throw new Error('Expected two dead jobs');

    const failed = await leads('failed');
    expect(failed.code).toBe(0);
    expect(failed.stdout).toMatch(
      /^JOB ID\s+KIND\s+REFERENCE\s+ATTEMPTS\s+DEAD SINCE \(Asia\/Kolkata\)\s+LAST ERROR\n/,
    );
    for (const job of dead) {
      expect(failed.stdout).toMatch(
        new RegExp(
          `${job.id}\\s+${job.kind}\\s+${references.adult}\\s+10\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s+Resend answered 422: invalid recipient\\n`,
        ),
      );
    }

    expect(await leads('retry', frontDesk.id.toUpperCase())).toEqual({
      code: 0,
      stdout: `Queued again: 1 job\n  ${frontDesk.id}  email.front-desk  ${references.adult}\n`,
      stderr: '',
    });
    expect(await leads('retry', frontDesk.id)).toMatchObject({
      code: 1,
      stderr: `No dead job has the ID ${frontDesk.id}.\n`,
    });
    expect(await leads('retry', references.adult.toLowerCase())).toMatchObject({
      code: 0,
      stdout: `Queued again: 1 job\n  ${confirmation.id}  email.booking-confirmation  ${references.adult}\n`,
    });
    expect(await leads('retry', references.adult)).toMatchObject({
      code: 1,
      stderr: `${references.adult} has no dead jobs.\n`,
    });
    expect(await leads('failed')).toMatchObject({ code: 0, stdout: 'No failed jobs.\n' });
  }, 60_000);

  it("verify-guardian: records the front desk's verification of a minor's request once, and queues the deal's update", async () => {
    const verified = await leads(
      'verify-guardian',
      references.minor.toLowerCase(),
      '--method',
      'phone',
      '--by',
      'Meera (front desk)',
    );
    expect(verified).toMatchObject({ code: 0, stderr: '' });
    expect(verified.stdout).toMatch(
      new RegExp(
        `^${references.minor}: guardian consent verified \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d: confirmed with the parent or guardian on a phone call, recorded by Meera \\(front desk\\)\\.\nThe worker marks the deal in the CRM verified\\.\n$`,
      ),
    );

    const again = await leads('verify-guardian', references.minor, '--method', 'in-person', '--by', 'Ravi');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('the guardian consent was already verified');
    expect(again.stdout).toContain('on a phone call, recorded by Meera (front desk). Nothing changed.');

    const shown = await leads('show', references.minor);
    expect(shown.stdout).toMatch(/Guardian consent\s+verified .+ on a phone call, recorded by Meera \(front desk\)\n/);
    expect(shown.stdout).toMatch(/crm\.guardian-consent\s+pending\s+0\s/);
    expect(shown.stdout.match(/crm\.guardian-consent/g)).toHaveLength(1);

    expect(await leads('verify-guardian', references.adult, '--method', 'phone', '--by', 'Meera')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `${references.adult} is not a request for a patient under 18 that awaits a guardian's consent.\n`,
    });
    expect(await leads('verify-guardian', 'KC-2222-2222', '--method', 'phone', '--by', 'Meera')).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^No booking request has the reference KC-2222-2222\./),
    });
    for (const [args, message] of [
      [['show', references.minor, '--by', 'Meera'], 'show takes no options.'],
      [['verify-guardian', references.minor, '--method', 'email-link', '--by', 'Meera'], '--method phone or in-person'],
      [['verify-guardian', references.minor, '--method', 'phone', '--by', ' '], 'Give your name with --by'],
    ] as const) {
      const result = await leads(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  }, 90_000);
});
