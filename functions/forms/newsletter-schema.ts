/**
 * The newsletter sign-up form, shared by the browser and the server like the booking form. The newsletter
 * is marketing, so it is for adults only; the date of birth (or year) is checked, never stored.
 */
import * as z from 'zod/mini';
import { adultAge, isMinor, maxAgeYears } from './age.ts';
import {
  dateOfBirthField,
  emailField,
  formObjectError,
  optionalInput,
  requiredTick,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';

export const minorSignupMessage =
  "We can't sign up anyone under 18. A parent or guardian is welcome to subscribe with their own email.";
export const fullDateOfBirthNeededMessage =
  'If you turn 18 this year, we need your full date of birth to check that you are 18 already.';

export interface NewsletterSchemaOptions {
  /** The clinic's today (`todayInClinic(new Date())`). */
  today: string;
}

export interface NewsletterSignup {
  submissionId: string;
  /** Lowercased. */
  email: string;
}

type AgeCheck = 'adult' | 'minor' | 'needs-full-date';

/**
 * With only a year: whoever turns 18 this year may still be 17, so only a year at least 19 years back
 * proves an adult, and a year less than 18 years back proves a minor.
 */
function ageCheckFromYear(birthYear: number, currentYear: number): AgeCheck {
  const yearsBack = currentYear - birthYear;
  if (yearsBack > adultAge) return 'adult';
  return yearsBack < adultAge ? 'minor' : 'needs-full-date';
}

export function createNewsletterSchema({ today }: NewsletterSchemaOptions) {
  const currentYear = Number(today.slice(0, 4));
  const yearMessage = `Enter the year you were born, like ${currentYear - 30}.`;

  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField,
          email: emailField('Enter your email address.'),
          dateOfBirth: optionalInput(dateOfBirthField(today)),
          birthYear: optionalInput(
            z
              .pipe(
                // A plain form posts the year as text; JSON may send it as a number.
                z.union([z.number(), z.pipe(z.string().check(z.trim(), z.regex(/^\d{4}$/)), z.transform(Number))], {
                  error: yearMessage,
                }),
                z.int({ error: yearMessage }),
              )
              .check(
                z.gte(currentYear - maxAgeYears, `Check the year: that is more than ${maxAgeYears} years ago.`),
                z.lte(currentYear, "A birth year can't be in the future."),
              ),
          ),
          marketingConsent: requiredTick('Tick the box to agree to receive our newsletter.'),
        },
        formObjectError,
      )
      .check(
        z.superRefine(
          ({ dateOfBirth, birthYear }, context) => {
            // A full date of birth, when given, decides: it is how someone who turns 18 this year proves it.
            if (dateOfBirth !== undefined) {
              if (isMinor(dateOfBirth, today)) {
                context.addIssue({ code: 'custom', path: ['dateOfBirth'], message: minorSignupMessage });
              }
              return;
            }
            // Neither: the form asks for the year, so that is where the problem is shown.
            if (birthYear === undefined) {
              context.addIssue({ code: 'custom', path: ['birthYear'], message: yearMessage });
              return;
            }
            const check = ageCheckFromYear(birthYear, currentYear);
            if (check !== 'adult') {
              const message = check === 'minor' ? minorSignupMessage : fullDateOfBirthNeededMessage;
              context.addIssue({ code: 'custom', path: ['birthYear'], message });
            }
          },
          whenFieldsValid('dateOfBirth', 'birthYear'),
        ),
      ),
    z.transform(({ submissionId, email }): NewsletterSignup => ({ submissionId, email })),
  );
}

export type NewsletterSchema = ReturnType<typeof createNewsletterSchema>;
/** What the form holds and posts. */
export type NewsletterFormValues = z.input<NewsletterSchema>;
