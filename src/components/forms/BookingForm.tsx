import { timeWindows } from '../../../functions/leads/time-windows';
import type { SpecialtyId } from '../../config/clinic';
import { CheckboxField, ErrorSummary, Field, fieldId } from './Field';

export interface BookingFormProps {
  treatments: { id: string; title: string; specialty: SpecialtyId; specialtyLabel: string }[];
  branches: { id: string; name: string; specialtyLabels: string; openDays: string }[];
  today: string;
  lastBookableDay: string;
  submissionId: string;
  startedAt: number;
  defaults: Record<string, unknown>;
  /** Field errors from a submission the server already checked (the no-JavaScript path). */
  serverErrors: Record<string, string>;
}

/**
 * The booking request form, rendered on the server: it posts to /book/, which validates it with the shared schema
 * and renders it again with field errors, or redirects to the thank-you page. It needs no JavaScript.
 */
export default function BookingForm(props: BookingFormProps) {
  const { treatments, branches, today, lastBookableDay, submissionId, startedAt, defaults, serverErrors } = props;
  const value = (path: string): unknown =>
    path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], defaults);
  const text = (path: string) => {
    const found = value(path);
    return typeof found === 'string' ? found : '';
  };
  const ticked = (path: string) => value(path) === true;
  const error = (path: string): string | undefined => serverErrors[path];
  const errorList = Object.entries(serverErrors).map(([field, message]) => ({ field, message }));

  return (
    <form className="booking-form" method="post" action="/book/" noValidate data-clarity-mask="true">
      <ErrorSummary errors={errorList} />
      <input type="hidden" name="submissionId" value={submissionId} />
      {/* Bot signals sit outside the validated fields: a filled honeypot or an instant submission is discarded. */}
      <input type="hidden" name="startedAt" value={startedAt} />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">Leave this field empty</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <fieldset>
        <legend>Your appointment</legend>
        <Field id={fieldId('treatment')} label="Treatment" error={error('treatment')}>
          {(aria) => (
            <select {...aria} name="treatment" defaultValue={text('treatment')}>
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
            <select {...aria} name="branch" defaultValue={text('branch')}>
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
          {(aria) => (
            <input
              type="date"
              min={today}
              max={lastBookableDay}
              {...aria}
              name="preferredDate"
              defaultValue={text('preferredDate')}
            />
          )}
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
                name="timeWindow"
                defaultChecked={text('timeWindow') === id}
              />
              {label}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>The patient</legend>
        <Field id={fieldId('fullName')} label="Full name" error={error('fullName')}>
          {(aria) => (
            <input type="text" autoComplete="name" {...aria} name="fullName" defaultValue={text('fullName')} />
          )}
        </Field>
        <Field
          id={fieldId('mobile')}
          label="Mobile number"
          hint="An Indian mobile number, or an international one starting with +"
          error={error('mobile')}
        >
          {(aria) => (
            <input
              type="tel"
              autoComplete="tel"
              inputMode="tel"
              {...aria}
              name="mobile"
              defaultValue={text('mobile')}
            />
          )}
        </Field>
        <Field id={fieldId('email')} label="Email" optional hint="For a confirmation email" error={error('email')}>
          {(aria) => <input type="email" autoComplete="email" {...aria} name="email" defaultValue={text('email')} />}
        </Field>
        <Field
          id={fieldId('dateOfBirth')}
          label="Date of birth"
          hint="Patients under 18 need a parent or guardian's details and consent."
          error={error('dateOfBirth')}
        >
          {(aria) => (
            <input
              type="date"
              max={today}
              autoComplete="bday"
              {...aria}
              name="dateOfBirth"
              defaultValue={text('dateOfBirth')}
            />
          )}
        </Field>
        <Field
          id={fieldId('helpText')}
          label="What would you like help with?"
          optional
          hint="A few words for the front desk, up to 500 characters. Please do not include medical reports."
          error={error('helpText')}
        >
          {(aria) => <textarea rows={3} maxLength={500} {...aria} name="helpText" defaultValue={text('helpText')} />}
        </Field>
      </fieldset>

      <fieldset className="guardian">
        <legend>Parent or guardian (only if the patient is under 18)</legend>
        <Field id={fieldId('guardian.name')} label="Parent or guardian's full name" error={error('guardian.name')}>
          {(aria) => (
            <input type="text" autoComplete="off" {...aria} name="guardian.name" defaultValue={text('guardian.name')} />
          )}
        </Field>
        <Field
          id={fieldId('guardian.relationship')}
          label="Relationship to the patient"
          error={error('guardian.relationship')}
        >
          {(aria) => (
            <select {...aria} name="guardian.relationship" defaultValue={text('guardian.relationship')}>
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
          {(aria) => (
            <input
              type="tel"
              inputMode="tel"
              autoComplete="off"
              {...aria}
              name="guardian.mobile"
              defaultValue={text('guardian.mobile')}
            />
          )}
        </Field>
        <CheckboxField
          name="guardian.consent"
          defaultChecked={ticked('guardian.consent')}
          error={error('guardian.consent')}
        >
          I am the patient's parent or legal guardian and I consent to this booking request and to the clinic using
          these details to arrange the appointment.
        </CheckboxField>
      </fieldset>

      <fieldset>
        <legend>Your choices</legend>
        <CheckboxField
          name="consents.privacyNotice"
          defaultChecked={ticked('consents.privacyNotice')}
          error={error('consents.privacyNotice')}
        >
          I have read the{' '}
          <a href="/privacy-policy/#website-forms-and-appointment-requests">privacy notice for booking requests</a>{' '}
          (required).
        </CheckboxField>
        <CheckboxField name="consents.whatsappUpdates" defaultChecked={ticked('consents.whatsappUpdates')}>
          Send me appointment updates on WhatsApp (optional).
        </CheckboxField>
        <CheckboxField name="consents.emailNews" defaultChecked={ticked('consents.emailNews')}>
          Email me clinic news and offers (optional; unsubscribe any time). We never send marketing to patients under
          18.
        </CheckboxField>
      </fieldset>

      <button type="submit" className="button">
        Send booking request
      </button>
    </form>
  );
}
