// Booking submissions per second that the built server sustains on this machine, with latency, for a few numbers
// of concurrent connections (autocannon posting JSON to /api/booking, each request a new valid booking). Then it
// checks that nothing was lost or stored twice: every 201's reference is stored exactly once, and the rows stored
// equal the 201s. Prints its figures; exits 1 only if that check fails (or a request was refused), never on timing.
// Run: npm run bench:intake [-- --no-build --duration 20 --connections 1,4,16]
// With DATABASE_URL set, the server uses a fresh database it creates on that PostgreSQL server (dropped after).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { openStore, type StoreConfig } from '#functions/store/open.ts';
import { createEmptyDatabase } from '../tests/support/postgres-database.ts';
import { startSite } from '../tests/support/server.ts';
import { bookingBody } from './booking-body.ts';

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '1,4,16' },
  },
});
const durationSeconds = Number(flags.duration);
const connectionCounts = flags.connections.split(',').map(Number);
if (!(durationSeconds > 0) || connectionCounts.some((connections) => !(connections > 0))) {
  console.error('Usage: bench/intake.ts [--no-build] [--duration seconds] [--connections 1,4,16]');
  process.exit(2);
}

const port = 4456;
const formRateLimit = 1_000_000;
const warmUpSeconds = 3;

if (!flags['no-build']) {
  const build = spawnSync('astro', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** A fresh store for the server: a new database on DATABASE_URL's server, or a temporary DATA_DIR for PGlite. */
async function freshStoreConfig(): Promise<{ label: string; config: StoreConfig; dispose(): Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const databaseUrl = await createEmptyDatabase(adminUrl);
    const name = new URL(databaseUrl).pathname.slice(1);
    return {
      label: `PostgreSQL (fresh database ${name})`,
      config: { databaseUrl, dataDir: '/nonexistent' },
      async dispose() {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  return {
    label: 'embedded PGlite (fresh temporary DATA_DIR)',
    config: { dataDir },
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

interface Answer {
  status: number;
  reference?: string;
}

/** Every submission the bench built, by submissionId: its body, and the answer once one came. */
const submissions = new Map<string, { body: string; answer?: Answer }>();
const today = todayInClinic(new Date());
const runId = `intake-${Date.now().toString(36)}`;
let nextIndex = 0;

function answerOf(status: number, text: string): Answer {
  if (status !== 201) return { status };
  const { reference } = JSON.parse(text) as { reference?: unknown };
  return { status, ...(typeof reference === 'string' && { reference }) };
}

interface SubmissionContext {
  submissionId?: string;
}

function load(origin: string, connections: number, duration: number) {
  return autocannon({
    url: origin,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/booking',
        headers: { 'content-type': 'application/json' },
        // A new booking per request; the context carries its id to the answer (one request in flight per connection).
        setupRequest: (request, context: SubmissionContext) => {
          const body = bookingBody(nextIndex++, today, runId);
          const json = JSON.stringify(body);
          submissions.set(body.submissionId, { body: json });
          context.submissionId = body.submissionId;
          return { ...request, body: json };
        },
        onResponse: (status, text, context: SubmissionContext) => {
          const submission = context.submissionId && submissions.get(context.submissionId);
          if (submission) submission.answer = answerOf(status, text);
        },
      },
    ],
  });
}

/**
 * Submissions that were sent but never answered (cut off when a run ended, or timed out) are sent again after
 * the run with the same submissionId, which the intake answers with the first reference, or stores now if the
 * first never arrived. That is what a person's browser does, and it makes every submission countable.
 */
async function settleUnanswered(origin: string): Promise<number> {
  let settled = 0;
  for (const submission of submissions.values()) {
    if (submission.answer) continue;
    const response = await fetch(`${origin}/api/booking`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: submission.body,
    });
    submission.answer = answerOf(response.status, await response.text());
    settled += 1;
  }
  return settled;
}

console.log(
  `Booking intake bench: POST /api/booking (JSON, a new valid booking per request) against the built server, ${durationSeconds} s per run`,
);
console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at start (shared machine); autocannon runs in this process, on the same cores as the server`,
);
console.log(
  `Server env: FORM_RATE_LIMIT=${formRateLimit} (raised from 10 per client per 10 min: every request comes from 127.0.0.1 and would get 429), ` +
    'WORKER=off (no outbox delivery competing for the CPU and the database; the jobs are stored, not sent)',
);

const { label: storeLabel, config: storeConfig, dispose } = await freshStoreConfig();
console.log(`Store: ${storeLabel}`);
const site = await startSite(port, {
  ...(storeConfig.databaseUrl ? { DATABASE_URL: storeConfig.databaseUrl } : { DATA_DIR: storeConfig.dataDir }),
  FORM_RATE_LIMIT: String(formRateLimit),
  WORKER: 'off',
});
const rows: Record<string, string | number>[] = [];
let settledTotal = 0;
let exitCode = 0;
try {
  // Warm-up (opens the store, compiles the hot paths); its submissions are checked like the others.
  await load(site.origin, 4, warmUpSeconds);
  settledTotal += await settleUnanswered(site.origin);

  for (const connections of connectionCounts) {
    const result = await load(site.origin, connections, durationSeconds);
    const settled = await settleUnanswered(site.origin);
    settledTotal += settled;
    rows.push({
      connections,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'max ms': result.latency.max,
      '2xx': result['2xx'],
      'non-2xx': result.non2xx,
      'errors (timeouts)': `${result.errors} (${result.timeouts})`,
      'unanswered, settled after': settled,
    });
    console.log(
      `  ${connections} connection(s): ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
  }
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await site.stop();
}

// Counted with the server stopped: the embedded database opens in one process only.
const store = await openStore(storeConfig);
const stored = await store.db.selectFrom('booking_requests').select(['reference', 'submission_id']).execute();
const jobsStored = Number(
  (
    await store.db
      .selectFrom('outbox_jobs')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow()
  ).count,
);
const confirmationsExpected = Number(
  (
    await store.db
      .selectFrom('booking_requests')
      .select((eb) => eb.fn.countAll().as('count'))
      .where('email', 'is not', null)
      .where('is_minor', '=', false)
      .executeTakeFirstOrThrow()
  ).count,
);
await store.close();
await dispose();

const answers = [...submissions.values()].map((submission) => submission.answer);
const created = answers.filter((answer) => answer?.status === 201);
const references = created.map((answer) => answer?.reference ?? '(none)');
const storedTimes = new Map<string, number>();
for (const row of stored) storedTimes.set(row.reference, (storedTimes.get(row.reference) ?? 0) + 1);
const storedSubmission = new Map(stored.map((row) => [row.submission_id, row.reference]));
const statusCounts: Record<string, number> = {};
for (const answer of answers)
  statusCounts[answer?.status ?? 'none'] = (statusCounts[answer?.status ?? 'none'] ?? 0) + 1;

const checks = [
  { check: 'submissions sent (more than none)', expected: 1, actual: Math.min(1, submissions.size) },
  { check: 'answered 201 (in the runs or when settled)', expected: submissions.size, actual: created.length },
  { check: 'non-2xx answers', expected: 0, actual: answers.filter((answer) => answer && answer.status >= 300).length },
  { check: 'distinct references in the 201s', expected: created.length, actual: new Set(references).size },
  {
    check: '201 references stored exactly once',
    expected: created.length,
    actual: references.filter((reference) => storedTimes.get(reference) === 1).length,
  },
  {
    check: 'stored under the submission that got the reference',
    expected: submissions.size,
    actual: [...submissions].filter(([id, submission]) => storedSubmission.get(id) === submission.answer?.reference)
      .length,
  },
  { check: 'booking_requests rows (= 201s)', expected: created.length, actual: stored.length },
  {
    check: 'outbox jobs (2 per booking + confirmations)',
    expected: 2 * stored.length + confirmationsExpected,
    actual: jobsStored,
  },
];
const failed = checks.filter((row) => row.expected !== row.actual);

console.log(`\nBooking intake, ${durationSeconds} s per run (after a ${warmUpSeconds} s warm-up at 4 connections)`);
console.table(rows);
console.log(
  `Answers by status: ${JSON.stringify(statusCounts)}; ${settledTotal} submission(s) cut off when a run ended were sent again with the same submissionId.`,
);
console.log('\nChecks (store opened after the server stopped)');
console.table(checks.map((row) => ({ ...row, ok: row.expected === row.actual ? 'yes' : 'NO' })));
if (failed.length > 0) {
  console.error(`FAILED: ${failed.map((row) => row.check).join('; ')}`);
  exitCode = 1;
}
process.exit(exitCode);
