// Booking submissions per second that the built server sustains on this machine, with latency, on both store
// backends side by side (the embedded PGlite database, and a PostgreSQL server this bench starts, durable, on
// loopback), for a few numbers of concurrent connections (autocannon posting JSON to /api/booking, each request a
// new valid booking). In the same server, it measures a prerendered page served by Astro's own handler, and prints
// the intake's figures as ratios of it, so the figures compare within one run on a shared machine. It times the
// first booking after the server says it is ready. Then it checks that nothing was lost or stored twice: every
// 201's reference is stored exactly once, and the rows stored equal the 201s. Prints its figures; exits 1 only if
// a check fails (or a request was refused), never on timing.
// It also counts the CPU each part of a run used, per booking (the server, PostgreSQL, autocannon in this process,
// and whatever else the machine ran meanwhile), from /proc, so a run says where its time went.
// Run: npm run bench:intake [-- --no-build --duration 10 --connections 16,32,64 --backends pglite,postgresql]
// `--cpu-prof <dir>` has the server write a V8 CPU profile of its whole life into <dir> (open it in Chrome's DevTools).
// With DATABASE_URL set, the PostgreSQL runs use a fresh database on that server instead of one started here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { todayInClinic } from '#functions/clinic/clinic-today.ts';
import { openStore, type StoreConfig } from '#functions/store/open.ts';
import { bookingBody } from '../tests/support/booking-body.ts';
import { createEmptyDatabase } from '../tests/support/postgres-database.ts';
import { startThrowawayPostgres } from '../tests/support/postgres-server.ts';
import { startSite } from '../tests/support/server.ts';
import { machineCpuMs, processTreeCpuMs } from './cpu-time.ts';

const { values: flags } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16,32,64' },
    backends: { type: 'string', default: 'pglite,postgresql' },
    'cpu-prof': { type: 'string' },
  },
});
const durationSeconds = Number(flags.duration);
const connectionCounts = flags.connections.split(',').map(Number);
const backendNames = flags.backends.toLowerCase().split(',');
if (
  !(durationSeconds > 0) ||
  connectionCounts.some((connections) => !(connections > 0)) ||
  backendNames.some((name) => name !== 'pglite' && name !== 'postgresql')
) {
  console.error(
    'Usage: bench/intake.ts [--no-build] [--duration seconds] [--connections 16,32,64] [--backends pglite,postgresql]',
  );
  process.exit(2);
}

const port = 4456;
const formRateLimit = 1_000_000;
const warmUpSeconds = 3;
const baselinePath = '/about/';
const targets = {
  postgresPerSecond: 2000,
  postgresAt16PerSecond: 1500,
  pglitePerSecond: 1000,
  p99Ms: 50,
  firstBookingMs: 200,
};

