// A burst of bookings accepted while the CRM is down, then the CRM comes back: how long the outbox takes to drain,
// and whether every booking was delivered exactly once (one deal per reference, one email per job).
// In-process, without Astro: the real intake, store, worker, deliveries and SDKs, against the fake HubSpot and
// Resend. Prints its figures; exits 1 if a count is wrong (lost or duplicated deliveries), never on timing.
// Run: npm run bench:drain [-- --bookings 1000 --concurrency 16 --outage-seconds 10 --real-limit]
// --real-limit keeps the shipped HubSpot pacing (80 requests per 10 s, the budget every worker shares in the
// database) and has the fake HubSpot enforce the account's own limit of 100, as HubSpot does.
// With DATABASE_URL set, it runs on a fresh database it creates on that PostgreSQL server (and drops after).
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { createHubSpotDeliveries } from '#functions/delivery/hubspot/deliveries.ts';
import { createBookingIntake } from '#functions/intake/booking-intake.ts';
import { count } from '#functions/store/lead-reports.ts';
import { openStore } from '#functions/store/open.ts';
import type { Database } from '#functions/store/schema.ts';
import { linkSigningKey } from '#functions/store/site-secrets.ts';
import { configuredDeliveries } from '#functions/worker/configured-deliveries.ts';
import { sharedRequestBudgets } from '#functions/worker/request-budgets.ts';
import { defaultRetryPolicy, type RetryPolicy } from '#functions/worker/retry-policy.ts';
import { startWorker, type WorkerLogger } from '#functions/worker/worker.ts';
import { benchTreatments, bookingBody } from '../tests/support/booking-body.ts';
import { startProvisionedHubSpot } from '../tests/support/fake-hubspot.ts';
import { startFakeResend } from '../tests/support/fake-resend.ts';
import { createEmptyDatabase } from '../tests/support/postgres-database.ts';
import { testPreferencesUrl } from '../tests/support/preferences-url.ts';

const { values: flags } = parseArgs({
  options: {
    bookings: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    'outage-seconds': { type: 'string', default: '10' },
    // HubSpot's client-side limit as shipped (80 requests per 10 s), instead of lifting it for the burst.
    'real-limit': { type: 'boolean', default: false },
  },
});
const realLimit = flags['real-limit'];
const bookings = Number(flags.bookings ?? 1000);
const concurrency = Number(flags.concurrency);
const outageMs = Number(flags['outage-seconds']) * 1000;
if (!(bookings > 0 && concurrency > 0 && outageMs >= 0)) {
  console.error('Usage: bench/delivery-drain.ts [--bookings N] [--concurrency N] [--outage-seconds S] [--real-limit]');
  process.exit(2);
}

/** HubSpot's client-side limit as shipped (functions/delivery/hubspot/client.ts), and the lifted one. */
const shippedRequestsPerTenSeconds = 80;
/** HubSpot's own limit for a private app (Free and Starter), which the fake enforces under --real-limit. */
const hubSpotAccountLimit = 100;
/** What batch delivery is for: 1,000 bookings in the CRM within 2 minutes, at most 0.15 requests a booking. */
const targets = { drainMs: 120_000, requestsPerBooking: 0.15 };
const liftedRequestsPerTenSeconds = 10_000;
/**
 * The shipped policy waits 1 min doubling to 2 h, 10 attempts (survives 3 h of outage). Compressed so the bench
 * shows the drain rather than the waiting: the same doubling from 200 ms to 2 s, and more attempts so a job
 * still outlives the outage (the minimum total wait of 30 attempts is 26.5 s).
 */
