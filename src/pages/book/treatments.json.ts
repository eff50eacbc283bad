import type { APIRoute } from 'astro';
import { bookableTreatmentsForServer } from '#src/lib/catalogue.ts';

/** The treatments the booking form offers, for the server's intake (functions/http/site.ts reads this file). */
export const GET: APIRoute = async () => Response.json(await bookableTreatmentsForServer());
