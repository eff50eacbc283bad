/**
 * The "Your privacy rights" form, shared by the browser and the server like the other lead forms. A request
 * is never refused for its content: the clinic must answer every one, so the form asks only for what staff need
 * to find the person's records and reach them, and identity is verified by staff, not by the form.
 */
import * as z from 'zod/mini';
import { requesterRoleIds, rightsRequestTypeIds } from '#functions/clinic/form-choices.ts';
import type { RightsRequestDetails } from '#functions/outbox/jobs.ts';
import {
  emailField,
  formObjectError,
  optionalInput,
  personNameField,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import { type MobileNumberParser, mobileNumberField } from './mobile-number.ts';

export const maxRightsDetailsLength = 2000;

export interface RightsRequest extends RightsRequestDetails {
  submissionId: string;
}

export function createRightsRequestSchema({ parseMobile }: { parseMobile: MobileNumberParser }) {
  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField,
          requestType: z.enum(rightsRequestTypeIds, { error: 'Choose what you would like us to do.' }),
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
