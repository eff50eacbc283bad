import { type ReactNode, useEffect, useState } from 'react';
import type { Path } from 'react-hook-form';
import { type BranchId, type SpecialtyId, specialties } from '#functions/clinic/clinic.ts';
import { isCalendarDate } from '#functions/clinic/dates.ts';
import { timeWindows } from '#functions/clinic/time-windows.ts';
import { isMinor } from '#functions/forms/age.ts';
import {
  type BookingFormValues,
  createBookingSchema,
  maxDaysAhead,
  maxHelpTextLength,
} from '#functions/forms/booking-schema.ts';
import { plausibleMobileNumber } from '#functions/forms/mobile-number.ts';
import { rememberBookingRequest } from './booking-request-storage.ts';
import { describeBookingRequest } from './booking-request-summary.ts';
import { announceMinorVisitor, arrivalWithFormPage } from './consent-handoff.ts';
import { CheckboxField, Field, fieldId, RadioGroup } from './Field.tsx';
import { LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface BookingFormProps extends LeadFormState {
  treatments: { id: string; title: string; specialty: SpecialtyId; specialtyLabel: string }[];
  branches: { id: BranchId; name: string; specialties: SpecialtyId[]; specialtyLabels: string; openDays: string }[];
  today: string;
  lastBookableDay: string;
  /** The form's notice (FormNotice), shown above the choices and the send button: Astro's `notice` slot. */
  notice?: ReactNode;
}

const fieldOrder = [
  'treatment',
  'branch',
  'preferredDate',
  'timeWindow',
  'fullName',
  'mobile',
  'email',
  'dateOfBirth',
  'helpText',
  'guardian.name',
  'guardian.relationship',
  'patientMobile',
  'guardian.consent',
  'consents.privacyNotice',
  'consents.whatsappUpdates',
  'consents.emailNews',
] as const satisfies readonly Path<BookingFormValues>[];

/**
 * The booking request form. Rendered on the server it posts to /book/, which validates it with the shared schema
 * and renders it again with field errors, or redirects to the thank-you page: it needs no JavaScript. Hydrated, it
 * checks the fields with the same schema as the server, shows the guardian's questions only for a patient
 * under 18 (and then names the mobile and email the parent or guardian's), and sends the request to /api/booking.
 */
export default function BookingForm(props: BookingFormProps) {
  const { treatments, branches, today, lastBookableDay, notice, ...state } = props;
  const [schema] = useState(() => createBookingSchema({ treatments, today, parseMobile: plausibleMobileNumber }));
  const lead = useLeadForm<BookingFormValues>({
    schema,
    endpoint: '/api/booking',
    action: '/book/',
    // The thank-you page repeats the request from this tab's storage: its address carries nothing.
    thankYouPage: (reference, { treatment, branch, preferredDate, timeWindow }) => {
      const treatmentTitle = treatments.find((item) => item.id === treatment)?.title ?? '';
      rememberBookingRequest(describeBookingRequest({ reference, treatmentTitle, branch, preferredDate, timeWindow }));
      return '/book/thank-you/';
    },
    fieldOrder,
    extraBody: (): Record<string, unknown> => (minor ? {} : arrivalWithFormPage(window.location.pathname)),
    ...state,
  });
  const { register, formState, setValue, enhanced, error, defaultText, current, text, checkbox } = lead;

  const dateOfBirth = current('dateOfBirth');
  const minor: boolean = typeof dateOfBirth === 'string' && isCalendarDate(dateOfBirth) && isMinor(dateOfBirth, today);
  // Without JavaScript the form cannot tell, so the labels say both.
  const guardianContact = enhanced && minor;
  useEffect(() => {
    if (!minor) return;
    // DPDP Act s.9: no tracking of a child, from now on in this browser; no clinic news for them either.
    announceMinorVisitor();
    setValue('consents.emailNews', false);
  }, [minor, setValue]);

  // Hydrated, the clinic list offers only the clinics with the chosen treatment's specialty (the server checks it
  // either way); a clinic chosen before a treatment it does not offer is cleared.
  const specialty = treatments.find((item) => item.id === current('treatment'))?.specialty;
  const offering =
    enhanced && specialty ? branches.filter((branch) => branch.specialties.includes(specialty)) : branches;
  const chosenBranch = current('branch');
  const branchOffered = !chosenBranch || offering.some((branch) => branch.id === chosenBranch);
  useEffect(() => {
    if (!branchOffered) setValue('branch', '' as BranchId);
  }, [branchOffered, setValue]);
  const openDays = enhanced ? branches.find((branch) => branch.id === chosenBranch)?.openDays : undefined;

  return (
    <LeadFormFrame lead={lead} className="booking-form" {...state}>
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
          hint={
            enhanced && specialty
              ? `The clinics that offer ${specialties[specialty].label.toLowerCase()}.`
              : `Not every clinic offers every specialty. ${branches.map((branch) => `${branch.name}: ${branch.specialtyLabels}`).join('. ')}.`
          }
          error={error('branch')}
        >
          {(aria) => (
            <select {...aria} {...text('branch')}>
              <option value="">Choose a clinic</option>
              {offering.map((branch) => (
                <option key={branch.id} value={branch.id}>
                  {branch.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId('preferredDate')}
          label="Preferred date"
          hint={`Within ${maxDaysAhead} days, on a day the clinic is open${openDays ? ` (${openDays})` : ''}. We confirm the exact time.`}
          error={error('preferredDate')}
        >
          {(aria) => <input type="date" min={today} max={lastBookableDay} {...aria} {...text('preferredDate')} />}
        </Field>
        <RadioGroup
          name="timeWindow"
          legend="Preferred time of day"
          error={error('timeWindow')}
          options={Object.entries(timeWindows).map(([value, { label }]) => ({ value, label }))}
          radio={register('timeWindow')}
          checkedValue={defaultText('timeWindow')}
        />
      </fieldset>

      <fieldset>
        <legend>The patient, and how to reach you</legend>
        <Field id={fieldId('fullName')} label="Full name" error={error('fullName')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...text('fullName')} />}
        </Field>
        <Field
          id={fieldId('mobile')}
          label={guardianContact ? "Parent or guardian's mobile number" : 'Mobile number'}
          hint={
            guardianContact
              ? 'The patient is under 18, so we call their parent or guardian. An Indian mobile number, or an international one starting with +'
              : "The patient's, or a parent or guardian's if the patient is under 18. An Indian mobile number, or an international one starting with +"
          }
          error={error('mobile')}
        >
          {(aria) => <input type="tel" autoComplete="tel" inputMode="tel" {...aria} {...text('mobile')} />}
        </Field>
        <Field
          id={fieldId('email')}
          label={guardianContact ? "Parent or guardian's email" : 'Email'}
          optional
          hint={
            guardianContact
              ? 'We email them a link to confirm their consent. Without an email, we confirm it on our call.'
              : "For a confirmation email. If the patient is under 18, give a parent or guardian's: we email them a link to confirm their consent."
          }
          error={error('email')}
        >
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
          hint={`A few words for the front desk, up to ${maxHelpTextLength} characters; no medical reports, please.`}
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
              The patient is under 18, so we need a parent or legal guardian's details and consent. The mobile number
              and email above are theirs.
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
            id={fieldId('patientMobile')}
            label="The patient's own mobile number"
            optional
            hint="Only if our front desk may also call the patient on it. It goes to the front desk only, never to our CRM."
            error={error('patientMobile')}
          >
            {(aria) => <input type="tel" inputMode="tel" autoComplete="off" {...aria} {...text('patientMobile')} />}
          </Field>
          <CheckboxField {...checkbox('guardian.consent')}>
            I am the patient's parent or legal guardian and I consent to this booking request and to the clinic using
            these details to arrange the appointment. We then ask you to confirm this, by email or on our call.
          </CheckboxField>
        </fieldset>
      )}

      {notice}

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
            Email me clinic news and offers (optional; unsubscribe any time).
            {!enhanced && ' We never send marketing to patients under 18.'}
          </CheckboxField>
        )}
      </fieldset>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Sending…' : 'Send booking request'}
      </button>
    </LeadFormFrame>
  );
}
