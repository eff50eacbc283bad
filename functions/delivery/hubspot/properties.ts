/**
 * What the site writes to HubSpot: its own property group, the custom properties of contacts, deals and
 * tickets, the deal pipeline of appointment requests, the ticket pipeline of privacy requests, and the deal to
 * contact association label of a parent or guardian. `npm run crm:setup` creates them (setup.ts); the deliveries
 * write nothing else, which the `ContactProperties`, `DealProperties` and `TicketProperties` types hold them to.
 *
 * A contact is always an adult: the patient, or a patient under 18's parent or guardian, and it is what the marketing
 * team sees: contact details, consents with their times, and campaign attribution (adults who allowed marketing
 * cookies). What a request asks for is on its deal, for the front desk. Whatever is about a patient under 18 (their name, that they are under 18, the relationship, the consent's verification) is on the
 * request's deal, associated with the guardian's contact under the guardian label.
 */
import type { PipelineInput } from '@hubspot/api-client/lib/codegen/crm/pipelines/index.js';
import {
  PropertyCreateFieldTypeEnum as FieldType,
  type OptionInput,
  type PropertyCreate,
  type PropertyGroupCreate,
  PropertyCreateTypeEnum as ValueType,
} from '@hubspot/api-client/lib/codegen/crm/properties/index.js';
import { branches, clinic } from '#functions/clinic/clinic.ts';
import {
  guardianConsentMethodIds,
  guardianConsentMethods,
  guardianRelationshipIds,
  guardianRelationships,
  type RightsRequestType,
  rightsRequestTypes,
} from '#functions/clinic/form-choices.ts';
import { languageNamesInEnglish, locales } from '#functions/clinic/locales.ts';
import { retention } from '#functions/clinic/retention.ts';
import { timeWindowIds, timeWindows } from '#functions/clinic/time-windows.ts';

export const propertyGroup = { name: 'clinic_website', label: 'Clinic website' } satisfies PropertyGroupCreate;

type PropertyDefinition<Name extends string> = PropertyCreate & { name: Name };
type Details = Pick<PropertyCreate, 'description' | 'hasUniqueValue'>;

function property<Name extends string>(
  name: Name,
  label: string,
  kind: Pick<PropertyCreate, 'type' | 'fieldType' | 'options'>,
  details: Details = {},
): PropertyDefinition<Name> {
  return { name, label, groupName: propertyGroup.name, ...kind, ...details };
}

const textValue = { type: ValueType.String, fieldType: FieldType.Text };
const dateValue = { type: ValueType.Date, fieldType: FieldType.Date };
const dateTimeValue = { type: ValueType.Datetime, fieldType: FieldType.Date };
const yesOrNo = {
  type: ValueType.Bool,
  fieldType: FieldType.Booleancheckbox,
  options: [
    { label: 'Yes', value: 'true', hidden: false, displayOrder: 0 },
    { label: 'No', value: 'false', hidden: false, displayOrder: 1 },
  ],
};
const oneOf = (options: { value: string; label: string }[]) => ({
  type: ValueType.Enumeration,
  fieldType: FieldType.Select,
  options: options.map((option, displayOrder): OptionInput => ({ ...option, hidden: false, displayOrder })),
});

const text = <Name extends string>(name: Name, label: string, details?: Details) =>
  property(name, label, textValue, details);

/** The language of the website's page the request came from: staff answer in it. */
const languageProperty = property(
  'clinic_language',
  'Language used on the website',
  oneOf(locales.map((value) => ({ value, label: languageNamesInEnglish[value] }))),
  { description: 'The language of the page the request was sent from: reply in it.' },
);

