/**
 * The Node server: Astro's adapter handler wrapped with compression and security headers, and the site's
 * services (site.ts) made once from the settings and handed to every request as `locals.site`. Runs the outbox
 * worker in-process unless WORKER=off. `npm start` / `npm run serve`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';
import { readSettings, SettingsError } from '#functions/settings/settings.ts';
import { closeStore } from '#functions/store/instance.ts';
import { startInProcessWorker } from '#functions/worker/from-settings.ts';
import type { Worker } from '#functions/worker/worker.ts';
import { apiRouteFor, apiRoutes, serveApiRoute } from './api-routes.ts';
import { securityHeadersFor } from './security-headers.ts';
import { bookableTreatmentsPath, createSite, type Site } from './site.ts';

type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
  locals?: { site: Site },
) => void;

let settings: ReturnType<typeof readSettings>;
try {
  settings = readSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(error.message);
  process.exit(2);
}

const storeRetryMs = 5_000;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

const build = resolve('dist');
// The adapter's standalone build would start its own server on import; this one wraps its handler instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(resolve(build, 'server/entry.mjs')).href)) as { handler: NodeHandler };

// The treatments the booking form offers, as the build listed them.
let treatments: Promise<readonly BookableTreatment[]> | undefined;
const site = createSite(settings, {
  bookableTreatments: () => {
    treatments ??= readFile(resolve(build, 'client', bookableTreatmentsPath.slice(1)), 'utf8').then(JSON.parse);
    return treatments;
  },
});
const locals = { site };

const compress = compression();
// `compression` is typed for Express but only uses the plain Node request and response.
type CompressArgs = Parameters<typeof compress>;

const api = apiRoutes(site);

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeadersFor(req.url ?? '/'))) res.setHeader(name, value);
  const route = apiRouteFor(api, req.url ?? '/');
  if (route) {
    serveApiRoute(route, req, res);
    return;
  }
  compress(req as CompressArgs[0], res as CompressArgs[1], () => handler(req, res, undefined, locals));
});

/** The store opens (and migrates) before the server says it is ready, so that no visitor waits for it. */
async function openStoreWhenReachable() {
  for (;;) {
    try {
      return await site.database();
    } catch (error) {
      console.error(`The store did not open, trying again in ${storeRetryMs / 1000} s: ${errorMessage(error)}`);
      await sleep(storeRetryMs);
    }
  }
}

const db = await openStoreWhenReachable();
const worker: Worker = startInProcessWorker(settings, db);
server.listen(settings.PORT, settings.HOST, () => {
  console.log(`Site ready at http://${settings.HOST}:${settings.PORT}/`);
});

function shutdown(signal: string) {
  console.log(`${signal} received, closing the server`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  // The worker gives back the jobs it holds while it can still write; closing the store then lets the
  // embedded database shut down cleanly.
  Promise.all([closed, worker.stop()])
    .then(() => closeStore())
    .finally(() => process.exit(0));
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
