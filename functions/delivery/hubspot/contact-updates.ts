/**
 * The rules for changing what a contact already has, shared by the booking and newsletter deliveries.
 * Pure: each takes the contact as HubSpot holds it (or undefined for a new one) and returns the
 * properties to write.
 */
import type { CrmRecord } from './crm-records.ts';
import type { ContactProperties, ContactPropertyName } from './properties.ts';

/** What the deliveries read of an existing contact before writing it. */
export const contactPropertiesToRead = [
  'email',
  'clinic_mobile',
  'lifecyclestage',
  'clinic_email_news_consent_at',
] as const satisfies readonly ContactPropertyName[];

// HubSpot's default lifecycle stages, earliest first.
const lifecycleStages = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
];

/**
 * Moves a contact forward to `stage`, never back: HubSpot refuses a backward move, and the stage a
 * contact has reached (a customer, say) is worth more than the site's. A stage the account added
 * itself is of unknown rank, so it is left as it is too.
 */
export function lifecycleStageUpdate(contact: CrmRecord | undefined, stage: 'subscriber' | 'lead'): ContactProperties {
  const current = contact?.properties.lifecyclestage;
  if (!current) return { lifecyclestage: stage };
  const rank = lifecycleStages.indexOf(current);
  return rank !== -1 && rank < lifecycleStages.indexOf(stage) ? { lifecyclestage: stage } : {};
}

/**
 * Records a change of the email news (marketing) consent made at `at`, unless the contact holds a later
 * one: jobs can be delivered out of order, and a late confirmation must not undo an unsubscribe.
 */
export function emailNewsConsentUpdate(
  contact: CrmRecord | undefined,
  granted: boolean,
  at: string,
): ContactProperties {
  const lastChange = contact?.properties.clinic_email_news_consent_at;
  if (lastChange && Date.parse(lastChange) > Date.parse(at)) return {};
  return { clinic_email_news_consent: String(granted), clinic_email_news_consent_at: at };
}
