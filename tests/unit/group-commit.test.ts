/**
 * The booking intake's group commit on both backends: concurrent submissions are written together, each with its
 * own reference and answer; a repeated submission is stored once, inside a group or across groups; a group with
 * one bad row stores the others; and a group cut short stores all of itself or none.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { BookingRequest } from '#functions/forms/booking-schema.ts';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import { storeBookingRequests } from '#functions/intake/lead-records.ts';
import { generateReference } from '#functions/intake/reference.ts';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import { recordBookingRequests } from '#functions/store/leads.ts';
import { openStore } from '#functions/store/open.ts';
import { adultBooking, guardianLinks } from '../support/lead-fixtures.ts';
import { emptyStoreForSuite, type OpenedStore, pgliteBackend, postgresBackend } from '../support/store-backends.ts';

async function storedFor(opened: OpenedStore, submissionIds: readonly string[]) {
  const { db } = opened.store;
  const bookings = await db
    .selectFrom('booking_requests')
    .select(['id', 'submission_id', 'reference'])
    .where('submission_id', 'in', [...submissionIds])
    .execute();
  const jobs =
    bookings.length === 0
      ? []
      : await db
          .selectFrom('outbox_jobs')
          .select(['booking_request_id'])
          .where(
            'booking_request_id',
            'in',
            bookings.map((booking) => booking.id),
          )
          .execute();
  return { bookings, jobs };
}

/** The booking intake's writer, with the size of every group it wrote. */
function groupCommit(opened: OpenedStore) {
  const groups: number[] = [];
  const write = createGroupCommit({
    writeGroup: (requests: readonly BookingRequest[]) => {
      groups.push(requests.length);
      return storeBookingRequests(
        opened.store.db,
        requests.map((request) => ({ request, guardianLinkFor: guardianLinks })),
      );
    },
  });
  return { write, groups };
}

describe.each([pgliteBackend, postgresBackend])('the group commit of bookings on $name', (backend) => {
  const opened = emptyStoreForSuite(backend);

  it('writes concurrent submissions together, each with its own reference and answer', async () => {
    const { write, groups } = groupCommit(opened);
    const requests = Array.from({ length: 30 }, () => adultBooking({ submissionId: randomUUID() }));

    const answers = await Promise.all(requests.map(write));

    expect(answers.every((answer) => answer.created)).toBe(true);
    expect(new Set(answers.map((answer) => answer.reference)).size).toBe(30);
    expect(groups.reduce((sum, size) => sum + size, 0)).toBe(30);
    expect(groups.length).toBeLessThan(30);
    expect(Math.max(...groups)).toBeGreaterThan(1);
    const stored = await storedFor(
      opened,
      requests.map((request) => request.submissionId),
    );
    expect(new Map(stored.bookings.map((row) => [row.submission_id, row.reference]))).toEqual(
      new Map(requests.map((request, index) => [request.submissionId, answers[index]?.reference])),
    );
    // Each adult booking with an email address has three jobs: the CRM, the front desk, the confirmation.
    expect(stored.jobs).toHaveLength(90);
  });

  it('stores a submission repeated inside one group, and across groups, once', async () => {
    const { write, groups } = groupCommit(opened);
    const submissionId = randomUUID();
    const others = Array.from({ length: 5 }, () => adultBooking({ submissionId: randomUUID() }));

    const [first, ...rest] = await Promise.all(
      [adultBooking({ submissionId }), others[0], adultBooking({ submissionId }), ...others.slice(1)].map((request) =>
        write(request as BookingRequest),
      ),
    );
    const again = await write(adultBooking({ submissionId }));

    expect(groups[0]).toBeGreaterThan(2);
    expect(first?.created).toBe(true);
    expect(rest[1]).toEqual({ reference: first?.reference, created: false });
    expect(again).toEqual({ reference: first?.reference, created: false });
    const stored = await storedFor(opened, [submissionId]);
    expect(stored.bookings).toHaveLength(1);
    expect(stored.jobs).toHaveLength(3);
  });

  it('stores the others of a group with one row the database refuses, and refuses that one alone', async () => {
    const { write, groups } = groupCommit(opened);
    const good = Array.from({ length: 4 }, () => adultBooking({ submissionId: randomUUID() }));
    // Only the schema stands between a form and this: the table's own check refuses a number that is not E.164.
    const bad = { ...adultBooking({ submissionId: randomUUID() }), mobile: '98765 43210' };

    const outcomes = await Promise.allSettled([...good.slice(0, 2), bad, ...good.slice(2)].map(write));

    expect(groups[0]).toBe(5);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const stored = await storedFor(
      opened,
      [...good, bad].map((request) => request.submissionId),
    );
    expect(stored.bookings.map((row) => row.submission_id).sort()).toEqual(
      good.map((request) => request.submissionId).sort(),
    );
    expect(stored.jobs).toHaveLength(12);
  });

  it('writes all of a group or none of it when it fails part-way', async () => {
    const requests = Array.from({ length: 4 }, () => adultBooking({ submissionId: randomUUID() }));
    const failing = recordBookingRequests(
      opened.store.db,
      requests.map((request, index) => ({
        lead: request,
        jobsFor: (reference, requestedAt) => {
          if (index === 3) throw new Error('The process stops here');
          return bookingJobs(request, reference, requestedAt, guardianLinks(reference));
        },
      })),
      generateReference,
    );

    await expect(failing).rejects.toThrow('The process stops here');
    expect(
      await storedFor(
        opened,
        requests.map((request) => request.submissionId),
      ),
    ).toEqual({ bookings: [], jobs: [] });
  });

  it('stores all of a group or none of it when its process is killed while writing it', {
    timeout: 60_000,
  }, async () => {
    const empty = await backend.emptyStore();
    try {
      const submissionIds = Array.from({ length: 3 }, () => randomUUID());
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/group-commit-crash.ts'], {
        env: {
          ...process.env,
          SUBMISSION_IDS: JSON.stringify(submissionIds),
          DATABASE_URL: empty.config.databaseUrl ?? '',
          DATA_DIR: empty.config.dataDir,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [line] = (await once(child.stdout, 'data')) as [Buffer];
      expect(line.toString()).toBe(empty.config.databaseUrl ? 'in the statement\n' : 'making the statement\n');
      child.kill('SIGKILL');
      await once(child, 'exit');

      const reopened = await openStore(empty.config);
      try {
        // PostgreSQL finishes a statement whose client has gone (the row it waited for went with the process), and
        // commits it whole; the embedded database never got it.
        const stored = await storedFor({ ...opened, store: reopened }, submissionIds);
        expect(stored.bookings.length === 0 || stored.bookings.length === 3).toBe(true);
        expect(stored.jobs).toHaveLength(3 * stored.bookings.length);
        // The store works on after the crash.
        const request = adultBooking({ submissionId: randomUUID() });
        expect(await storeBookingRequests(reopened.db, [{ request, guardianLinkFor: guardianLinks }])).toMatchObject([
          { created: true },
        ]);
      } finally {
        await reopened.close();
      }
    } finally {
      empty.cleanUp();
    }
  });
});
