import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { createLeadHandler } from '../../../functions/leads/lead-endpoint.ts';
import { bookingIntake } from '../../lib/booking';

export const prerender = false;

const handleBooking = createLeadHandler(bookingIntake, 'invalid_booking');

/** The JavaScript path of the booking form; the plain-form path posts to /book/ itself. */
export const POST: APIRoute = ({ request, clientAddress }) => handleBooking(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed(['POST']);
