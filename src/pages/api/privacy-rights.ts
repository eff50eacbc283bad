import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { createLeadHandler } from '../../../functions/leads/lead-endpoint.ts';
import { rightsRequestIntake } from '../../lib/rights-request';

export const prerender = false;

const handleRequest = createLeadHandler(rightsRequestIntake, 'invalid_request');

/** The JavaScript path of the privacy rights form; the plain-form path posts to /privacy-rights/ itself. */
export const POST: APIRoute = ({ request, clientAddress }) => handleRequest(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed(['POST']);