const retryPolicy: RetryPolicy = { baseDelayMs: 200, maxDelayMs: 2_000, maxAttempts: 30 };
/** The worker's look-again wait when fewer jobs than a batch were due (5 s shipped), compressed likewise. */
const pollIntervalMs = 100;
const frontDeskEmail = 'front-desk@clinic.test';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** A fresh store: a new database on DATABASE_URL's server, or the embedded PGlite in a temporary directory. */
async function freshStore() {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const databaseUrl = await createEmptyDatabase(adminUrl);
    const store = await openStore({ databaseUrl, dataDir: '/nonexistent' });
    const name = new URL(databaseUrl).pathname.slice(1);
    return {
      label: `PostgreSQL (fresh database ${name})`,
      store,
      async dispose() {
        await store.close();
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-drain-'));
  const store = await openStore({ dataDir });
  return {
    label: 'embedded PGlite (fresh temporary DATA_DIR)',
    store,
    async dispose() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The worker's log, counted rather than printed (thousands of lines); errors and odd warnings are kept. */
function countingLogger() {
  const counts = { delivered: 0, retries: 0, other: 0 };
  const notable: string[] = [];
  const logger: WorkerLogger = {
    info(line) {
      if (line.endsWith(': delivered')) counts.delivered += 1;
    },
    warn(line) {
      if (/: retry in \d+ s: /.test(line)) counts.retries += 1;
      else {
        counts.other += 1;
        notable.push(`warn: ${line}`);
      }
    },
    error(line) {
      counts.other += 1;
      notable.push(`error: ${line}`);
    },
  };
  return { logger, counts, notable };
}

async function jobStatusCounts(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('outbox_jobs')
    .select(['status', count.as('count')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, row.count])) as Partial<Record<string, number>>;
}

const started = Date.now();
console.log(
  `Delivery drain bench: ${bookings} bookings, intake concurrency ${concurrency}, CRM outage lasting the burst + ${seconds(outageMs)}`,
);
console.log(`Machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at start (shared machine)`);

const { label: storeLabel, store, dispose } = await freshStore();
const hubspot = (await startProvisionedHubSpot({}, realLimit ? { requestsPerTenSeconds: hubSpotAccountLimit } : {}))
  .fake;
const resend = await startFakeResend();
const env = {
  HUBSPOT_ACCESS_TOKEN: 'bench-token',
  HUBSPOT_BASE_URL: hubspot.url,
  RESEND_API_KEY: 're_bench',
  RESEND_BASE_URL: resend.baseUrl,
  EMAIL_FROM: 'Kalpa Clinics <hello@mail.clinic.test>',
  FRONT_DESK_EMAIL: frontDeskEmail,
  SITE_URL: 'https://www.clinic.test',
};
const preferencesUrl = testPreferencesUrl(env.SITE_URL);
// Created after the fake's own set-up client: the SDK's limiter is process-wide and the last client sets it.
const deliveries = realLimit
  ? configuredDeliveries(env, { preferencesUrl, budgets: sharedRequestBudgets(store.db, {}) }).deliveries
  : {
      ...configuredDeliveries({ ...env, HUBSPOT_ACCESS_TOKEN: undefined }, { preferencesUrl }).deliveries,
      ...createHubSpotDeliveries({
        accessToken: env.HUBSPOT_ACCESS_TOKEN,
        basePath: env.HUBSPOT_BASE_URL,
        requestsPerTenSeconds: liftedRequestsPerTenSeconds,
      }),
    };
console.log(`Store: ${storeLabel}`);
console.log(
  `Deliveries: the real HubSpot and Resend deliveries and SDKs (configuredDeliveries), pointed at local fakes; HubSpot's client-side limit ${
    realLimit
      ? `as shipped, ${shippedRequestsPerTenSeconds} requests per 10 s from the budget the workers share in the database (the fake enforces HubSpot's ${hubSpotAccountLimit})`
      : `lifted to ${liftedRequestsPerTenSeconds} per 10 s (shipped: ${shippedRequestsPerTenSeconds}; --real-limit keeps it, see the projection below)`
  }`,
);
console.log(
  `Retry policy compressed to base ${retryPolicy.baseDelayMs} ms, cap ${seconds(retryPolicy.maxDelayMs)}, ${retryPolicy.maxAttempts} attempts ` +
    `(shipped: ${defaultRetryPolicy.baseDelayMs / 60_000} min, cap ${defaultRetryPolicy.maxDelayMs / 60_000} min, ${defaultRetryPolicy.maxAttempts} attempts), ` +
    `and the worker's idle poll to ${pollIntervalMs} ms (shipped 5 s): the bench measures the drain, not hours of backoff. ` +
    'Lanes, batches (up to 100 jobs of a kind a request) and lease as shipped.',
);

hubspot.setOutage(true);
const worker = countingLogger();
const running = startWorker({
  db: store.db,
  deliveries,
  logger: worker.logger,
  retryPolicy,
  pollIntervalMs,
});

// The burst, through the real intake, while the worker delivers (as in the server's process).
const intake = createBookingIntake({
  database: async () => store.db,
  treatments: async () => benchTreatments,
  siteUrl: 'https://bench.clinic.test',
  signingKey: (db) => linkSigningKey(db),
});
const today = todayInClinic(new Date());
const references: string[] = [];
const intakeFailures: string[] = [];
const latencies: number[] = [];
let next = 0;
const burstStart = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < bookings) {
      const index = next++;
      const sent = performance.now();
      const result = await intake(bookingBody(index, today, 'drain'));
      latencies.push(performance.now() - sent);
      if (result.kind === 'accepted' && result.created) references.push(result.reference);
      else intakeFailures.push(`#${index}: ${JSON.stringify(result)}`);
    }
  }),
);
const burstMs = performance.now() - burstStart;
const burstEndedAt = Date.now();
latencies.sort((a, b) => a - b);
const duringBurst = await jobStatusCounts(store.db);