if (!flags['no-build']) {
  const build = spawnSync('astro', ['build'], {
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  label: string;
  config: StoreConfig;
  /** The database server's CPU ms so far (NaN when it is not ours to watch, or is in the site's process). */
  cpuMs(): number;
  dispose(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-intake-'));
  return {
    name: 'PGlite',
    label: 'embedded PGlite (fresh temporary DATA_DIR)',
    config: { dataDir },
    cpuMs: () => Number.NaN,
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresBackend(): Promise<Backend> {
  const given = process.env.DATABASE_URL;
  const server = given ? undefined : await startThrowawayPostgres({ durable: true });
  const adminUrl = given ?? server?.adminUrl ?? '';
  const databaseUrl = await createEmptyDatabase(adminUrl);
  const name = new URL(databaseUrl).pathname.slice(1);
  return {
    name: 'PostgreSQL',
    label: given
      ? `PostgreSQL (fresh database ${name} on DATABASE_URL's server)`
      : 'PostgreSQL (a server started here on loopback: fsync on, as in production)',
    config: { databaseUrl, dataDir: '/nonexistent' },
    cpuMs: () => (server ? processTreeCpuMs(server.pid()) : Number.NaN),
    async dispose() {
      if (server) {
        server.stop();
        return;
      }
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
    },
  };
}

interface Answer {
  status: number;
  reference?: string;
}

interface SubmissionContext {
  submissionId?: string;
}

const today = todayInClinic(new Date());
let nextIndex = 0;

function answerOf(status: number, text: string): Answer {
  if (status !== 201) return { status };
  const { reference } = JSON.parse(text) as { reference?: unknown };
  return { status, ...(typeof reference === 'string' && { reference }) };
}

/** Every submission a backend's runs built, by submissionId: its body, and the answer once one came. */
type Submissions = Map<string, { body: string; answer?: Answer }>;

function bookingLoad(origin: string, submissions: Submissions, runId: string, connections: number, duration: number) {
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
async function settleUnanswered(origin: string, submissions: Submissions): Promise<number> {
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

/** The first booking the server takes once it says it is ready, timed from the post to the answer. */
async function firstBooking(origin: string, submissions: Submissions, runId: string): Promise<number> {
  const body = bookingBody(nextIndex++, today, runId);
  const json = JSON.stringify(body);
  const started = performance.now();
  const response = await fetch(`${origin}/api/booking`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: json,
  });
  const answer = answerOf(response.status, await response.text());
  const elapsed = performance.now() - started;
  submissions.set(body.submissionId, { body: json, answer });
  return elapsed;
}

/** CPU ms used so far: by the server, the database server, this process (autocannon), and the whole machine. */
interface CpuSnapshot {
  server: number;
  database: number;
  loadGenerator: number;
  machineBusy: number;
  machineIdle: number;
}

function cpuSnapshot(serverPid: number, backend: Backend): CpuSnapshot {
  const own = process.cpuUsage();
  const machine = machineCpuMs();
  return {
    server: processTreeCpuMs(serverPid),
    database: backend.cpuMs(),
    loadGenerator: (own.user + own.system) / 1000,
    machineBusy: machine.busyMs,
    machineIdle: machine.idleMs,
  };
}

/** CPU ms per booking between two snapshots, each part's and the rest of the machine's, and how busy it was. */
function cpuPerBooking(before: CpuSnapshot, after: CpuSnapshot, bookings: number) {
  const used = (part: keyof CpuSnapshot) => after[part] - before[part];
  const busy = used('machineBusy');
  const ours = [used('server'), used('database'), used('loadGenerator')].filter(Number.isFinite);
  const per = (ms: number) => ms / bookings;
  return {
    server: per(used('server')),
    database: per(used('database')),
    loadGenerator: per(used('loadGenerator')),
    rest: per(busy - ours.reduce((sum, ms) => sum + ms, 0)),
    machineBusyShare: busy / (busy + used('machineIdle')),
  };
}

interface Run {
  backend: Backend['name'];
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  baselinePerSecond: number;
  non2xx: number;
  settled: number;
  cpu: ReturnType<typeof cpuPerBooking>;
  loadAverage: number;
}

async function measure(backend: Backend) {
  const submissions: Submissions = new Map();
  const runId = `intake-${backend.name}-${Date.now().toString(36)}`;
  const runs: Run[] = [];
  const site = await startSite(port, {
    ...(backend.config.databaseUrl
      ? { DATABASE_URL: backend.config.databaseUrl }
      : { DATA_DIR: backend.config.dataDir }),
    FORM_RATE_LIMIT: String(formRateLimit),
    WORKER: 'off',
    ...(flags['cpu-prof'] && { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${resolve(flags['cpu-prof'])}` }),
  });
  let firstBookingMs = Number.NaN;
  try {
    firstBookingMs = await firstBooking(site.origin, submissions, runId);
    await bookingLoad(site.origin, submissions, runId, 4, warmUpSeconds);
    await settleUnanswered(site.origin, submissions);
    for (const connections of connectionCounts) {
      const baseline = await autocannon({
        url: `${site.origin}${baselinePath}`,
        connections,
        duration: durationSeconds,
      });
      const before = cpuSnapshot(site.pid, backend);
      const result = await bookingLoad(site.origin, submissions, runId, connections, durationSeconds);
      const cpu = cpuPerBooking(before, cpuSnapshot(site.pid, backend), result.requests.total);
      const settled = await settleUnanswered(site.origin, submissions);
      const run: Run = {
        backend: backend.name,
        connections,
        perSecond: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        baselinePerSecond: Math.round(baseline.requests.average),
        non2xx: result.non2xx,
        settled,
        cpu,
        loadAverage: loadavg()[0] ?? Number.NaN,
      };
      runs.push(run);
      console.log(
        `  ${backend.name}, ${connections} connection(s): ${run.perSecond} bookings/s (p50 ${run.p50} ms, p99 ${run.p99} ms); ${baselinePath} ${run.baselinePerSecond} req/s`,
      );
    }
  } finally {
    await site.stop();
  }
  return { backend: backend.name, runs, firstBookingMs, checks: await check(backend, submissions) };
}

/** Counted with the server stopped: the embedded database opens in one process only. */
async function check(backend: Backend, submissions: Submissions) {
  const store = await openStore(backend.config);
  const stored = await store.db.selectFrom('booking_requests').select(['reference', 'submission_id']).execute();
  const count = async (table: 'outbox_jobs' | 'booking_requests', emailed = false) => {
    let query = store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('count'));
    // An adult with an email gets a confirmation; a patient under 18's guardian with one, the consent link.
    if (emailed) {
      query = query.where((eb) =>
        eb.or([
          eb.and([eb('email', 'is not', null), eb('is_minor', '=', false)]),
          eb('guardian_email', 'is not', null),
        ]),
      );
    }
    return Number((await query.executeTakeFirstOrThrow()).count);
  };
  const jobsStored = await count('outbox_jobs');
  const confirmationsExpected = await count('booking_requests', true);
  await store.close();

  const answers = [...submissions.values()].map((submission) => submission.answer);
  const created = answers.filter((answer) => answer?.status === 201);
  const references = created.map((answer) => answer?.reference ?? '(none)');
  const storedTimes = new Map<string, number>();
  for (const row of stored) storedTimes.set(row.reference, (storedTimes.get(row.reference) ?? 0) + 1);
  const storedSubmission = new Map(stored.map((row) => [row.submission_id, row.reference]));
  return [
    { check: 'submissions sent (more than none)', expected: 1, actual: Math.min(1, submissions.size) },
    { check: 'answered 201 (in the runs or when settled)', expected: submissions.size, actual: created.length },
    {
      check: 'non-2xx answers',
      expected: 0,
      actual: answers.filter((answer) => answer && answer.status >= 300).length,
    },
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
      check: 'outbox jobs (2 per booking + confirmations and guardian consent emails)',
      expected: 2 * stored.length + confirmationsExpected,
      actual: jobsStored,
    },
  ].map((row) => ({ backend: backend.name, ...row, ok: row.expected === row.actual ? 'yes' : 'NO' }));
}

console.log(
  `Booking intake bench: POST /api/booking (JSON, a new valid booking per request) against the built server, ${durationSeconds} s per run, on both backends`,
);
console.log(
  `Machine: ${cpus().length} cores, load average ${loadavg()[0]?.toFixed(2)} at start (shared machine); autocannon runs in this process, on the same cores as the server (and PostgreSQL)`,
);
console.log(
  `Server env: FORM_RATE_LIMIT=${formRateLimit} (raised from 10 per client per 10 min: every request comes from 127.0.0.1 and would get 429), ` +
    'WORKER=off (no outbox delivery competing for the CPU and the database; the jobs are stored, not sent)',
);

const results = [];
const backendsByName = { pglite: pgliteBackend, postgresql: postgresBackend };
for (const name of backendNames) {
  const backend = await backendsByName[name as keyof typeof backendsByName]();
  console.log(`Store: ${backend.label}`);
  try {
    results.push(await measure(backend));
  } finally {
    await backend.dispose();
  }
}

const runs = results.flatMap((result) => result.runs);
console.log(`\nBooking intake, ${durationSeconds} s per run (after a ${warmUpSeconds} s warm-up at 4 connections)`);
console.table(
  runs.map((run) => ({
    backend: run.backend,
    connections: run.connections,
    'bookings/s': run.perSecond,
    'p50 ms': run.p50,
    'p99 ms': run.p99,
    [`${baselinePath} req/s (Astro)`]: run.baselinePerSecond,
    'bookings ÷ page': (run.perSecond / run.baselinePerSecond).toFixed(2),
    'non-2xx': run.non2xx,
    'settled after': run.settled,
  })),
);

const best = (backend: Run['backend']) =>
  runs
    .filter((run) => run.backend === backend && run.p99 <= targets.p99Ms)
    .sort((a, b) => b.perSecond - a.perSecond)[0];
const at16 = runs.find((run) => run.backend === 'PostgreSQL' && run.connections === 16);
const bestPostgres = best('PostgreSQL');
const bestPglite = best('PGlite');
const summarise = (run: Run | undefined) =>
  run
    ? `${run.perSecond}/s, p99 ${run.p99} ms at ${run.connections} connections`
    : `none with p99 ≤ ${targets.p99Ms} ms`;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
console.log(
  '\nCPU per booking in each run (ms, from /proc): the server process, the PostgreSQL server it used (n/a: PGlite runs ' +
    "in the server's process), autocannon (this process), the rest of the machine meanwhile (other work on shared " +
    'cores, the kernel); what 2 cores could do at that cost, and the load average (1 min) at the end',
);
console.table(
  runs.map(({ backend, connections, cpu, loadAverage }) => {
    const total = [cpu.server, cpu.database, cpu.loadGenerator].filter(Number.isFinite).reduce((a, b) => a + b, 0);
    return {
      backend,
      connections,
      server: ms(cpu.server),
      PostgreSQL: ms(cpu.database),
      autocannon: ms(cpu.loadGenerator),
      'rest of machine': ms(cpu.rest),
      'machine busy': `${Math.round(cpu.machineBusyShare * 100)}%`,
      [`bookings/s at ${cpus().length} cores (without the rest)`]: Math.round((cpus().length * 1000) / total),
      'load average': loadAverage.toFixed(2),
    };
  }),
);

console.log('\nTargets (timings are noisy on a shared machine; they are printed, never failed on)');
console.table([
  {
    target: `PostgreSQL ≥ ${targets.postgresPerSecond}/s with p99 ≤ ${targets.p99Ms} ms`,
    measured: summarise(bestPostgres),
    met: (bestPostgres?.perSecond ?? 0) >= targets.postgresPerSecond ? 'yes' : 'no',
  },
  {
    target: `PostgreSQL ≥ ${targets.postgresAt16PerSecond}/s at 16 connections`,
    measured: at16 ? `${at16.perSecond}/s, p99 ${at16.p99} ms` : 'not run',
    met: (at16?.perSecond ?? 0) >= targets.postgresAt16PerSecond ? 'yes' : 'no',
  },
  {
    target: `PGlite ≥ ${targets.pglitePerSecond}/s with p99 ≤ ${targets.p99Ms} ms`,
    measured: summarise(bestPglite),
    met: (bestPglite?.perSecond ?? 0) >= targets.pglitePerSecond ? 'yes' : 'no',
  },
  ...results.map((result) => ({
    target: `first booking after start ≤ ${targets.firstBookingMs} ms (${result.backend})`,
    measured: `${Math.round(result.firstBookingMs)} ms`,
    met: result.firstBookingMs <= targets.firstBookingMs ? 'yes' : 'no',
  })),
]);

const checks = results.flatMap((result) => result.checks);
console.log('\nChecks (each store opened after its server stopped)');
console.table(checks);
const failed = checks.filter((row) => row.ok !== 'yes');
if (failed.length > 0) {
  console.error(`FAILED: ${failed.map((row) => `${row.backend}: ${row.check}`).join('; ')}`);
  process.exit(1);
}
process.exit(0);
