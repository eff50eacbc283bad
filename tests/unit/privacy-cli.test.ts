import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePrivacyArgs } from '#functions/commands/privacy-args.ts';
import { storeBookingRequest, storeNewsletterSignup, storeRightsRequest } from '#functions/intake/lead-records.ts';
import { parseIdentifier, parseRequestReference } from '#functions/privacy/identifier.ts';
import { openStore } from '#functions/store/open.ts';
import { adultBooking, guardianLinks, newsletterLinks } from '../support/lead-fixtures.ts';
import { type CommandResult, runStaffCommand } from '../support/staff-command.ts';
import { pgliteBackend } from '../support/store-backends.ts';

let dataDir = '';
let cleanUp = () => {};
let reference = '';
let erasureRequest = '';

function privacy(...args: string[]): Promise<CommandResult> {
  return runStaffCommand('functions/commands/privacy.ts', dataDir, args);
}

describe('privacy command arguments', () => {
  it('reads an email address in lower case and a mobile number as E.164', () => {
    expect(parseIdentifier('  Asha@Example.COM ')).toEqual({
      ok: true,
      value: { type: 'email', email: 'asha@example.com' },
    });
    for (const typed of ['98765 43210', '+91 98765-43210', '09876543210', '919876543210']) {
      expect(parseIdentifier(typed), typed).toEqual({ ok: true, value: { type: 'mobile', mobile: '+919876543210' } });
    }
    expect(parseIdentifier('+44 7911 123456')).toEqual({
      ok: true,
      value: { type: 'mobile', mobile: '+447911123456' },
    });
  });

  it('takes a request reference that cannot be a contact detail', () => {
    expect(parseRequestReference('GRV-2026/014')).toEqual({ ok: true, value: 'GRV-2026/014' });
    for (const contact of ['asha@example.com', '9876543210', '+919876543210', 'two words', '']) {
      expect(parseRequestReference(contact).ok, contact).toBe(false);
    }
  });

  it('turns good arguments into a command', () => {
    expect(parsePrivacyArgs(['export', 'Asha@example.com'])).toEqual({
      command: 'export',
      identifier: { type: 'email', email: 'asha@example.com' },
    });
    expect(parsePrivacyArgs(['erase', '98765 43210', '--yes', '--request', 'GRV-2026/014'])).toEqual({
      command: 'erase',
      identifier: { type: 'mobile', mobile: '+919876543210' },
      requestReference: 'GRV-2026/014',
      yes: true,
    });
    expect(parsePrivacyArgs(['erase', 'asha@example.com'])).toMatchObject({ command: 'erase', yes: false });
    expect(parsePrivacyArgs(['purge'])).toEqual({ command: 'purge' });
    expect(parsePrivacyArgs(['erasures', '--since', '2026-11-20T02:00:00+05:30'])).toEqual({
      command: 'erasures',
      since: new Date('2026-11-19T20:30:00Z'),
    });
    expect(parsePrivacyArgs(['repeat-erasures', 'KC-7Q4M-X2P9', 'KC-2345-ABCD'])).toEqual({
      command: 'repeat-erasures',
      references: ['KC-7Q4M-X2P9', 'KC-2345-ABCD'],
    });
    expect(parsePrivacyArgs(['--help'])).toEqual({ command: 'help' });
    expect(parsePrivacyArgs(['erase', '-h'])).toEqual({ command: 'help' });
  });

  it('names each mistake', () => {
    const cases: [string[], string][] = [
      [[], 'Name a command.'],
      [['delete', 'asha@example.com'], 'Unknown command: delete'],
      [['export'], 'export takes one email address or mobile number.'],
      [['erase', 'asha@example.com', '98765 43210'], 'erase takes one email address or mobile number.'],
      [['export', 'asha@'], 'Not an email address: asha@.'],
      [
        ['export', 'Asha Rao'],
        'Neither an email address nor a mobile number: Asha Rao (Use digits only, with spaces or dashes if you like, and + before a country code.).',
      ],
      [
        ['erase', '12345'],
        'Neither an email address nor a mobile number: 12345 (This number is too short. Check the digits.).',
      ],
      [['purge', 'now'], 'purge takes no arguments.'],
      [['purge', '--request', 'GRV-1'], '--request is for export and erase.'],
      [['export', 'asha@example.com', '--yes'], '--yes is for erase only.'],
      [['purge', '--yes'], '--yes is for erase only.'],
      [['erasures'], 'erasures needs --since <time>, an ISO 8601 date or date and time.'],
      [['erasures', '--since', 'last week'], 'erasures needs --since <time>'],
      [['erasures', 'KC-7Q4M-X2P9', '--since', '2026-11-20'], 'erasures takes no arguments, only --since.'],
      [['export', 'asha@example.com', '--since', '2026-11-20'], '--since is for erasures only.'],
      [['repeat-erasures'], 'repeat-erasures takes the references to erase again.'],
      [
        ['repeat-erasures', 'asha@example.com'],
        'Not a lead reference: asha@example.com (they look like KC-7Q4M-X2P9).',
      ],
      [['export', 'asha@example.com', '--verbose'], "Unknown option '--verbose'"],
      [['export', 'asha@example.com', '--request'], "Option '--request <value>' argument missing"],
    ];
    for (const [args, message] of cases) {
      const parsed = parsePrivacyArgs(args);
      expect(parsed.command, args.join(' ')).toBe('usage-error');
      expect(parsed.command === 'usage-error' && parsed.message, args.join(' ')).toContain(message);
    }
    expect(parsePrivacyArgs(['erase', 'asha@example.com', '--request', 'asha@example.com'])).toEqual({
      command: 'usage-error',
      message:
        'Not a request reference: asha@example.com (a request reference is your ticket or letter number ' +
        '(letters, digits and . _ / # : -, at most 64 characters), never an email address or phone number).',
    });
  });
});