await sleep(outageMs);
const outageEnd = await jobStatusCounts(store.db);
const { maxAttemptsDuringOutage } = await store.db
  .selectFrom('outbox_jobs')
  .select((eb) => eb.fn.max('attempts').as('maxAttemptsDuringOutage'))
  .executeTakeFirstOrThrow();
const emailJobs = () =>
  store.db
    .selectFrom('outbox_jobs')
    .where('kind', 'in', ['email.front-desk', 'email.booking-confirmation', 'email.guardian-consent']);
const { emailsWaiting } = await emailJobs()
  .select(count.as('emailsWaiting'))
  .where('status', '<>', 'done')
  .executeTakeFirstOrThrow();
hubspot.setOutage(false);
const recoveredAt = Date.now();

// Drained when no job is pending or running. Generous limit: far beyond any plausible drain, to end a stuck run.
const drainLimitMs = realLimit ? Math.max(300_000, bookings * 3_000) : 300_000;
let drainedAt: number | undefined;
let lastProgress = Date.now();
while (Date.now() - recoveredAt < drainLimitMs) {
  const statuses = await jobStatusCounts(store.db);
  if ((statuses.pending ?? 0) + (statuses.running ?? 0) === 0) {
    drainedAt = Date.now();
    break;
  }
  if (Date.now() - lastProgress >= 15_000) {
    lastProgress = Date.now();
    console.log(
      `  draining: ${seconds(Date.now() - recoveredAt)} after recovery, ${statuses.pending ?? 0} pending, ${statuses.running ?? 0} running, ${statuses.done ?? 0} done`,
    );
  }
  await sleep(100);
}
await running.stop();
const { lastEmailAt } = await emailJobs()
  .select((eb) => eb.fn.max('updated_at').as('lastEmailAt'))
  .executeTakeFirstOrThrow();

// What was stored, delivered and sent.
const db = store.db;
const storedBookings = await db
  .selectFrom('booking_requests')
  .select(['reference', 'email', 'guardian_email', 'is_minor'])
  .execute();
const storedReferences = new Set(storedBookings.map((row) => row.reference));
const confirmationsExpected = storedBookings.filter((row) => row.email !== null && !row.is_minor).length;
const guardianEmailsExpected = storedBookings.filter((row) => row.guardian_email !== null).length;
const jobs = await db
  .selectFrom('outbox_jobs')
  .select(['id', 'kind', 'status', 'attempts', 'lead_reference'])
  .execute();
const jobsOf = (status: string) => jobs.filter((job) => job.status === status).length;
const jobsExpected = 2 * storedBookings.length + confirmationsExpected + guardianEmailsExpected;
const maxAttempts = (kind?: string) =>
  Math.max(0, ...jobs.filter((job) => !kind || job.kind === kind).map((job) => job.attempts));
const retriesTotal = jobs.reduce((total, job) => total + Math.max(0, job.attempts - 1), 0);

const deals = hubspot.deals();
const dealReferences = deals.map((deal) => deal.properties.clinic_booking_reference ?? '');
const distinctDealReferences = new Set(dealReferences);
const dealsForStoredBookings = [...distinctDealReferences].filter((reference) => storedReferences.has(reference));
const contacts = hubspot.contacts();

