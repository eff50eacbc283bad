/**
 * The rules for changing what a contact already has, shared by the booking and newsletter deliveries. Pure: each
 * takes the contact as HubSpot holds it (or undefined for a new one) and returns the properties to write. No
 * delivery overwrites who a contact is or what they chose: identity is filled only where empty, a consent is only
 * ever added by a tick (an unsubscribe or a rights request withdraws it), and attribution describes the contact's
 * first recorded visit.
 */
import type { Attribution } from '#functions/outbox/jobs.ts';
import type { CrmRecord } from './crm-records.ts';
import type { ContactProperties, ContactPropertyName } from './properties.ts';

const attributionPropertyNames = {
  formPage: 'clinic_lead_source_page',
  landingPage: 'clinic_landing_page',
  referrer: 'clinic_referrer',
  utm_source: 'clinic_utm_source',
  utm_medium: 'clinic_utm_medium',
  utm_campaign: 'clinic_utm_campaign',
  utm_term: 'clinic_utm_term',
  utm_content: 'clinic_utm_content',
  gclid: 'clinic_gclid',
  fbclid: 'clinic_fbclid',
} as const satisfies Record<keyof Attribution, ContactPropertyName>;

const consentPropertyNames = {
  // The time the consent took effect: a newsletter sign-up's confirmation, a booking's request.
  emailNews: { given: 'clinic_email_news_consent', changedAt: 'clinic_email_news_consent_at' },
  whatsappUpdates: { given: 'clinic_whatsapp_updates_consent', changedAt: 'clinic_whatsapp_updates_consent_at' },
} as const satisfies Record<string, { given: ContactPropertyName; changedAt: ContactPropertyName }>;
export type ContactConsent = keyof typeof consentPropertyNames;

/** What the deliveries read of an existing contact before writing it. */
export const contactPropertiesToRead = [
  'email',
  'clinic_mobile',
  'mobilephone',
  'firstname',
  'lastname',
  'lifecyclestage',
  ...Object.values(consentPropertyNames).map(({ changedAt }) => changedAt),
  ...Object.values(attributionPropertyNames),
] as const satisfies readonly ContactPropertyName[];

const has = (contact: CrmRecord | undefined, name: ContactPropertyName) => Boolean(contact?.properties[name]);

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
 * Records a change of a consent made at `at`, unless the contact holds a later one: jobs can be delivered out of
 * order, and a late confirmation must not undo an unsubscribe.
 */
export function consentUpdate(
  contact: CrmRecord | undefined,
  consent: ContactConsent,
  granted: boolean,
  at: string,
): ContactProperties {
  const { given, changedAt } = consentPropertyNames[consent];
  const lastChange = contact?.properties[changedAt];
  if (lastChange && Date.parse(lastChange) > Date.parse(at)) return {};
  return { [given]: String(granted), [changedAt]: at };
}

/**
 * The email news consent given: when the box was ticked (`agreedAt`) and when it took effect (`confirmedAt`, the
 * double opt-in's confirmation; a booking's tick takes effect as it is sent). Unless the contact holds a later
 * change, as consentUpdate.
 */
export function emailNewsGrant(
  contact: CrmRecord | undefined,
  { agreedAt, confirmedAt }: { agreedAt: string; confirmedAt: string },
): ContactProperties {
  const granted = consentUpdate(contact, 'emailNews', true, confirmedAt);
  return Object.keys(granted).length > 0 ? { ...granted, clinic_email_news_agreed_at: agreedAt } : {};
}

/** Who a form says the contact is. */
export interface ContactIdentity {
  fullName: string;
  /** E.164 */
  mobile: string;
  email?: string;
}

/**
 * The identity a form gives, where the contact has none: the name (first and last together, so that two
 * spellings are never mixed), the email address, the mobile number, and the unique mobile property when
 * `mayHoldMobile` (no other contact holds it). The name as given belongs to the request's deal.
 */
export function identityFill(
  contact: CrmRecord | undefined,
  { fullName, mobile, email }: ContactIdentity,
  { mayHoldMobile }: { mayHoldMobile: boolean },
): ContactProperties {
  const [firstname = '', ...otherNames] = fullName.split(/\s+/);
  return {
    ...(email && !has(contact, 'email') && { email }),
    ...(mayHoldMobile && !has(contact, 'clinic_mobile') && { clinic_mobile: mobile }),
    ...(!has(contact, 'mobilephone') && { mobilephone: mobile }),
    ...(!has(contact, 'firstname') && !has(contact, 'lastname') && { firstname, lastname: otherNames.join(' ') }),
  };
}

/**
 * How the contact first arrived, if no visit of theirs is recorded yet: the properties of one visit are written
 * together, and never replaced by a later one's.
 */
export function firstVisitAttribution(
  contact: CrmRecord | undefined,
  attribution: Attribution | undefined,
): ContactProperties {
  const names = Object.entries(attributionPropertyNames) as [keyof Attribution, ContactPropertyName][];
  if (!attribution || names.some(([, name]) => has(contact, name))) return {};
  return Object.fromEntries(names.flatMap(([key, name]) => (attribution[key] ? [[name, attribution[key]]] : [])));
}
