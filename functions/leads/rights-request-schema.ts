/**
 * The "Your privacy rights" form, shared by the browser and the server like the other lead forms. A request
 * is never refused for its content: the clinic must answer every one, so the form asks only for what staff need
 * to find the person's records and reach them, and identity is verified by staff, not by the form.
 */
import * as z from 'zod/mini';
import {
  emailField,
  formObjectError,
  optionalInput,
  personNameField,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import { type MobileNumberParser, mobileNumberField } from './mobile-number.ts';

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
const requestTypeIds = Object.keys(rightsRequestTypes) as [RightsRequestType, ...RightsRequestType[]];

/** Whose information the request is about. */
export const requesterRoles = {
  self: 'My own information',
  'parent-or-guardian': 'My child, or someone I am the legal guardian of',
  'authorised-person': 'Someone else who has authorised me (a nominee, or with their written permission)',
} as const;
export type RequesterRole = keyof typeof requesterRoles;
const requesterRoleIds = Object.keys(requesterRoles) as [RequesterRole, ...RequesterRole[]];

export const maxRightsDetailsLength = 2000;

export interface RightsRequest {
  submissionId: string;
  requestType: RightsRequestType;
  fullName: string;
  /** Lowercased; the request has an email, a mobile (E.164), or both. */
  email?: string;
  mobile?: string;
  requesterRole: RequesterRole;
  /** The person the request is about, when it is not the requester. */
  subjectName?: string;
  details?: string;
}

export function createRightsRequestSchema({ parseMobile }: { parseMobile: MobileNumberParser }) {
  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField,
          requestType: z.enum(requestTypeIds, { error: 'Choose what you would like us to do.' }),
          fullName: personNameField('Enter your full name.'),
          email: optionalInput(emailField('Enter your email address.')),
          mobile: optionalInput(mobileNumberField('Enter your mobile number.', parseMobile)),
          requesterRole: z.enum(requesterRoleIds, { error: 'Choose whose information this is about.' }),
          subjectName: optionalInput(personNameField("Enter the person's full name.")),
          details: optionalInput(
            z
              .string()
              .check(
                z.trim(),
                z.maxLength(maxRightsDetailsLength, `Use at most ${maxRightsDetailsLength} characters.`),
              ),
          ),
        },
        formObjectError,
      )
      .check(
        z.superRefine(
          ({ email, mobile, requesterRole, subjectName }, context) => {
            if (email === undefined && mobile === undefined) {
              context.addIssue({
                code: 'custom',
                path: ['email'],
                message: 'Enter an email address or a mobile number, so we can find your records and reply.',
              });
            }
            if (requesterRole !== 'self' && subjectName === undefined) {
              context.addIssue({
                code: 'custom',
                path: ['subjectName'],
                message: 'Enter the full name of the person this request is about.',
              });
            }
          },
          // Reported with the other fields' problems, not only once those are fixed.
          whenFieldsValid('email', 'mobile', 'requesterRole', 'subjectName'),
        ),
      ),
    z.transform(
      ({ submissionId, requestType, fullName, email, mobile, requesterRole, subjectName, details }): RightsRequest => ({
        submissionId,
        requestType,
        fullName,
        requesterRole,
        ...(email && { email }),
        ...(mobile && { mobile }),
        ...(requesterRole !== 'self' && subjectName && { subjectName }),
        ...(details && { details }),
      }),
    ),
  );
}

export type RightsRequestSchema = ReturnType<typeof createRightsRequestSchema>;
export type RightsRequestFormValues = z.input<RightsRequestSchema>;