const referenceIn = (subject: string) => /KC-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(subject)?.[0] ?? '';
const emailsOfKind = (frontDesk: boolean) =>
  resend.emails
    .filter((email) => (email.to === frontDeskEmail) === frontDesk)
    .map((email) => referenceIn(email.subject));
const frontDeskEmails = emailsOfKind(true);
// A confirmation to an adult patient, or the consent link to a patient under 18's guardian: one per request at most.
const confirmationEmails = emailsOfKind(false);
const duplicates = (list: string[]) => list.length - new Set(list).size;

const crmRequests = hubspot.requests.filter((request) => request.receivedAt >= recoveredAt);
const crmSucceeded = crmRequests.filter((request) => request.status < 400);
const firstCrmSuccess = crmSucceeded[0]?.receivedAt;
const lastCrmSuccess = crmSucceeded.at(-1)?.receivedAt;
const requestsPerBooking = crmSucceeded.length / Math.max(1, storedBookings.length);
const outageFailures = hubspot.requests.filter((request) => request.status === 503).length;

console.log('\nIntake (createBookingIntake, the real schema, store and outbox, worker running alongside)');
console.table([
  {
    bookings,
    concurrency,
    accepted: references.length,
    'not accepted': intakeFailures.length,
    'time s': (burstMs / 1000).toFixed(2),
    'bookings/s': Math.round((references.length / burstMs) * 1000),
    'p50 ms': percentile(latencies, 50).toFixed(1),
    'p99 ms': percentile(latencies, 99).toFixed(1),
  },
]);
console.log(
  `Jobs at the end of the burst: ${JSON.stringify(duringBurst)}; at the end of the outage: ${JSON.stringify(outageEnd)} ` +
    `(emails are delivered during the outage; HubSpot answered ${outageFailures} requests with 503, most attempts so far ${maxAttemptsDuringOutage ?? 0})`,
);

console.log('\nDrain after the CRM came back');
const drainMs = drainedAt === undefined ? undefined : drainedAt - recoveredAt;
console.table([
  {
    'drained in': drainMs === undefined ? `not within ${seconds(drainLimitMs)}` : seconds(drainMs),
    'first CRM success after': firstCrmSuccess === undefined ? '-' : seconds(firstCrmSuccess - recoveredAt),
    'HubSpot requests (2xx)': crmSucceeded.length,
    'requests per booking': requestsPerBooking.toFixed(2),
    'HubSpot req/s':
      firstCrmSuccess && lastCrmSuccess
        ? ((crmSucceeded.length * 1000) / Math.max(1, lastCrmSuccess - firstCrmSuccess)).toFixed(1)
        : '-',
    'HubSpot limit /10 s': realLimit ? shippedRequestsPerTenSeconds : liftedRequestsPerTenSeconds,
    'busiest 10 s at HubSpot': hubspot.busiestTenSeconds(),
    "HubSpot's 429s": hubspot.requests.filter((request) => request.status === 429).length,
  },
]);
const projectedMs = (crmSucceeded.length / shippedRequestsPerTenSeconds) * 10_000;
const crmDrainMs =
  firstCrmSuccess !== undefined && lastCrmSuccess !== undefined ? lastCrmSuccess - recoveredAt : undefined;
console.log(
  `The CRM drain: ${crmSucceeded.length} HubSpot requests for ${storedBookings.length} bookings, ${requestsPerBooking.toFixed(3)} a booking ` +
    `(target ≤ ${targets.requestsPerBooking}: ${requestsPerBooking <= targets.requestsPerBooking ? 'met' : 'NOT met'}); ` +
    `the last CRM write ${crmDrainMs === undefined ? '-' : seconds(crmDrainMs)} after HubSpot came back ` +
    (realLimit
      ? `(target ≤ ${seconds(targets.drainMs)} at the shipped limit: ${crmDrainMs !== undefined && crmDrainMs <= targets.drainMs ? 'met' : 'NOT met'}).`
      : `(limit lifted; at the shipped ${shippedRequestsPerTenSeconds} per 10 s these requests alone would take at least ${seconds(projectedMs)}: run with --real-limit to measure it).`),
);
const emailJobCount = jobs.filter((job) => job.kind.startsWith('email.')).length;
console.log(
  `Emails (Resend up throughout): ${emailJobCount - emailsWaiting} of ${emailJobCount} sent before the CRM came back, ` +
    `the last one ${lastEmailAt ? seconds(new Date(lastEmailAt).getTime() - burstEndedAt) : '-'} after the burst ended ` +
    `(the CRM came back ${seconds(recoveredAt - burstEndedAt)} after it), in ${resend.requests.filter((request) => request.status === 200).length} ` +
    "Resend requests: emails have their own lane in the worker, sent in batches of up to 100, so they wait for their own backlog, not the CRM's.",
);
console.log(
  `In production the wait before the first retry after a recovery is up to the job's current backoff step (up to 2 h), compressed here to at most ${seconds(retryPolicy.maxDelayMs)}.`,
);

