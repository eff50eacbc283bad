/**
 * A process killed in the middle of writing a group of bookings: it writes the group's rows, says so on stdout
 * while its transaction is still open (from the callback that builds the last entry's jobs), then waits there to
 * be killed. Run by tests/unit/group-commit.test.ts with the store's settings in the environment.
 */
import { bookingJobs } from '#functions/intake/lead-jobs.ts';
import { generateReference } from '#functions/intake/reference.ts';
import { recordBookingRequests } from '#functions/store/leads.ts';
import { openStore } from '#functions/store/open.ts';
import { adultBooking, guardianLinks } from './lead-fixtures.ts';

const submissionIds = JSON.parse(process.env.SUBMISSION_IDS ?? '[]') as string[];
const store = await openStore({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.env.DATA_DIR ?? '',
});
const requests = submissionIds.map((submissionId) => adultBooking({ submissionId }));
await recordBookingRequests(
  store.db,
  requests.map((request, index) => ({
    lead: request,
    jobsFor: (reference, requestedAt) => {
      if (index === requests.length - 1) {
        process.stdout.write('in the transaction\n');
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
      }
      return bookingJobs(request, reference, requestedAt, guardianLinks(reference));
    },
  })),
  generateReference,
);
