/**
 * The Node server: Astro's adapter handler wrapped with compression and security headers, the JSON endpoints and
 * the health check beside it, and the site's services (site.ts) made once from the settings and handed to every
 * Astro request as `locals.site`. Runs the outbox worker in-process unless WORKER=off. `npm start` / `npm run serve`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import { serveStaffCommands } from '#functions/commands/serve-commands.ts';
import type { BookableTreatment } from '#functions/forms/booking-schema.ts';
import { errorSummary, log, setLogLevel } from '#functions/log/log.ts';
import { readSettings, type Settings, SettingsError } from '#functions/settings/settings.ts';
import { closeStore } from '#functions/store/instance.ts';
import { startInProcessWorker } from '#functions/worker/from-settings.ts';
import { apiRouteFor, apiRoutes, serveApiRoute, serveHealthCheck } from './api-routes.ts';
import { clientAddressOf, trustedProxies } from './client-address.ts';
import { homeInRememberedLanguage } from './language-choice.ts';
import { securityHeadersFor } from './security-headers.ts';
import { bookableTreatmentsPath, createSite } from './site.ts';

type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
  locals?: App.Locals,
) => void;

const storeRetryMs = 5_000;
/** How long a stopping server lets the requests under way finish before it cuts them. */
const shutdownGraceMs = 10_000;

function settingsOrExit(): Settings {
  try {
    return readSettings(process.env);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
}

const settings = settingsOrExit();
setLogLevel(settings.LOG_LEVEL);

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
const api = apiRoutes(site);
const proxies = trustedProxies(settings.TRUSTED_PROXIES);

const compress = compression();
// `compression` is typed for Express but only uses the plain Node request and response.
type CompressArgs = Parameters<typeof compress>;

/** One line per request: method, path without its query, status and time; never an address or a body. */
function logAccess(req: IncomingMessage, res: ServerResponse, startedAt: number): void {
  res.once('finish', () => {
    log.info(
      {
        method: req.method,
        path: (req.url ?? '/').split('?', 1)[0],
        status: res.statusCode,
        ms: Math.round(performance.now() - startedAt),
      },
      'request',
    );
  });
}

const server = createServer((req, res) => {
  logAccess(req, res, performance.now());
  for (const [name, value] of Object.entries(securityHeadersFor(req.url ?? '/'))) res.setHeader(name, value);
  if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
    serveHealthCheck(site, req, res);
    return;
  }
  const clientAddress = clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], proxies);
  const route = apiRouteFor(api, req.url ?? '/');
  if (route) {
    serveApiRoute(route, req, res, clientAddress);
    return;
  }
  // The home page opens in the language the visitor chose with the switch (language-choice.ts): it depends on the
  // cookie, so caches are told so.
  if (req.url === '/' || req.url?.startsWith('/?')) res.setHeader('Vary', 'Cookie');
  const home = homeInRememberedLanguage(req.method, req.url, req.headers.cookie);
  if (home) {
    res.writeHead(302, { Location: home, 'Cache-Control': 'no-store' }).end();
    return;
  }
  compress(req as CompressArgs[0], res as CompressArgs[1], () => handler(req, res, undefined, { site, clientAddress }));
});

/** The store opens (and migrates) before the server says it is ready, so that no visitor waits for it. */
async function openStoreWhenReachable() {
  for (;;) {
    try {
      return await site.database();
    } catch (error) {
      log.error(`The store did not open, trying again in ${storeRetryMs / 1000} s: ${errorSummary(error)}`);
      await sleep(storeRetryMs);
    }
  }
}

const db = await openStoreWhenReachable();
const worker = startInProcessWorker(settings, db);
// The embedded database opens in this process only: staff commands run through it (commands/through-server.ts).
const staffCommands = settings.DATABASE_URL ? undefined : await serveStaffCommands(db, settings);
server.listen(settings.PORT, settings.HOST, () => {
  log.info(`Site ready at http://${settings.HOST}:${settings.PORT}/`);
});

/**
 * Stops taking connections and lets the requests under way finish (for up to 10 s), then gives back the jobs the
 * worker holds and closes the store, so the embedded database shuts down cleanly.
 */
async function shutdown(signal: string): Promise<void> {
  log.info(`${signal} received: finishing the requests under way, then stopping`);
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  // A kept-alive connection goes idle once its request is answered: close each as it does.
  const closingIdle = setInterval(() => server.closeIdleConnections(), 50);
  server.closeIdleConnections();
  const finished = await Promise.race([closed, sleep(shutdownGraceMs, false)]);
  clearInterval(closingIdle);
  if (!finished) {
    log.warn(`Requests still under way after ${shutdownGraceMs / 1000} s were cut`);
    server.closeAllConnections();
  }
  await Promise.all([worker.stop(), staffCommands?.close()]);
  await closeStore();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
