import { type ReactNode, useEffect, useState } from 'react';
import { get, type Path } from 'react-hook-form';
import { adultAge } from '#functions/forms/age.ts';
import {
  createNewsletterSchema,
  minorSignupMessage,
  type NewsletterFormValues,
} from '#functions/forms/newsletter-schema.ts';
import { announceMinorVisitor } from './consent-handoff.ts';
import { CheckboxField, Field, fieldId } from './Field.tsx';
import { LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface NewsletterFormProps extends LeadFormState {
  today: string;
  /** The form's notice (FormNotice), shown above the consent box: Astro's `notice` slot. */
  notice?: ReactNode;
}

const fieldOrder = [
  'email',
  'birthYear',
  'dateOfBirth',
  'marketingConsent',
] as const satisfies readonly Path<NewsletterFormValues>[];

const thankYouPage = (reference: string) => `/newsletter/thank-you/?ref=${encodeURIComponent(reference)}`;

/**
 * The newsletter sign-up form. Rendered on the server it posts to /newsletter/ and needs no JavaScript; hydrated,
 * it checks the fields with the same schema as the server and sends the sign-up to /api/newsletter. The age is
 * asked as a year; the full date only from someone who turns 18 this year, for whom the year cannot tell.
 */
export default function NewsletterForm({ today, notice, ...state }: NewsletterFormProps) {
  const [schema] = useState(() => createNewsletterSchema({ today }));
  const lead = useLeadForm<NewsletterFormValues>({
    schema,
    endpoint: '/api/newsletter',
    action: '/newsletter/',
    thankYouPage,
    fieldOrder,
    ...state,
  });
  const { register, formState, current, enhanced, errors, error, text } = lead;

  const refusedAsMinor = errors.some(([, message]) => message === minorSignupMessage);
  useEffect(() => {
    // DPDP Act s.9: no tracking of a child, from now on in this browser.
    if (refusedAsMinor) announceMinorVisitor();
  }, [refusedAsMinor]);

  const birthYear = String(current('birthYear') ?? '').trim();
  const turns18ThisYear = birthYear === String(Number(today.slice(0, 4)) - adultAge);
  const showFullDate =
    !enhanced ||
    turns18ThisYear ||
    Boolean(get(formState.errors, 'dateOfBirth')) ||
    Boolean(state.defaults.dateOfBirth);

  return (
    <LeadFormFrame lead={lead} className="newsletter-form" {...state}>
      <Field id={fieldId('email')} label="Email" error={error('email')}>
        {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
      </Field>
      <Field
        id={fieldId('birthYear')}
        label="Year of birth"
        hint="Our newsletter is for adults: we check your age and do not keep it."
        error={error('birthYear')}
      >
        {(aria) => (
          <input
            type="text"
            inputMode="numeric"
            autoComplete="bday-year"
            maxLength={4}
            className="input-short"
            {...aria}
            {...text('birthYear')}
          />
        )}
      </Field>
      {showFullDate && (
        <Field
          id={fieldId('dateOfBirth')}
          label="Date of birth"
          optional={!turns18ThisYear}
          hint={
            // Said only when the year entered shows it: shown for any other reason, the field is the general one.
            turns18ThisYear
              ? 'You turn 18 this year, so we need the full date to check you are 18 already.'
              : 'Only if you turn 18 this year.'
          }
          error={error('dateOfBirth')}
        >
          {(aria) => <input type="date" max={today} autoComplete="bday" {...aria} {...text('dateOfBirth')} />}
        </Field>
      )}
      {notice}
      <CheckboxField
        {...register('marketingConsent')}
        defaultChecked={state.defaults.marketingConsent === true}
        error={error('marketingConsent')}
      >
        Email me the clinic's newsletter: care tips, new treatments and offers. I can unsubscribe at any time.
      </CheckboxField>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing up…' : 'Sign up'}
      </button>
    </LeadFormFrame>
  );
}
