import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { createLeadHandler } from '../../../functions/leads/lead-endpoint.ts';
import { newsletterIntake } from '../../lib/newsletter';

export const prerender = false;

const handleSignup = createLeadHandler(newsletterIntake, 'invalid_signup');

/** The JavaScript path of the newsletter form; the plain-form path posts to /newsletter/ itself. */
export const POST: APIRoute = ({ request, clientAddress }) => handleSignup(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed(['POST']);
