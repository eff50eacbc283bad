/**
 * The choices the lead forms offer, with the words they are shown in. The store keeps these values, the CRM
 * offers them as options, the emails and the privacy policy name them: one list each, here.
 */

/** Who gives consent for a patient under 18. */
export const guardianRelationships = {
  parent: 'Parent',
  'legal-guardian': 'Legal guardian',
} as const;
export type GuardianRelationship = keyof typeof guardianRelationships;
export const guardianRelationshipIds = Object.keys(guardianRelationships) as [
  GuardianRelationship,
  ...GuardianRelationship[],
];

/**
 * How a guardian's consent to a request for a patient under 18 was verified: by the signed link emailed to
 * them, or by the front desk, on its call or at the clinic (staff record those with `npm run leads`).
 */
export const guardianConsentMethods = {
  'email-link': 'Confirmed through the link emailed to the parent or guardian',
  phone: 'Confirmed with the parent or guardian on a phone call',
  'in-person': 'Confirmed with the parent or guardian in person at the clinic',
} as const;
export type GuardianConsentMethod = keyof typeof guardianConsentMethods;
export const guardianConsentMethodIds = Object.keys(guardianConsentMethods) as [
  GuardianConsentMethod,
  ...GuardianConsentMethod[],
];
/** The ways staff verify: the emailed link verifies itself. */
export const staffGuardianConsentMethods = ['phone', 'in-person'] as const satisfies readonly GuardianConsentMethod[];
export type StaffGuardianConsentMethod = (typeof staffGuardianConsentMethods)[number];

/** The rights the DPDP Act 2023 (and the clinic's policy) gives, in the order the form lists them. */
export const rightsRequestTypes = {
  access: { label: 'See the information you hold about me', priority: 'MEDIUM' },
  correction: { label: 'Correct or complete my information', priority: 'MEDIUM' },
  erasure: { label: 'Delete my information', priority: 'HIGH' },
  'stop-marketing': { label: 'Stop marketing to me and withdraw my consent', priority: 'HIGH' },
  restriction: { label: 'Limit how you use my information', priority: 'MEDIUM' },
  portability: { label: 'Give me a copy of my information to take elsewhere', priority: 'MEDIUM' },
  nomination: { label: 'Nominate someone to act for me', priority: 'LOW' },
  grievance: { label: 'Make a complaint about how my information was handled', priority: 'HIGH' },
} as const satisfies Record<string, { label: string; priority: 'LOW' | 'MEDIUM' | 'HIGH' }>;
export type RightsRequestType = keyof typeof rightsRequestTypes;
export const rightsRequestTypeIds = Object.keys(rightsRequestTypes) as [RightsRequestType, ...RightsRequestType[]];

/** Whose information a rights request is about. */
export const requesterRoles = {
  self: 'My own information',
  'parent-or-guardian': 'My child, or someone I am the legal guardian of',
  'authorised-person': 'Someone else who has authorised me (a nominee, or with their written permission)',
} as const;
export type RequesterRole = keyof typeof requesterRoles;
export const requesterRoleIds = Object.keys(requesterRoles) as [RequesterRole, ...RequesterRole[]];
