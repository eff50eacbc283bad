import type { APIRoute } from 'astro';
import { methodNotAllowed } from '../../../functions/http/responses.ts';
import { createBookingHandler } from '../../../functions/leads/booking-endpoint.ts';
import { bookingIntake } from '../../lib/booking';

export const prerender = false;

const handleBooking = createBookingHandler(bookingIntake);

/** The JavaScript path of the booking form; the plain-form path posts to /book/ itself. */
export const POST: APIRoute = ({ request, clientAddress }) => handleBooking(request, clientAddress);

export const ALL: APIRoute = () => methodNotAllowed(['POST']);
