/**
 * The newsletter sign-up form, shared by the browser and the server like the booking form. The newsletter
 * is marketing, so it is for adults only; the date of birth (or year) is checked, never stored.
 */
import * as z from 'zod/mini';
import type { Locale } from '#functions/clinic/locales.ts';
import { adultAge, isMinor, maxAgeYears } from './age.ts';
import {
  dateOfBirthField,
  emailField,
  formObjectError,
  localeField,
  optionalInput,
  requiredTick,
  submissionIdField,
  whenFieldsValid,
} from './fields.ts';
import type { FormMessages } from './messages-en.ts';

export interface NewsletterSchemaOptions {
  /** The clinic's today (`todayInClinic(new Date())`). */
  today: string;
  /** The catalogue of the language the form is in (messages-en.ts, messages-hi.ts). */
  messages: FormMessages;
}

export interface NewsletterSignup {
  submissionId: string;
  /** Lowercased. */
  email: string;
  /** The language of the page the sign-up came from: the confirmation email is written in it. */
  locale: Locale;
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

export function createNewsletterSchema({ today, messages }: NewsletterSchemaOptions) {
  const currentYear = Number(today.slice(0, 4));
  const { fields, newsletter } = messages;
  const yearMessage = newsletter.birthYearMissing(currentYear - 30);

  return z.pipe(
    z
      .strictObject(
        {
          submissionId: submissionIdField(fields),
          locale: localeField,
          email: emailField(newsletter.emailMissing, fields),
          dateOfBirth: optionalInput(dateOfBirthField(today, fields)),
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
                z.gte(currentYear - maxAgeYears, fields.bornTooLongAgo(maxAgeYears)),
                z.lte(currentYear, newsletter.birthYearFuture),
              ),
          ),
          marketingConsent: requiredTick(newsletter.consentMissing),
        },
        formObjectError,
      )
      .check(
        z.superRefine(
          ({ dateOfBirth, birthYear }, context) => {
            // A full date of birth, when given, decides: it is how someone who turns 18 this year proves it.
            if (dateOfBirth !== undefined) {
              if (isMinor(dateOfBirth, today)) {
                context.addIssue({ code: 'custom', path: ['dateOfBirth'], message: newsletter.minor });
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
              const message = check === 'minor' ? newsletter.minor : newsletter.fullDateNeeded;
              context.addIssue({ code: 'custom', path: ['birthYear'], message });
            }
          },
          whenFieldsValid('dateOfBirth', 'birthYear'),
        ),
      ),
    z.transform(({ submissionId, email, locale }): NewsletterSignup => ({ submissionId, email, locale })),
  );
}

export type NewsletterSchema = ReturnType<typeof createNewsletterSchema>;
/** What the form holds and posts. */
export type NewsletterFormValues = z.input<NewsletterSchema>;
