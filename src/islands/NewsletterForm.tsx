import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldError, get, type Path, useForm } from 'react-hook-form';
import { adultAge } from '../../functions/leads/age';
import {
  createNewsletterSchema,
  minorSignupMessage,
  type NewsletterFormValues,
} from '../../functions/leads/newsletter-schema';
import { announceMinorVisitor } from './consent-handoff';
import { CheckboxField, ErrorSummary, Field, fieldId } from './Field';
import { errorList, type FlatFieldErrors, focusFirstProblem, nestedErrors, postLead } from './form-state';

export interface NewsletterFormProps {
  today: string;
  submissionId: string;
  startedAt: number;
  /** What the visitor posted without JavaScript, unchecked. */
  defaults: Record<string, unknown>;
  /** Field errors from a submission the server already checked (the no-JavaScript path). */
  serverErrors: FlatFieldErrors;
}

type FieldPath = Path<NewsletterFormValues>;

const thankYouPage = (reference: string) => `/newsletter/thank-you/?ref=${encodeURIComponent(reference)}`;

/**
 * The newsletter sign-up form. Rendered on the server it posts to /newsletter/ and needs no JavaScript; hydrated,
 * it checks each field with the same schema as the server and sends the sign-up to /api/newsletter. The age is
 * asked as a year; the full date only from someone who turns 18 this year, for whom the year cannot tell.
 */
export default function NewsletterForm({
  today,
  submissionId,
  startedAt,
  defaults,
  serverErrors,
}: NewsletterFormProps) {
  const [schema] = useState(() => createNewsletterSchema({ today }));
  // Made once: react-hook-form resets its errors to this prop whenever the prop changes.
  const [errorsFromServer] = useState(() => nestedErrors(serverErrors));
  const { register, handleSubmit, formState, watch, setError } = useForm<NewsletterFormValues>({
    defaultValues: { submissionId, ...defaults } as DefaultValues<NewsletterFormValues>,
    errors: errorsFromServer,
    resolver: zodResolver(schema, undefined, { raw: true }),
    // Checked when sent, then as each problem is fixed: an error appearing as a field loses focus would move
    // the control being clicked (the next box, or the send button) out from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const form = useRef<HTMLFormElement>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [failure, setFailure] = useState<string>();
  useEffect(() => setEnhanced(true), []);

  const errors = errorList(formState.errors);
  const refusedAsMinor = errors.some(([, message]) => message === minorSignupMessage);
  useEffect(() => {
    // DPDP Act s.9: no tracking of a child, from now on in this browser.
    if (refusedAsMinor) announceMinorVisitor();
  }, [refusedAsMinor]);

  const birthYear = String(watch('birthYear') ?? '').trim();
  const turns18ThisYear = birthYear === String(Number(today.slice(0, 4)) - adultAge);
  const showFullDate =
    !enhanced || turns18ThisYear || Boolean(get(formState.errors, 'dateOfBirth')) || Boolean(defaults.dateOfBirth);

  const defaultText = (path: FieldPath) => {
    const value = get(defaults, path) as unknown;
    return typeof value === 'string' ? value : '';
  };
  const text = (path: FieldPath) => ({ ...register(path), defaultValue: defaultText(path) });
  const error = (path: FieldPath) => (get(formState.errors, path) as FieldError | undefined)?.message;

  const send = handleSubmit(
    async (values): Promise<void> => {
      setFailure(undefined);
      const result = await postLead('/api/newsletter', {
        ...values,
        startedAt,
        website: honeypot.current?.value ?? '',
      });
      if (result.kind === 'accepted') {
        window.location.assign(thankYouPage(result.reference));
      } else if (result.kind === 'invalid') {
        for (const [path, message] of Object.entries(result.fields)) {
          setError(path as FieldPath, { type: 'server', message });
        }
        focusFirstProblem(form.current, Object.keys(result.fields));
      } else {
        setFailure(result.message);
      }
    },
    (problems) =>
      focusFirstProblem(
        form.current,
        errorList(problems).map(([path]) => path),
      ),
  );

  return (
    <form
      ref={form}
      className="newsletter-form"
      method="post"
      action="/newsletter/"
      noValidate
      onSubmit={send}
      aria-busy={formState.isSubmitting}
    >
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      {/* Listed once the visitor has tried to send: a list appearing while they fill in the form would move it. */}
      <ErrorSummary errors={formState.submitCount > 0 || Object.keys(serverErrors).length > 0 ? errors : []} />
      <input type="hidden" name="submissionId" value={submissionId} />
      <input type="hidden" name="startedAt" value={startedAt} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">Leave this field empty</label>
        <input
          id="field-website"
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
          ref={honeypot}
        />
      </div>

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
          optional={!enhanced}
          hint={
            enhanced
              ? 'You turn 18 this year, so we need the full date to check you are 18 already.'
              : 'Only if you turn 18 this year.'
          }
          error={error('dateOfBirth')}
        >
          {(aria) => <input type="date" max={today} autoComplete="bday" {...aria} {...text('dateOfBirth')} />}
        </Field>
      )}
      <CheckboxField
        {...register('marketingConsent')}
        defaultChecked={defaults.marketingConsent === true}
        error={error('marketingConsent')}
      >
        Email me the clinic's newsletter: care tips, new treatments and offers. I can unsubscribe at any time.
      </CheckboxField>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing up…' : 'Sign up'}
      </button>
    </form>
  );
}
