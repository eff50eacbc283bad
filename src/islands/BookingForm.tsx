import { type ReactNode, useEffect, useState } from 'react';
import type { Path } from 'react-hook-form';
import type { BranchId, SpecialtyId } from '#functions/clinic/clinic.ts';
import { clinicLabels } from '#functions/clinic/clinic-labels.ts';
import { isCalendarDate } from '#functions/clinic/dates.ts';
import { timeWindowIds } from '#functions/clinic/time-windows.ts';
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
import { useFormMessages } from './form-messages.tsx';
import { type FormPages, LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface BookingFormProps extends LeadFormState, FormPages {
  /** The booking section of the privacy policy, in the page's language where the policy is. */
  privacyNoticeHref: string;
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
 * The booking request form, in the language its entry gives it (src/islands/en/, src/islands/hi/). Rendered on the
 * server it posts to its own page (`action`: /book/, /hi/book/), which validates it with the shared schema
 * and renders it again with field errors, or redirects to the thank-you page: it needs no JavaScript. Hydrated, it
 * checks the fields with the same schema as the server, shows the guardian's questions only for a patient
 * under 18 (and then names the mobile and email the parent or guardian's), and sends the request to /api/booking.
 */
export function BookingForm(props: BookingFormProps) {
  const { treatments, branches, today, lastBookableDay, notice, action, thankYouPath, privacyNoticeHref, ...state } =
    props;
  const messages = useFormMessages();
  const { labels } = messages.booking;
  const [schema] = useState(() =>
    createBookingSchema({ treatments, today, parseMobile: plausibleMobileNumber, messages }),
  );
  const lead = useLeadForm<BookingFormValues>({
    schema,
    endpoint: '/api/booking',
    action,
    // The thank-you page repeats the request from this tab's storage: its address carries nothing.
    thankYouPage: (reference, { treatment, branch, preferredDate, timeWindow }) => {
      const treatmentTitle = treatments.find((item) => item.id === treatment)?.title ?? '';
      rememberBookingRequest(
        describeBookingRequest({ reference, treatmentTitle, branch, preferredDate, timeWindow }, messages),
      );
      return thankYouPath;
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
        <legend>{labels.appointment}</legend>
        <Field id={fieldId('treatment')} label={labels.treatment} error={error('treatment')}>
          {(aria) => (
            <select {...aria} {...text('treatment')}>
              <option value="">{labels.chooseTreatment}</option>
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
          label={labels.branch}
          hint={
            enhanced && specialty
              ? labels.branchHintFor(clinicLabels[messages.locale].specialties[specialty].label)
              : labels.branchHint(branches.map((branch) => `${branch.name}: ${branch.specialtyLabels}`).join('. '))
          }
          error={error('branch')}
        >
          {(aria) => (
            <select {...aria} {...text('branch')}>
              <option value="">{labels.chooseBranch}</option>
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
          label={labels.preferredDate}
          hint={labels.preferredDateHint(maxDaysAhead, openDays)}
          error={error('preferredDate')}
        >
          {(aria) => <input type="date" min={today} max={lastBookableDay} {...aria} {...text('preferredDate')} />}
        </Field>
        <RadioGroup
          name="timeWindow"
          legend={labels.timeWindow}
          error={error('timeWindow')}
          options={timeWindowIds.map((value) => ({ value, label: clinicLabels[messages.locale].timeWindows[value] }))}
          radio={register('timeWindow')}
          checkedValue={defaultText('timeWindow')}
        />
      </fieldset>

      <fieldset>
        <legend>{labels.patient}</legend>
        <Field id={fieldId('fullName')} label={labels.fullName} error={error('fullName')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...text('fullName')} />}
        </Field>
        <Field
          id={fieldId('mobile')}
          label={guardianContact ? labels.guardianMobile : labels.mobile}
          hint={guardianContact ? labels.guardianMobileHint : labels.mobileHint}
          error={error('mobile')}
        >
          {(aria) => <input type="tel" autoComplete="tel" inputMode="tel" {...aria} {...text('mobile')} />}
        </Field>
        <Field
          id={fieldId('email')}
          label={guardianContact ? labels.guardianEmail : labels.email}
          optional
          hint={guardianContact ? labels.guardianEmailHint : labels.emailHint}
          error={error('email')}
        >
          {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
        </Field>
        <Field
          id={fieldId('dateOfBirth')}
          label={labels.dateOfBirth}
          hint={labels.dateOfBirthHint}
          error={error('dateOfBirth')}
        >
          {(aria) => <input type="date" max={today} autoComplete="bday" {...aria} {...text('dateOfBirth')} />}
        </Field>
        <Field
          id={fieldId('helpText')}
          label={labels.helpText}
          optional
          hint={labels.helpTextHint(maxHelpTextLength)}
          error={error('helpText')}
        >
          {(aria) => <textarea rows={3} maxLength={maxHelpTextLength} {...aria} {...text('helpText')} />}
        </Field>
      </fieldset>

      {(!enhanced || minor) && (
        <fieldset className="guardian">
          <legend>{enhanced ? labels.guardian : labels.guardianWithoutScript}</legend>
          {enhanced && <p className="hint">{labels.guardianIntro}</p>}
          <Field id={fieldId('guardian.name')} label={labels.guardianName} error={error('guardian.name')}>
            {(aria) => <input type="text" autoComplete="off" {...aria} {...text('guardian.name')} />}
          </Field>
          <Field
            id={fieldId('guardian.relationship')}
            label={labels.relationship}
            error={error('guardian.relationship')}
          >
            {(aria) => (
              <select {...aria} {...text('guardian.relationship')}>
                <option value="">{labels.chooseRelationship}</option>
                <option value="parent">{labels.relationships.parent}</option>
                <option value="legal-guardian">{labels.relationships['legal-guardian']}</option>
              </select>
            )}
          </Field>
          <Field
            id={fieldId('patientMobile')}
            label={labels.patientMobile}
            optional
            hint={labels.patientMobileHint}
            error={error('patientMobile')}
          >
            {(aria) => <input type="tel" inputMode="tel" autoComplete="off" {...aria} {...text('patientMobile')} />}
          </Field>
          <CheckboxField {...checkbox('guardian.consent')}>{labels.guardianConsent}</CheckboxField>
        </fieldset>
      )}

      {notice}

      <fieldset>
        <legend>{labels.choices}</legend>
        <CheckboxField {...checkbox('consents.privacyNotice')}>
          {labels.privacyNotice.before}
          <a href={privacyNoticeHref}>{labels.privacyNotice.link}</a>
          {labels.privacyNotice.after}
        </CheckboxField>
        <CheckboxField {...checkbox('consents.whatsappUpdates')}>{labels.whatsappUpdates}</CheckboxField>
        {enhanced && minor ? (
          <p className="hint">{labels.noNewsForMinors}</p>
        ) : (
          <CheckboxField {...checkbox('consents.emailNews')}>
            {labels.emailNews}
            {!enhanced && labels.emailNewsWithoutScript}
          </CheckboxField>
        )}
      </fieldset>

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? labels.submitting : labels.submit}
      </button>
    </LeadFormFrame>
  );
}
