import { DATA_DIR, DATABASE_URL } from 'astro:env/server';
import type { APIRoute } from 'astro';
import { createConsentReceiptHandler } from '../../../functions/consent/receipt-endpoint.ts';
import { createClientRateLimiter } from '../../../functions/http/rate-limit.ts';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { getStore } from '../../../functions/store/instance.ts';

export const prerender = false;

const handleReceipt = createConsentReceiptHandler({
  rateLimit: createClientRateLimiter({ points: 20, windowSeconds: 60 }),
  database: async () => (await getStore({ databaseUrl: DATABASE_URL, dataDir: DATA_DIR })).db,
});

export const POST: APIRoute = ({ request, clientAddress }) => handleReceipt(request, clientAddress);

// Without this, Astro answers other methods with its 404 page.
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
