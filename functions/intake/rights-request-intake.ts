/** A data-rights request from either path (the page's island, or the plain form). */
import type { Kysely } from 'kysely';
import { parseWithFieldErrors } from '#functions/forms/field-errors.ts';
import { perLocale, requestedLocale } from '#functions/forms/messages.ts';
import { createRightsRequestSchema } from '#functions/forms/rights-request-schema.ts';
import { createGroupCommit } from '#functions/store/group-commit.ts';
import type { Database } from '#functions/store/schema.ts';
import { createLeadIntake } from './lead-intake.ts';
import type { RightsRequestDeadlines } from './lead-jobs.ts';
import { type RightsRequestToStore, storeRightsRequests } from './lead-records.ts';
import { toMobileE164 } from './phone.ts';

export interface RightsRequestIntakeDependencies {
  database: () => Promise<Kysely<Database>>;
  deadlines: RightsRequestDeadlines;
  now?: () => Date;
}

export function createRightsRequestIntake({ database, deadlines, now }: RightsRequestIntakeDependencies) {
  // One schema per language, answering in it: the form says which (its `locale` field).
  const schemas = perLocale((messages) => createRightsRequestSchema({ parseMobile: toMobileE164, messages }));
  const write = createGroupCommit({
    writeGroup: async (requests: readonly RightsRequestToStore[]) =>
      storeRightsRequests(await database(), requests, deadlines),
  });
  return createLeadIntake({
    leadName: 'Privacy request',
    ...(now && { now }),
    validate: async (fields) => parseWithFieldErrors(schemas[requestedLocale(fields)], fields),
    botCheck: { fillTime: 'required' },
    record: (request, receivedAt, sentQuickly) =>
      write({ request: sentQuickly ? { ...request, sentQuickly } : request, receivedAt }),
  });
}
