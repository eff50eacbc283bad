import type { APIRoute } from 'astro';
import { handleLeadJson } from '#functions/http/lead-forms.ts';
import { methodNotAllowed, toResponse } from '#functions/http/responses.ts';
import { siteOf } from '#src/lib/site.ts';

export const prerender = false;

/** The JavaScript path of the newsletter form; the plain-form path posts to /newsletter/ itself. */
export const POST: APIRoute = async ({ request, clientAddress, locals }) =>
  toResponse(await handleLeadJson(siteOf(locals).forms.newsletter, request, clientAddress));

export const ALL: APIRoute = () => toResponse(methodNotAllowed(['POST']));
