import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { type DefaultValues, type FieldError, get, type Path, useForm } from 'react-hook-form';
import { isMinor } from '../../functions/leads/age';
import { type BookingFormValues, createBookingSchema } from '../../functions/leads/booking-schema';
import { isCalendarDate } from '../../functions/leads/dates';
import { plausibleMobileNumber } from '../../functions/leads/mobile-number';
import { timeWindows } from '../../functions/leads/time-windows';
import type { SpecialtyId } from '../config/clinic';
import { announceMinorVisitor, arrivalWithFormPage } from './consent-handoff';
import { CheckboxField, ErrorSummary, Field, fieldId } from './Field';
import { errorList, type FlatFieldErrors, focusFirstProblem, nestedErrors, postLead } from './form-state';

export interface BookingFormProps {
  treatments: { id: string; title: string; specialty: SpecialtyId; specialtyLabel: string }[];
  branches: { id: string; name: string; specialtyLabels: string; openDays: string }[];
  today: string;
  lastBookableDay: string;
  submissionId: string;
  startedAt: number;
  /** What the visitor posted without JavaScript, unchecked (or the treatment a page linked with). */
  defaults: Record<string, unknown>;
  /** Field errors from a submission the server already checked (the no-JavaScript path). */
  serverErrors: FlatFieldErrors;
}

type FieldPath = Path<BookingFormValues>;

const thankYouPage = (reference: string) => `/book/thank-you/?ref=${encodeURIComponent(reference)}`;

/**
 * The booking request form. Rendered on the server it posts to /book/, which validates it with the shared schema
 * and renders it again with field errors, or redirects to the thank-you page: it needs no JavaScript. Hydrated, it
 * checks each field with the same schema as the visitor goes, shows the guardian's questions only for a patient
 * under 18, and sends the request to /api/booking.
 */