describe('npm run privacy', () => {
  beforeAll(async () => {
    const empty = await pgliteBackend.emptyStore();
    dataDir = empty.config.dataDir;
    cleanUp = empty.cleanUp;
    // The embedded database allows one process at a time: fill it, then close it for the command.
    const store = await openStore(empty.config);
    try {
      reference = (await storeBookingRequest(store.db, adultBooking(), guardianLinks)).reference;
      await storeNewsletterSignup(
        store.db,
        { submissionId: randomUUID(), email: 'asha@example.com', locale: 'en' },
        newsletterLinks,
      );
      const request = {
        submissionId: randomUUID(),
        requestType: 'erasure',
        fullName: 'Asha Rao',
        email: 'asha@example.com',
        requesterRole: 'self',
        locale: 'en',
      } as const;
      const deadlines = { acknowledgeWithinHours: 48, resolveWithinDays: 30 };
      erasureRequest = (await storeRightsRequest(store.db, request, new Date(), deadlines)).reference;
      await storeBookingRequest(
        store.db,
        adultBooking({ fullName: 'Ravi Kumar', mobile: '99887 76655', email: '', consents: { privacyNotice: true } }),
        guardianLinks,
      );
    } finally {
      await store.close();
    }
  }, 60_000);

  afterAll(() => cleanUp());

  it('export prints JSON of the person on stdout and a count on stderr', async () => {
    const { code, stdout, stderr } = await privacy('export', 'ASHA@example.com', '--request', 'GRV-7');
    expect(code).toBe(0);
    const exported = JSON.parse(stdout);
    expect(exported.identifier).toEqual({ type: 'email', email: 'asha@example.com' });
    expect(exported.bookingRequests).toMatchObject([
      { matchedOn: ['email'], record: { reference, full_name: 'Asha Rao', help_text: 'A chipped front tooth' } },
    ]);
    expect(exported.bookingRequests[0].outboxJobs.map((job: { kind: string }) => job.kind).sort()).toEqual([
      'crm.booking',
      'email.booking-confirmation',
      'email.front-desk',
    ]);
    expect(exported.newsletterSubscriptions).toHaveLength(1);
    expect(exported.rightsRequests).toMatchObject([
      { matchedOn: ['email'], record: { reference: erasureRequest, request_type: 'erasure' } },
    ]);
    expect(stdout).not.toContain('Ravi');
    expect(stderr).toMatch(
      /^Exported 1 booking request \(1 by email\), 1 newsletter subscription, 1 data-rights request \(1 by email\), 6 outbox jobs\. Audit entry [0-9a-f-]{36} \(counts only\)\.\n$/,
    );
  }, 30_000);

  it('erase refuses to drop undelivered jobs without --yes', async () => {
    const refused = await privacy('erase', '98765 43210');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'Nothing erased: erasing would drop 3 jobs not yet delivered (3 waiting), so that lead, withdrawal or ' +
        'data-rights request would never reach the front desk or the CRM.\n' +
        'Found 1 booking request (1 by mobile), 0 newsletter subscriptions, 0 data-rights requests, 3 outbox jobs.\n' +
        'Run again with --yes to erase anyway.\n',
    );
  }, 30_000);

  it('erase --yes erases all the same, and the person is gone', async () => {
    const erased = await privacy('erase', 'asha@example.com', '--yes', '--request', erasureRequest);
    expect(erased.code).toBe(0);
    expect(erased.stdout).toMatch(
      /^Erased 1 booking request \(1 by email\), 1 newsletter subscription, 1 data-rights request \(1 by email\), 6 outbox jobs\.\nDropped 6 jobs not yet delivered \(6 waiting\)\.\nThe person's data-rights requests are erased too, an erasure request made on the website included: the audit entry \(with the --request reference\) is the record that it was handled\.\nAudit entry [0-9a-f-]{36} \(counts only\)\.\nQueued crm\.erasure: HubSpot deletes .*\nStaff must still delete, by hand: the emails sent to this person in Resend .* and the front desk's booking emails about them in the front-desk mailbox/,
    );

    const after = await privacy('export', '+919876543210');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({
      bookingRequests: [],
      newsletterSubscriptions: [],
      rightsRequests: [],
      otherOutboxJobs: [],
    });
  }, 60_000);

  it('purge applies the retention periods and prints one line of counts', async () => {
    const { code, stdout } = await privacy('purge');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Retention purge: booking requests 0 deleted \(0 jobs\), 0 kept until delivered; .*\n$/);
  }, 30_000);

  it('--help explains the commands; wrong usage exits with 2 and the help', async () => {
    const help = await privacy('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run privacy -- <command>/);
    for (const command of [
      'export <email-or-mobile>',
      'erase <email-or-mobile>',
      'purge',
      '--request <ref>',
      '--yes',
    ]) {
      expect(help.stdout).toContain(command);
    }
    const wrong = await privacy('erase', 'asha@example.com', '--request', '9876543210');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^Not a request reference: 9876543210 .*\n\nUsage: npm run privacy/);
  }, 30_000);

  it('kept an audit entry for each export, erasure and purge, with no identifier', async () => {
    const store = await openStore({ dataDir });
    try {
      const audit = await store.db
        .selectFrom('privacy_audit')
        .select(['action', 'request_reference', 'counts'])
        .orderBy('performed_at')
        .execute();
      expect(audit.map((row) => [row.action, row.request_reference])).toEqual([
        ['export', 'GRV-7'],
        ['erase', erasureRequest],
        ['export', null],
        ['purge', null],
      ]);
      expect(JSON.stringify(audit)).not.toMatch(/asha|9876543210/i);
    } finally {
      await store.close();
    }
  }, 30_000);
});