export const contactProperties = [
  text('clinic_mobile', 'Mobile number (E.164)', {
    description:
      'The mobile number from the website in international format. Unique: it finds a contact who gave no email.',
    hasUniqueValue: true,
  }),
  property('clinic_created_by_website', 'Created by the website', yesOrNo, {
    description:
      "The website made this contact. The retention purge deletes it (a GDPR delete) once the website's deals and tickets it had are deleted, if it has no other deal or ticket, no form submission and no consent given.",
  }),
  text('clinic_lead_source_page', 'Lead source page', { description: 'The page whose form sent the request.' }),
  text('clinic_landing_page', 'Landing page'),
  text('clinic_referrer', 'Referrer'),
  text('clinic_utm_source', 'UTM source'),
  text('clinic_utm_medium', 'UTM medium'),
  text('clinic_utm_campaign', 'UTM campaign'),
  text('clinic_utm_term', 'UTM term'),
  text('clinic_utm_content', 'UTM content'),
  text('clinic_gclid', 'Google Ads click ID (gclid)'),
  text('clinic_fbclid', 'Meta click ID (fbclid)'),
  property('clinic_whatsapp_updates_consent', 'WhatsApp updates consent', yesOrNo, {
    description:
      'Updates about their booking requests on WhatsApp, agreed on a request (a box left unticked changes nothing); withdrawn by a stop-marketing request naming the mobile number.',
  }),
  property('clinic_whatsapp_updates_consent_at', 'WhatsApp updates consent recorded at', dateTimeValue),
  property('clinic_email_news_consent', 'Email news consent', yesOrNo, {
    description:
      "Marketing: the clinic's news by email. Never given on a request for a patient under 18; withdrawn by unsubscribing or a stop-marketing request.",
  }),
  property('clinic_email_news_consent_at', 'Email news consent changed at', dateTimeValue, {
    description:
      'When the consent took effect (a newsletter sign-up when its emailed link was confirmed, a booking as it was sent) or was withdrawn.',
  }),
  property('clinic_email_news_agreed_at', 'Email news consent agreed at', dateTimeValue, {
    description: 'When the box was ticked on the website form that gave the consent now recorded.',
  }),
];

/** The states of a guardian's consent to a request for a patient under 18, as the deal shows them. */
export const guardianConsentStates = { pending: 'Guardian consent pending', verified: 'Verified' } as const;

export const dealProperties = [
  text('clinic_booking_reference', 'Booking reference', {
    description: 'The reference the website gave the request, like KC-7Q4M-X2P9.',
    hasUniqueValue: true,
  }),
  text('clinic_treatment_interest', 'Treatment interest'),
  property('clinic_branch', 'Clinic branch', oneOf(branches.map(({ id, name }) => ({ value: id, label: name })))),
  property('clinic_preferred_date', 'Preferred date', dateValue),
  property(
    'clinic_preferred_time_window',
    'Preferred time of day',
    oneOf(timeWindowIds.map((id) => ({ value: id, label: timeWindows[id].label }))),
  ),
  text('clinic_patient_name', "Patient's name", {
    description:
      "As the request gives it. The associated contact is the patient, or for a patient under 18 their parent or guardian (that association's label).",
  }),
  property('clinic_patient_is_minor', 'Patient under 18', yesOrNo, {
    description: 'Never use this request for marketing, and act on it only once the guardian consent is verified.',
  }),
  text('clinic_guardian_name', "Parent or guardian's name", { description: 'As the request gives it.' }),
  property(
    'clinic_guardian_relationship',
    'Parent or guardian',
    oneOf(guardianRelationshipIds.map((value) => ({ value, label: guardianRelationships[value] }))),
  ),
  property(
    'clinic_guardian_consent',
    'Guardian consent',
    oneOf(Object.entries(guardianConsentStates).map(([value, label]) => ({ value, label }))),
    {
      description: `Pending until the parent or guardian confirms through the emailed link, or the front desk records their call (npm run leads -- verify-guardian). A request still pending after ${retention.unverifiedMinorRequestDays} days is deleted, with this deal.`,
    },
  ),
  property(
    'clinic_guardian_consent_method',
    'Guardian consent verified by',
    oneOf(guardianConsentMethodIds.map((value) => ({ value, label: guardianConsentMethods[value] }))),
  ),
  property('clinic_guardian_consent_verified_at', 'Guardian consent verified at', dateTimeValue),
  languageProperty,
];

const { acknowledgeWithinHours, resolveWithinDays } = clinic.grievanceOfficer;

/** On a ticket: a data-rights request, what it asks for and its deadlines. */
export const ticketProperties = [
  text('clinic_request_reference', 'Request reference', {
    description: 'The reference the website gave the privacy request, like KC-7Q4M-X2P9.',
    hasUniqueValue: true,
  }),
  property(
    'clinic_rights_request_type',
    'Privacy request type',
    oneOf(
      (Object.keys(rightsRequestTypes) as RightsRequestType[]).map((value) => ({
        value,
        label: rightsRequestTypes[value].label,
      })),
    ),
  ),
  property('clinic_acknowledge_by', 'Acknowledge by', dateTimeValue, {
    description: `Contact the requester by then: ${acknowledgeWithinHours} hours after the request arrived.`,
  }),
  property('clinic_resolve_by', 'Resolve by', dateTimeValue, {
    description: `Answer the request by then: ${resolveWithinDays} days after it arrived.`,
  }),
  languageProperty,
];

