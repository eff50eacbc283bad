import { type ReactNode, useState } from 'react';
import type { Path } from 'react-hook-form';
import { requesterRoles, rightsRequestTypes } from '#functions/clinic/form-choices.ts';
import { plausibleMobileNumber } from '#functions/forms/mobile-number.ts';
import {
  createRightsRequestSchema,
  maxRightsDetailsLength,
  type RightsRequestFormValues,
} from '#functions/forms/rights-request-schema.ts';
import { Field, fieldId, RadioGroup } from './Field.tsx';
import { LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface RightsRequestFormProps extends LeadFormState {
  /** The form's notice (FormNotice), shown above the send button: Astro's `notice` slot. */
  notice?: ReactNode;
}

const fieldOrder = [
  'requestType',
  'details',
  'fullName',
  'email',
  'mobile',
  'requesterRole',
  'subjectName',
] as const satisfies readonly Path<RightsRequestFormValues>[];

const thankYouPage = (reference: string) => `/privacy-rights/thank-you/?ref=${encodeURIComponent(reference)}`;
const optionsOf = (labels: Record<string, { label: string } | string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label: typeof label === 'string' ? label : label.label }));

/**
 * The privacy rights request form. Rendered on the server it posts to /privacy-rights/ and needs no JavaScript;
 * hydrated, it checks the fields with the same schema as the server and sends the request to /api/privacy-rights.
 */
export default function RightsRequestForm({ notice, ...state }: RightsRequestFormProps) {
  const [schema] = useState(() => createRightsRequestSchema({ parseMobile: plausibleMobileNumber }));
  const lead = useLeadForm<RightsRequestFormValues>({
    schema,
    endpoint: '/api/privacy-rights',
    action: '/privacy-rights/',
    thankYouPage,
    fieldOrder,
    ...state,
  });
  const { register, formState, current, enhanced, error, defaultText, text } = lead;
  const actingForSomeoneElse = (current('requesterRole') ?? 'self') !== 'self';

  return (
    <LeadFormFrame lead={lead} className="booking-form" {...state}>
      <fieldset>
        <legend>Your request</legend>
        <RadioGroup
          name="requestType"
          legend="What would you like us to do?"
          error={error('requestType')}
          options={optionsOf(rightsRequestTypes)}
          radio={register('requestType')}
          checkedValue={defaultText('requestType')}
        />
        <Field
          id={fieldId('details')}
          label="Details"
          optional
          hint={`What should we know to act on it: for a correction, what is wrong; for a complaint, what happened. Up to ${maxRightsDetailsLength} characters; please do not include medical reports.`}
          error={error('details')}
        >
          {(aria) => <textarea rows={4} maxLength={maxRightsDetailsLength} {...aria} {...text('details')} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>About you</legend>
        <Field id={fieldId('fullName')} label="Your full name" error={error('fullName')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...text('fullName')} />}
        </Field>
        <Field
          id={fieldId('email')}
          label="Email"
          hint="Give an email address, a mobile number, or both: the ones you used with us help us find your records."
          error={error('email')}
        >
          {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
        </Field>
        <Field
          id={fieldId('mobile')}
          label="Mobile number"
          hint="An Indian mobile number, or an international one starting with +"
          error={error('mobile')}
        >
          {(aria) => <input type="tel" autoComplete="tel" inputMode="tel" {...aria} {...text('mobile')} />}
        </Field>
        <RadioGroup
          name="requesterRole"
          legend="Whose information is this about?"
          error={error('requesterRole')}
          options={optionsOf(requesterRoles)}
          radio={register('requesterRole')}
          checkedValue={defaultText('requesterRole')}
        />
        {(!enhanced || actingForSomeoneElse) && (
          <Field
            id={fieldId('subjectName')}
            label="Their full name"
            optional={!enhanced}
            hint={
              enhanced
                ? 'We will ask you for proof that you may act for them, such as a birth certificate or a signed authorisation.'
                : 'Only if the request is about someone else. We will ask for proof that you may act for them.'
            }
            error={error('subjectName')}
          >
            {(aria) => <input type="text" autoComplete="off" {...aria} {...text('subjectName')} />}
          </Field>
        )}
      </fieldset>

      {notice}

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Sending…' : 'Send my request'}
      </button>
    </LeadFormFrame>
  );
}
