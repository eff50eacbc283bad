/** A data-rights request from either path (the page's island, or the plain form). */
import type { Kysely } from 'kysely';
import { parseWithFieldErrors } from '../http/field-errors.ts';
import type { ClientRateLimiter } from '../http/rate-limit.ts';
import { type RightsRequestDeadlines, recordRightsRequest } from '../store/rights-requests.ts';
import type { Database } from '../store/schema.ts';
import { createLeadIntake } from './lead-intake.ts';
import { toMobileE164 } from './phone.ts';
import { createRightsRequestSchema } from './rights-request-schema.ts';

export interface RightsRequestIntakeDependencies {
  rateLimit: ClientRateLimiter;
  database: () => Promise<Kysely<Database>>;
  deadlines: RightsRequestDeadlines;
  now?: () => Date;
}

export function createRightsRequestIntake({ rateLimit, database, deadlines, now }: RightsRequestIntakeDependencies) {
  const schema = createRightsRequestSchema({ parseMobile: toMobileE164 });
  return createLeadIntake({
    leadName: 'Privacy request',
    rateLimit,
    ...(now && { now }),
    validate: async (fields) => parseWithFieldErrors(schema, fields),
    botCheck: { fillTime: 'required' },
    record: async (request, receivedAt) => recordRightsRequest(await database(), request, receivedAt, deadlines),
  });
}