type StandardContactProperty = 'email' | 'firstname' | 'lastname' | 'mobilephone' | 'lifecyclestage';
type StandardDealProperty = 'dealname' | 'pipeline' | 'dealstage';
type StandardTicketProperty = 'subject' | 'content' | 'hs_pipeline' | 'hs_pipeline_stage' | 'hs_ticket_priority';

export type ContactPropertyName = StandardContactProperty | (typeof contactProperties)[number]['name'];
export type DealPropertyName = StandardDealProperty | (typeof dealProperties)[number]['name'];
export type TicketPropertyName = StandardTicketProperty | (typeof ticketProperties)[number]['name'];
export type ContactProperties = Partial<Record<ContactPropertyName, string>>;
export type DealProperties = Partial<Record<DealPropertyName, string>>;
export type TicketProperties = Partial<Record<TicketPropertyName, string>>;

/**
 * A custom label on the association from a deal to a contact: the contact is the parent or guardian of the
 * request's patient (under 18). HubSpot numbers labels itself, so deliveries find it by its label.
 */
export const guardianAssociationLabel = {
  fromObjectType: 'deals',
  toObjectType: 'contacts',
  name: 'clinic_parent_or_guardian',
  label: 'Parent or guardian',
} as const;

/** HubSpot generates pipeline ids, so deliveries find this pipeline by its label. */
export const appointmentPipeline = {
  label: 'Website appointment requests',
  displayOrder: 1,
  stages: [
    { label: 'Requested', displayOrder: 0, metadata: { probability: '0.2' } },
    { label: 'Confirmed', displayOrder: 1, metadata: { probability: '0.6' } },
    { label: 'Booked', displayOrder: 2, metadata: { probability: '1.0', isClosed: 'true' } },
    { label: 'Closed without booking', displayOrder: 3, metadata: { probability: '0.0', isClosed: 'true' } },
  ],
} satisfies PipelineInput;

/**
 * The appointments pipeline's stages that mean the person became a patient: the retention purge never deletes a
 * deal the front desk moved there (it is the clinic's record of a visit, kept under its own rules).
 */
export const patientStageLabels: readonly string[] = ['Booked'];

/** HubSpot generates pipeline ids, so deliveries find this pipeline by its label. A new request is "New". */
export const privacyRequestPipeline = {
  label: 'Privacy requests',
  displayOrder: 1,
  stages: [
    { label: 'New', displayOrder: 0, metadata: { ticketState: 'OPEN' } },
    { label: 'Identity check', displayOrder: 1, metadata: { ticketState: 'OPEN' } },
    { label: 'In progress', displayOrder: 2, metadata: { ticketState: 'OPEN' } },
    { label: 'Resolved', displayOrder: 3, metadata: { ticketState: 'CLOSED' } },
  ],
} satisfies PipelineInput;

/** A contact property filter of a HubSpot list (Lists v3): the boolean property equal to `value`. */
const booleanIs = (property: string, value: boolean, includeObjectsWithNoValueSet: boolean) => ({
  filterType: 'PROPERTY',
  property,
  operation: { operationType: 'BOOL', operator: 'IS_EQUAL_TO', value, includeObjectsWithNoValueSet },
});

/**
 * The contacts the clinic may email (Lists v3, a dynamic list of contacts, object type 0-1): the email news consent
 * given and not withdrawn (a withdrawal sets it to false), and, in an account set up before contacts lost it, not
 * flagged as a minor (`legacyMinorFlag`, a property no delivery writes any more). Marketing sends to this list, so
 * nobody has to remember the exclusions.
 */
export function marketingEmailList({ legacyMinorFlag }: { legacyMinorFlag: boolean }) {
  return {
    name: 'Website: may receive clinic news by email',
    objectTypeId: '0-1',
    processingType: 'DYNAMIC',
    filterBranch: {
      filterBranchType: 'OR',
      filterBranchOperator: 'OR',
      filters: [],
      filterBranches: [
        {
          filterBranchType: 'AND',
          filterBranchOperator: 'AND',
          filterBranches: [],
          filters: [
            booleanIs('clinic_email_news_consent', true, false),
            ...(legacyMinorFlag ? [{ ...booleanIs(legacyMinorProperty, false, true) }] : []),
          ],
        },
      ],
    },
  };
}

/** The contact property that flagged a minor before contacts were always adults. */
export const legacyMinorProperty = 'clinic_is_minor';
