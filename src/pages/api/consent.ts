import type { APIRoute } from 'astro';
import { createConsentReceiptHandler } from '../../../functions/consent/receipt-endpoint.ts';
import { createClientRateLimiter } from '../../../functions/http/rate-limit.ts';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { clinicDatabase } from '../../lib/store';

export const prerender = false;

const handleReceipt = createConsentReceiptHandler({
  rateLimit: createClientRateLimiter({ points: 20, windowSeconds: 60 }),
  database: clinicDatabase,
});

export const POST: APIRoute = ({ request, clientAddress }) => handleReceipt(request, clientAddress);

// Without this, Astro answers other methods with its 404 page.
export const ALL: APIRoute = () => methodNotAllowed(['POST']);