const checks: { check: string; expected: number; actual: number }[] = [
  { check: 'bookings accepted by the intake', expected: bookings, actual: references.length },
  { check: 'booking rows stored', expected: references.length, actual: storedBookings.length },
  {
    check: 'accepted references stored',
    expected: references.length,
    actual: references.filter((reference) => storedReferences.has(reference)).length,
  },
  {
    check: 'outbox jobs created (2 per booking + confirmations + guardian consent emails)',
    expected: jobsExpected,
    actual: jobs.length,
  },
  { check: 'jobs done', expected: jobsExpected, actual: jobsOf('done') },
  { check: 'jobs dead', expected: 0, actual: jobsOf('dead') },
  { check: 'jobs pending or running', expected: 0, actual: jobsOf('pending') + jobsOf('running') },
  { check: 'HubSpot deals', expected: storedBookings.length, actual: deals.length },
  { check: 'deals for stored references', expected: storedBookings.length, actual: dealsForStoredBookings.length },
  { check: 'duplicate deals (by booking reference)', expected: 0, actual: duplicates(dealReferences) },
  { check: 'HubSpot contacts (one per patient)', expected: storedBookings.length, actual: contacts.length },
  {
    check: 'deals associated with a contact',
    expected: storedBookings.length,
    actual: new Set(hubspot.associations().map(({ dealId }) => dealId)).size,
  },
  { check: 'front-desk emails (= bookings)', expected: storedBookings.length, actual: frontDeskEmails.length },
  {
    check: 'emails to patients or guardians (= adults and guardians with email)',
    expected: confirmationsExpected + guardianEmailsExpected,
    actual: confirmationEmails.length,
  },
  {
    check: 'duplicate emails (by kind and reference)',
    expected: 0,
    actual: duplicates(frontDeskEmails) + duplicates(confirmationEmails),
  },
  { check: 'emails sent (= email jobs)', expected: emailJobCount, actual: resend.emails.length },
];
const failed = checks.filter((row) => row.expected !== row.actual);

console.log('\nDelivery counts');
console.table([
  {
    'accepted bookings': references.length,
    'jobs created': jobs.length,
    'jobs done': jobsOf('done'),
    'jobs dead': jobsOf('dead'),
    deals: deals.length,
    'duplicate deals': duplicates(dealReferences),
    contacts: contacts.length,
    'front-desk emails': frontDeskEmails.length,
    'confirmation emails': confirmationEmails.length,
    'duplicate emails': duplicates(frontDeskEmails) + duplicates(confirmationEmails),
    'peak attempts (crm)': maxAttempts('crm.booking'),
    'peak attempts (email)': Math.max(maxAttempts('email.front-desk'), maxAttempts('email.booking-confirmation')),
    'retries in all': retriesTotal,
  },
]);
console.log('\nChecks');
console.table(checks.map((row) => ({ ...row, ok: row.expected === row.actual ? 'yes' : 'NO' })));
for (const line of intakeFailures.slice(0, 5)) console.log(`Intake: ${line}`);
for (const line of worker.notable.slice(0, 10)) console.log(`Worker ${line}`);
console.log(`Worker log: ${worker.counts.delivered} delivered, ${worker.counts.retries} retries scheduled`);
console.log(`Total bench time ${seconds(Date.now() - started)}`);

await Promise.all([hubspot.stop(), resend.stop()]);
await dispose();
if (failed.length > 0 || drainedAt === undefined) {
  console.error(
    `FAILED: ${drainedAt === undefined ? 'the outbox did not drain; ' : ''}${failed.map((row) => row.check).join('; ')}`,
  );
  process.exit(1);
}
process.exit(0);
