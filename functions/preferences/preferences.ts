/**
 * The preferences page, no login: the signed link in an email names a request, and the page shows and changes the
 * choices of the person it names (preference-links.ts). The person is that request's email address and mobile
 * number: an adult patient's, a patient under 18's parent or guardian's (the CRM's contact too), a subscriber's or a
 * requester's. Their choices are read from every record with that address (clinic news) or number (WhatsApp
 * updates), so a later unsubscribe or stop-marketing request counts (functions/store/preferences.ts).
 *
 * Either choice can be turned off; both can be turned back on by an adult, which is a new consent with its own
 * time. A request for a patient under 18 never starts clinic news (no marketing comes from a child's request): the
 * parent or guardian may stop it there, and turn on or off the WhatsApp updates they chose on the form.
 */
import type { Kysely } from 'kysely';
import { preferenceChangeJobs } from '#functions/intake/lead-jobs.ts';
import type { ContactChoice } from '#functions/outbox/jobs.ts';
import {
  currentPreferences,
  findPreferenceLead,
  type PreferenceLead,
  recordPreferenceChange,
} from '#functions/store/preferences.ts';
import type { Database } from '#functions/store/schema.ts';
import { readPreferencesToken } from './preference-links.ts';

export interface ChoiceView {
  on: boolean;
  /** ISO 8601: when it was last given or withdrawn (absent: never given). */
  since?: string;
  /** The request gave what the choice needs: an email address for news, a mobile number for WhatsApp. */
  available: boolean;
  /** Whether it may be turned on from this link. */
  mayTurnOn: boolean;
}

export interface PreferencesView {
  /** The link came with a request for a patient under 18: the choices are the parent or guardian's. */
  forMinor: boolean;
  /** The last four digits of the mobile number WhatsApp updates go to, for the page to name it. */
  mobileEnding?: string;
  choices: Record<ContactChoice, ChoiceView>;
}

/** `invalid`: cut short, changed or another link's token. `gone`: the store no longer holds the request. */
export type PreferencesLinkFailure = 'invalid' | 'gone';

export type PreferenceChangeResult = 'changed' | 'unchanged' | 'not-allowed';

export interface PreferenceActions {
  view(token: string): Promise<PreferencesView | PreferencesLinkFailure>;
  change(
    token: string,
    choice: ContactChoice,
    on: boolean,
  ): Promise<{ result: PreferenceChangeResult; view: PreferencesView } | PreferencesLinkFailure>;
}

function mayTurnOn(lead: PreferenceLead, choice: ContactChoice): boolean {
  const available = choice === 'emailNews' ? Boolean(lead.email) : Boolean(lead.mobile);
  return available && !(choice === 'emailNews' && lead.forMinor);
}

async function viewOf(db: Kysely<Database>, lead: PreferenceLead): Promise<PreferencesView> {
  const state = await currentPreferences(db, lead);
  const choice = (name: ContactChoice): ChoiceView => ({
    on: state[name].on,
    ...(state[name].since && { since: state[name].since.toISOString() }),
    available: name === 'emailNews' ? Boolean(lead.email) : Boolean(lead.mobile),
    mayTurnOn: mayTurnOn(lead, name),
  });
  return {
    forMinor: lead.forMinor,
    ...(lead.mobile && { mobileEnding: lead.mobile.slice(-4) }),
    choices: { emailNews: choice('emailNews'), whatsappUpdates: choice('whatsappUpdates') },
  };
}

export function createPreferenceActions({
  database,
  signingKey,
}: {
  database: () => Promise<Kysely<Database>>;
  signingKey: (db: Kysely<Database>) => Promise<string>;
}): PreferenceActions {
  const leadOf = async (token: string) => {
    const db = await database();
    const named = readPreferencesToken(await signingKey(db), token);
    if (!named) return { db, failure: 'invalid' as const };
    const lead = await findPreferenceLead(db, named.kind, named.reference);
    return lead ? { db, lead } : { db, failure: 'gone' as const };
  };
  return {
    async view(token) {
      const found = await leadOf(token);
      return found.lead ? viewOf(found.db, found.lead) : found.failure;
    },
    async change(token, choice, on) {
      const found = await leadOf(token);
      if (!found.lead) return found.failure;
      const { db, lead } = found;
      if (on && !mayTurnOn(lead, choice)) return { result: 'not-allowed', view: await viewOf(db, lead) };
      const outcome = await recordPreferenceChange(db, lead, choice, on, preferenceChangeJobs);
      if (outcome === 'not-found') return 'gone';
      return { result: outcome, view: await viewOf(db, lead) };
    },
  };
}