export default function BookingForm(props: BookingFormProps) {
  const { treatments, branches, today, lastBookableDay, submissionId, startedAt, defaults, serverErrors } = props;
  const [schema] = useState(() => createBookingSchema({ treatments, today, parseMobile: plausibleMobileNumber }));
  // Made once: react-hook-form resets its errors to this prop whenever the prop changes.
  const [errorsFromServer] = useState(() => nestedErrors(serverErrors));
  const { register, handleSubmit, formState, watch, setError, setValue } = useForm<BookingFormValues>({
    // Shown again as posted: the resolver checks every value before anything is sent.
    defaultValues: { submissionId, ...defaults } as DefaultValues<BookingFormValues>,
    errors: errorsFromServer,
    // The raw values are posted: the server parses them with the same schema.
    resolver: zodResolver(schema, undefined, { raw: true }),
    // Checked when sent, then as each problem is fixed: an error appearing as a field loses focus would move
    // the control being clicked (the next box, or the send button) out from under the pointer.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  });
  const form = useRef<HTMLFormElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [failure, setFailure] = useState<string>();
  const honeypot = useRef<HTMLInputElement>(null);
  useEffect(() => setEnhanced(true), []);

  const dateOfBirth = watch('dateOfBirth');
  const minor = typeof dateOfBirth === 'string' && isCalendarDate(dateOfBirth) && isMinor(dateOfBirth, today);
  useEffect(() => {
    if (!minor) return;
    // DPDP Act s.9: no tracking of a child, from now on in this browser; no clinic news for them either.
    announceMinorVisitor();
    setValue('consents.emailNews', false);
  }, [minor, setValue]);

  const defaultText = (path: FieldPath) => {
    const value = get(defaults, path) as unknown;
    return typeof value === 'string' ? value : '';
  };
  const text = (path: FieldPath) => ({ ...register(path), defaultValue: defaultText(path) });
  const error = (path: FieldPath) => (get(formState.errors, path) as FieldError | undefined)?.message;
  const checkbox = (path: FieldPath) => ({
    ...register(path),
    defaultChecked: get(defaults, path) === true,
    error: error(path),
  });
  const errors = errorList(formState.errors);

  const send = handleSubmit(
    async (values): Promise<void> => {
      setFailure(undefined);
      const attribution = minor ? undefined : arrivalWithFormPage(window.location.pathname);
      const result = await postLead('/api/booking', {
        ...values,
        ...(attribution && { attribution }),
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
      className="booking-form"
      method="post"
      action="/book/"
      noValidate
      data-clarity-mask="true"
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
      {/* Not registered: the form's values hold it already, and a hidden input would be "focused" as the first error. */}
      <input type="hidden" name="submissionId" value={submissionId} />
      {/* Bot signals sit outside the validated fields: a filled honeypot or an instant submission is discarded. */}
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

      <fieldset>
        <legend>Your appointment</legend>
        <Field id={fieldId('treatment')} label="Treatment" error={error('treatment')}>
          {(aria) => (
            <select {...aria} {...text('treatment')}>
              <option value="">Choose a treatment</option>
              {[...new Set(treatments.map((item) => item.specialtyLabel))].map((label) => (
                <optgroup key={label} label={label}>
                  {treatments
                    .filter((item) => item.specialtyLabel === label)
                    .map((item) => (
                      <option key={item.id} value={item.id}>
                        {item.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('branch')}
          label="Clinic"
          hint="Not every clinic offers every specialty: each is listed with what it offers and the days it is open."
          error={error('branch')}
        >
          {(aria) => (
            <select {...aria} {...text('branch')}>
              <option value="">Choose a clinic</option>
              {branches.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}: {branch.specialtyLabels} ({branch.openDays})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('preferredDate')}
          label="Preferred date"
          hint="Within the next 90 days, on a day the clinic is open. We confirm the exact time with you."
          error={error('preferredDate')}
        >
          {(aria) => <input type="date" min={today} max={lastBookableDay} {...aria} {...text('preferredDate')} />}
        </Field>
        <fieldset
          className="radio-group"
          aria-describedby={error('timeWindow') ? `${fieldId('timeWindow')}-error` : undefined}
        >
          <legend>Preferred time of day</legend>
          {error('timeWindow') && (
            <p className="error" id={`${fieldId('timeWindow')}-error`}>
              <span className="visually-hidden">Error: </span>
              {error('timeWindow')}
            </p>
          )}
          {Object.entries(timeWindows).map(([id, { label }], index) => (
            <label key={id} className="choice">
              <input
                type="radio"
                value={id}
                {...(index === 0 ? { id: fieldId('timeWindow') } : {})}
                {...register('timeWindow')}
                defaultChecked={defaultText('timeWindow') === id}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>The patient</legend>
        <Field id={fieldId('fullName')} label="Full name" error={error('fullName')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...text('fullName')} />}
        </Field>
        <Field
          id={fieldId('mobile')}
          label="Mobile number"
          hint="An Indian mobile number, or an international one starting with +"
          error={error('mobile')}
        >
          {(aria) => <input type="tel" autoComplete="tel" inputMode="tel" {...aria} {...text('mobile')} />}
        </Field>
        <Field id={fieldId('email')} label="Email" optional hint="For a confirmation email" error={error('email')}>
          {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
        </Field>
        <Field
          id={fieldId('dateOfBirth')}
          label="Date of birth"
          hint="Patients under 18 need a parent or guardian's details and consent."
          error={error('dateOfBirth')}
        >
          {(aria) => <input type="date" max={today} autoComplete="bday" {...aria} {...text('dateOfBirth')} />}
        </Field>
        <Field
          id={fieldId('helpText')}
          label="What would you like help with?"
          optional
          hint="A few words for the front desk, up to 500 characters. Please do not include medical reports."
          error={error('helpText')}
        >
          {(aria) => <textarea rows={3} maxLength={500} {...aria} {...text('helpText')} />}
        </Field>
      </fieldset>

      {(!enhanced || minor) && (
        <fieldset className="guardian">
          <legend>{enhanced ? 'Parent or guardian' : 'Parent or guardian (only if the patient is under 18)'}</legend>
          {enhanced && (
            <p className="hint">
              The patient is under 18, so we need a parent or legal guardian's details and consent.
            </p>
          )}
          <Field id={fieldId('guardian.name')} label="Parent or guardian's full name" error={error('guardian.name')}>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...text('guardian.name')} />}
          </Field>
          <Field
            id={fieldId('guardian.relationship')}
            label="Relationship to the patient"
            error={error('guardian.relationship')}
          >
            {(aria) => (
              <select {...aria} {...text('guardian.relationship')}>
                <option value="">Choose</option>
                <option value="parent">Parent</option>
                <option value="legal-guardian">Legal guardian</option>
              </select>
            )}
          </Field>
          <Field
            id={fieldId('guardian.mobile')}
            label="Parent or guardian's mobile number"
            error={error('guardian.mobile')}
          >
            {(aria) => <input type="tel" inputMode="tel" autoComplete="off" {...aria} {...text('guardian.mobile')} />}
          </Field>
          <CheckboxField {...checkbox('guardian.consent')}>
            I am the patient's parent or legal guardian and I consent to this booking request and to the clinic using
            these details to arrange the appointment.
          </CheckboxField>
        </fieldset>
      )}

      <fieldset>
        <legend>Your choices</legend>
        <CheckboxField {...checkbox('consents.privacyNotice')}>
          I have read the{' '}
          <a href="/privacy-policy/#website-forms-and-appointment-requests">privacy notice for booking requests</a>{' '}
          (required).
        </CheckboxField>
        <CheckboxField {...checkbox('consents.whatsappUpdates')}>
          Send me appointment updates on WhatsApp (optional).
        </CheckboxField>
        {enhanced && minor ? (
          <p className="hint">We never send clinic news or offers to patients under 18.</p>
        ) : (
          <CheckboxField {...checkbox('consents.emailNews')}>
            Email me clinic news and offers (optional; unsubscribe any time). We never send marketing to patients under
            18.
          </CheckboxField>
        )}
      </fieldset>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Sending…' : 'Send booking request'}
      </button>
    </form>
  );
}
