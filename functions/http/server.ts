import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import compression from 'compression';
import type { Worker } from '../jobs/worker.ts';
import { startInProcessWorker } from '../jobs/worker-from-env.ts';
import { newsletterPaths } from '../leads/newsletter-links.ts';
import { createOneClickUnsubscribeHandler } from '../leads/one-click-unsubscribe.ts';
import { closeStore, getStore } from '../store/instance.ts';
import { storeConfigFromEnv } from '../store/open.ts';
import { linkSigningKey } from '../store/site-secrets.ts';
import { respondWithFetchHandler } from './node-fetch-bridge.ts';
import { securityHeadersFor } from './security-headers.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const entry = resolve(process.env.ASTRO_SERVER_ENTRY ?? 'dist/server/entry.mjs');

// The adapter's standalone build would start its own server on import; this one wraps its handler instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = (await import(pathToFileURL(entry).href)) as { handler: NodeHandler };
const compress = compression();
// `compression` is typed for Express but only uses the plain Node request and response.
type CompressArgs = Parameters<typeof compress>;

// Outside Astro, whose origin check refuses form posts without the site's Origin, as mail apps send them.
const oneClickUnsubscribe = createOneClickUnsubscribeHandler({
  database: async () => (await getStore(storeConfigFromEnv(process.env))).db,
  signingKey: (db) => linkSigningKey(db, process.env.LINK_SIGNING_KEY),
});

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(securityHeadersFor(req.url ?? '/'))) res.setHeader(name, value);
  if (new URL(req.url ?? '/', 'http://localhost').pathname === newsletterPaths.oneClickUnsubscribe) {
    respondWithFetchHandler(req, res, oneClickUnsubscribe);
    return;
  }
  compress(req as CompressArgs[0], res as CompressArgs[1], () => handler(req, res));
});

let worker: Worker | undefined;
server.listen(port, host, () => {
  console.log(`Site ready at http://${host}:${port}/`);
  worker = startInProcessWorker(process.env);
});

function shutdown(signal: string) {
  console.log(`${signal} received, closing the server`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  // The worker gives back the jobs it holds while it can still write; closing the store then lets the
  // embedded database shut down cleanly.
  Promise.all([closed, worker?.stop()])
    .then(() => closeStore())
    .finally(() => process.exit(0));
}
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
