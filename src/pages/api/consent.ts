import type { APIRoute } from 'astro';
import { methodNotAllowed, toResponse } from '#functions/http/responses.ts';
import { siteOf } from '#src/lib/site.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request, clientAddress, locals }) =>
  toResponse(await siteOf(locals).consentReceipt(request, clientAddress));

// Without this, Astro answers other methods with its 404 page.
export const ALL: APIRoute = () => toResponse(methodNotAllowed(['POST']));
