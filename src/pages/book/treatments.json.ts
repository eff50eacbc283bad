import { getCollection } from 'astro:content';
import type { APIRoute } from 'astro';
import { bookableTreatments } from '#src/lib/catalogue.ts';

/** The treatments the booking form offers, for the server's intake (functions/http/site.ts reads this file). */
export const GET: APIRoute = async () => Response.json(bookableTreatments(await getCollection('treatments')));
