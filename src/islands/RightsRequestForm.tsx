import { type ReactNode, useState } from 'react';
import type { Path } from 'react-hook-form';
import { rightsRequestLabels } from '#functions/clinic/rights-request-labels.ts';
import { plausibleMobileNumber } from '#functions/forms/mobile-number.ts';
import {
  createRightsRequestSchema,
  maxRightsDetailsLength,
  type RightsRequestFormValues,
} from '#functions/forms/rights-request-schema.ts';
import { Field, fieldId, RadioGroup } from './Field.tsx';
import { useFormMessages } from './form-messages.tsx';
import { type FormPages, LeadFormFrame, type LeadFormState, useLeadForm } from './use-lead-form.tsx';

export interface RightsRequestFormProps extends LeadFormState, FormPages {
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

const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/**
 * The privacy rights request form, in the language its entry gives it (src/islands/en/, src/islands/hi/). Rendered
 * on the server it posts to its own page (`action`: /privacy-rights/, /hi/privacy-rights/) and needs no JavaScript; hydrated,
 * it checks the fields with the same schema as the server and sends the request to /api/privacy-rights.
 */
export function RightsRequestForm({ notice, action, thankYouPath, ...state }: RightsRequestFormProps) {
  const messages = useFormMessages();
  const { labels } = messages.rightsRequest;
  const choices = rightsRequestLabels[messages.locale];
  const [schema] = useState(() => createRightsRequestSchema({ parseMobile: plausibleMobileNumber, messages }));
  const lead = useLeadForm<RightsRequestFormValues>({
    schema,
    endpoint: '/api/privacy-rights',
    action,
    thankYouPage: (reference) => `${thankYouPath}?ref=${encodeURIComponent(reference)}`,
    fieldOrder,
    ...state,
  });
  const { register, formState, current, enhanced, error, defaultText, text } = lead;
  const actingForSomeoneElse = (current('requesterRole') ?? 'self') !== 'self';

  return (
    <LeadFormFrame lead={lead} className="booking-form" {...state}>
      <fieldset>
        <legend>{labels.yourRequest}</legend>
        <RadioGroup
          name="requestType"
          legend={labels.requestType}
          error={error('requestType')}
          options={optionsOf(choices.rightsRequestTypes)}
          radio={register('requestType')}
          checkedValue={defaultText('requestType')}
        />
        <Field
          id={fieldId('details')}
          label={labels.details}
          optional
          hint={labels.detailsHint(maxRightsDetailsLength)}
          error={error('details')}
        >
          {(aria) => <textarea rows={4} maxLength={maxRightsDetailsLength} {...aria} {...text('details')} />}
        </Field>
      </fieldset>

      <fieldset>
        <legend>{labels.aboutYou}</legend>
        <Field id={fieldId('fullName')} label={labels.fullName} error={error('fullName')}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...text('fullName')} />}
        </Field>
        <Field id={fieldId('email')} label={labels.email} hint={labels.emailHint} error={error('email')}>
          {(aria) => <input type="email" autoComplete="email" {...aria} {...text('email')} />}
        </Field>
        <Field id={fieldId('mobile')} label={labels.mobile} hint={labels.mobileHint} error={error('mobile')}>
          {(aria) => <input type="tel" autoComplete="tel" inputMode="tel" {...aria} {...text('mobile')} />}
        </Field>
        <RadioGroup
          name="requesterRole"
          legend={labels.requesterRole}
          error={error('requesterRole')}
          options={optionsOf(choices.requesterRoles)}
          radio={register('requesterRole')}
          checkedValue={defaultText('requesterRole')}
        />
        {(!enhanced || actingForSomeoneElse) && (
          <Field
            id={fieldId('subjectName')}
            label={labels.subjectName}
            optional={!enhanced}
            hint={enhanced ? labels.subjectNameHint : labels.subjectNameHintWithoutScript}
            error={error('subjectName')}
          >
            {(aria) => <input type="text" autoComplete="off" {...aria} {...text('subjectName')} />}
          </Field>
        )}
      </fieldset>

      {notice}

      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? labels.submitting : labels.submit}
      </button>
    </LeadFormFrame>
  );
}
