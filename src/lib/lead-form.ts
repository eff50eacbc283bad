import type { AstroGlobal } from 'astro';
import { formDataToObject } from '../../functions/http/form-fields';
import { readFormBody } from '../../functions/http/request-body';
import { maxLeadBytes } from '../../functions/leads/lead-endpoint';
import type { LeadIntake } from '../../functions/leads/lead-intake';

export type LeadFormSubmission =
  | { kind: 'accepted'; reference: string }
  | { kind: 'invalid'; status: 400; fields: Record<string, string>; values: Record<string, unknown> }
  | { kind: 'failed'; status: number; message: string; values?: Record<string, unknown> };

/**
 * A lead form's no-JavaScript path: the plain form post, through the same intake as the JSON endpoint.
 * Unticked checkboxes are absent from a form post, so `checkboxFields` names those that mean `false` then.
 */
export async function submitLeadForm(
  request: Request,
  clientAddress: string,
  intake: LeadIntake,
  checkboxFields: readonly string[],
): Promise<LeadFormSubmission> {
  const body = await readFormBody(request, maxLeadBytes);
  if (!body.ok) return { kind: 'failed', status: body.status, message: body.error.message };
  const values = formDataToObject(body.value, checkboxFields);
  const result = await intake(values, clientAddress);
  switch (result.kind) {
    case 'accepted':
      return { kind: 'accepted', reference: result.reference };
    case 'invalid':
      return { kind: 'invalid', status: 400, fields: result.fields, values };
    case 'rate-limited':
      return {
        kind: 'failed',
        status: 429,
        message: `Too many requests from this connection. Please wait ${Math.ceil(result.retryAfterSeconds / 60)} minutes, or call us.`,
        values,
      };
    case 'error':
      return {
        kind: 'failed',
        status: 500,
        message: 'Something went wrong on our side. Please send again, or call us.',
        values,
      };
  }
}

/** The values a form sent, or `undefined`, to fill the form again beside its errors. */
export function submittedValues(submission: LeadFormSubmission | undefined): Record<string, unknown> | undefined {
  return submission && 'values' in submission ? submission.values : undefined;
}

/** What a lead form island starts from: a new submission, or the one sent without JavaScript with its errors. */
export function leadFormState(submission: LeadFormSubmission | undefined, initialValues: Record<string, unknown> = {}) {
  const { submissionId, startedAt: _startedAt, ...defaults } = submittedValues(submission) ?? initialValues;
  return {
    // A resubmission keeps its id, so a repeat after an error can never be stored twice.
    submissionId: typeof submissionId === 'string' ? submissionId : crypto.randomUUID(),
    startedAt: Date.now(),
    defaults,
    serverErrors: submission?.kind === 'invalid' ? submission.fields : {},
  };
}

type FormSubmitter = (request: Request, clientAddress: string) => Promise<LeadFormSubmission>;

/**
 * A form page's request: nothing for a visit; for a form sent without JavaScript, the redirect to the thank-you
 * page (`Response`) or the refused submission, with the page's status set to match. Form pages are never cached.
 */
export async function formPageSubmission(
  astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'response' | 'redirect'>,
  submit: FormSubmitter,
  thankYouPath: string,
): Promise<Response | LeadFormSubmission | undefined> {
  astro.response.headers.set('Cache-Control', 'no-store');
  if (astro.request.method !== 'POST') return undefined;
  const submission = await submit(astro.request, astro.clientAddress);
  if (submission.kind === 'accepted') {
    return astro.redirect(`${thankYouPath}?ref=${encodeURIComponent(submission.reference)}`, 303);
  }
  astro.response.status = submission.status;
  return submission;
}
