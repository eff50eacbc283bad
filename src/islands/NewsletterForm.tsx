import { type ReactNode, useEffect, useState } from 'react';
import { get, type Path } from 'react-hook-form';
import { adultAge } from '#functions/forms/age.ts';
import { createNewsletterSchema, type NewsletterFormValues } from '#functions/forms/newsletter-schema.ts';
import { announceMinorVisitor } from './consent-handoff.ts';
import { CheckboxField, Field, fieldId } from './Field.tsx';
import { useFormMessages } from './form-messages.tsx';
import { type FormPages, LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface NewsletterFormProps extends LeadFormState, FormPages {
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

/**
 * The newsletter sign-up form, in the language its entry gives it (src/islands/en/, src/islands/hi/). Rendered on
 * the server it posts to its own page (`action`: /newsletter/, /hi/newsletter/) and needs no JavaScript; hydrated, it checks
 * the fields with the same schema as the server and sends the sign-up to /api/newsletter. The age is asked as a
 * year; the full date only from someone who turns 18 this year, for whom the year cannot tell.
 */
export function NewsletterForm({ today, notice, action, thankYouPath, ...state }: NewsletterFormProps) {
  const messages = useFormMessages();
  const { labels } = messages.newsletter;
  const [schema] = useState(() => createNewsletterSchema({ today, messages }));
  const lead = useLeadForm<NewsletterFormValues>({
    schema,
    endpoint: '/api/newsletter',
    action,
    thankYouPage: (reference) => `${thankYouPath}?ref=${encodeURIComponent(reference)}`,
    fieldOrder,
    ...state,
  });
  const { register, formState, current, enhanced, errors, error, text } = lead;

  const refusedAsMinor = errors.some(([, message]) => message === messages.newsletter.minor);
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
      <Field id={fieldId('email')} label={labels.email} error={error('email')}>
        {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
      </Field>
      <Field id={fieldId('birthYear')} label={labels.birthYear} hint={labels.birthYearHint} error={error('birthYear')}>
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
          label={labels.dateOfBirth}
          optional={!turns18ThisYear}
          // Said only when the year entered shows it: shown for any other reason, the field is the general one.
          hint={turns18ThisYear ? labels.dateOfBirthHintTurning18 : labels.dateOfBirthHint}
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
        {labels.consent}
      </CheckboxField>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? labels.submitting : labels.submit}
      </button>
    </LeadFormFrame>
  );
}
