/**
 * The "Your privacy rights" form, shared by the browser and the server like the other lead forms. A request
 * is never refused for its content: the clinic must answer every one, so the form asks only for what staff need
 * to find the person's records and reach them, and identity is verified by staff, not by the form.
 */
import * as z from 'zod/mini';
import { requesterRoleIds, rightsRequestTypeIds } from '#functions/clinic/form-choices.ts';
import type { Locale } from '#functions/clinic/locales.ts';
import type { RightsRequestDetails } from '#functions/outbox/jobs.ts';
import {
  emailField,
  formObjectError,
  localeField,
  optionalInput,
  personNameField,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import type { FormMessages } from './messages-en.ts';
import { type MobileNumberParser, mobileNumberField } from './mobile-number.ts';

export const maxRightsDetailsLength = 2000;

export interface RightsRequest extends RightsRequestDetails {
  submissionId: string;
  locale: Locale;
}

export interface RightsRequestSchemaOptions {
  /** `toMobileE164` on the server, `plausibleMobileNumber` in the browser (see mobile-number.ts). */
  parseMobile: MobileNumberParser;
  /** The catalogue of the language the form is in (messages-en.ts, messages-hi.ts). */
  messages: FormMessages;
}

export function createRightsRequestSchema({ parseMobile, messages }: RightsRequestSchemaOptions) {
  const { fields, mobile, rightsRequest: words } = messages;
  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField(fields),
          locale: localeField,
          requestType: z.enum(rightsRequestTypeIds, { error: words.requestTypeMissing }),
          fullName: personNameField(words.fullNameMissing, fields),
          email: optionalInput(emailField(words.emailMissing, fields)),
          mobile: optionalInput(mobileNumberField(words.mobileMissing, parseMobile, mobile)),
          requesterRole: z.enum(requesterRoleIds, { error: words.requesterRoleMissing }),
          subjectName: optionalInput(personNameField(words.subjectNameMissing, fields)),
          details: optionalInput(
            z.string().check(z.trim(), z.maxLength(maxRightsDetailsLength, fields.textTooLong(maxRightsDetailsLength))),
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
                message: words.contactMissing,
              });
            }
            if (requesterRole !== 'self' && subjectName === undefined) {
              context.addIssue({
                code: 'custom',
                path: ['subjectName'],
                message: words.subjectMissing,
              });
            }
          },
          // Reported with the other fields' problems, not only once those are fixed.
          whenFieldsValid('email', 'mobile', 'requesterRole', 'subjectName'),
        ),
      ),
    z.transform(
      ({
        submissionId,
        locale,
        requestType,
        fullName,
        email,
        mobile,
        requesterRole,
        subjectName,
        details,
      }): RightsRequest => ({
        submissionId,
        locale,
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
