/**
 * `npm run worker`: the outbox worker as a process of its own, for deployments that run the server with
 * WORKER=off (several web instances, one worker, or a worker scaled on its own). It needs PostgreSQL: the
 * embedded database can be opened by one process only, and that is the server, whose own worker delivers.
 */
import { log } from '#functions/log/log.ts';
import { openStore, storeConfigFrom } from '#functions/store/open.ts';
import { startConfiguredRetention, startConfiguredWorker } from '#functions/worker/from-settings.ts';
import { type CommandContext, exitCode, noArguments, runStaffCommand } from './staff-command.ts';

const usage = `Usage: npm run worker

Delivers the outbox (HubSpot, Resend) and runs the daily retention purge, until SIGTERM or SIGINT. Run it
beside servers started with WORKER=off; RETENTION=off leaves the purge to \`npm run privacy -- purge\`.

Reads DATABASE_URL (a PostgreSQL server, required: the embedded database opens in one process only, the
server's) and the delivery settings (HUBSPOT_*, RESEND_*, EMAIL_FROM, FRONT_DESK_EMAIL, SITE_URL).

Options:
  -h, --help          show this help

Exit codes: 0 stopped, 1 failed, 2 wrong usage or settings.`;

async function main(args: string[], context: CommandContext): Promise<number> {
  const { settings } = context;
  const refused = noArguments(context, usage, args);
  if (refused !== undefined) return refused;
  if (!settings.DATABASE_URL) {
    context.err(
      'npm run worker needs DATABASE_URL (a PostgreSQL server). The embedded database (DATA_DIR) can be opened by ' +
        'one process only: with it, the server delivers the outbox itself (leave WORKER unset).',
    );
    return exitCode.usage;
  }
  const store = await openStore(storeConfigFrom(settings));
  const worker = startConfiguredWorker(store.db, settings);
  // With the servers' workers off (WORKER=off), this process runs the daily retention purge too.
  const purge = startConfiguredRetention(store.db, settings);

  const signal = await new Promise<string>((resolve) => {
    for (const name of ['SIGTERM', 'SIGINT'] as const) process.once(name, () => resolve(name));
  });
  log.info(`${signal} received, stopping the outbox worker`);
  // Deliveries given up on at the grace period have had their jobs given back.
  await Promise.all([worker.stop(), purge?.stop()]);
  await store.close();
  return exitCode.done;
}

// Exits once stopped: a delivery given up on at the grace period may still hold a connection open.
await runStaffCommand({ name: 'worker', usage, main, exitWhenDone: true });
