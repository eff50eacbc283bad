/**
 * A process killed in the middle of writing a group of bookings, run by tests/unit/group-commit.test.ts with the
 * store's settings in the environment. It says on stdout where it is, then waits there to be killed:
 * - on PostgreSQL, while the group's statement is under way in the database: another connection of this process
 *   holds an uncommitted row with the last booking's submission ID, so the statement, its first rows written,
 *   waits for that transaction (which dies with the process);
 * - on the embedded database, which runs a statement without yielding, while the group's statement is being made
 *   (from the callback that builds the last entry's jobs).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import { generateReference } from '#functions/intake/reference.ts';
import { recordBookingRequests } from '#functions/store/leads.ts';
import { openStore } from '#functions/store/open.ts';
import { adultBooking, guardianLinks } from './lead-fixtures.ts';

const submissionIds = JSON.parse(process.env.SUBMISSION_IDS ?? '[]') as string[];
const databaseUrl = process.env.DATABASE_URL || undefined;
const store = await openStore({ databaseUrl, dataDir: process.env.DATA_DIR ?? '' });
const requests = submissionIds.map((submissionId) => adultBooking({ submissionId }));
const waitToBeKilled = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);

let holder: pg.Client | undefined;
if (databaseUrl) {
  holder = new pg.Client({ connectionString: databaseUrl });
  await holder.connect();
  await holder.query('begin');
  await holder.query(
    `insert into booking_requests (submission_id, reference, treatment, branch, preferred_date, time_window,
       full_name, mobile_e164, date_of_birth, is_minor, consent_privacy_notice_at)
     values ($1, 'KC-HOLD-HOLD', 'teeth-whitening', 'bengaluru-indiranagar', '2026-11-25', 'morning', 'Held',
       '+919876543210', '1990-05-01', false, now())`,
    [submissionIds.at(-1)],
  );
}
const writing = recordBookingRequests(
  store.db,
  requests.map((request, index) => ({
    lead: request,
    jobsFor: (reference, requestedAt) => {
      if (!holder && index === requests.length - 1) {
        process.stdout.write('making the statement\n');
        waitToBeKilled();
      }
      return bookingJobs(request, reference, requestedAt, guardianLinks(reference));
    },
  })),
  generateReference,
);
if (holder) {
  for (;;) {
    const { rows } = await holder.query<{ waiting: number }>(
      `select count(*)::int as waiting from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if (rows[0]?.waiting) break;
    await sleep(20);
  }
  process.stdout.write('in the statement\n');
  waitToBeKilled();
}
await writing;
