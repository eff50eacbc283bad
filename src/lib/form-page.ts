/**
 * What a lead form page does with its request: nothing for a visit; for a form sent without JavaScript, the
 * redirect to the thank-you page, or the submission refused, with the page's status set to match. And what the
 * page's island starts from. Form pages are never cached.
 */
import type { AstroGlobal } from 'astro';
import { type LeadForm, type LeadFormSubmission, submitPlainForm } from '#functions/http/lead-forms.ts';
import type { LeadFormState } from '#src/islands/use-lead-form.tsx';
import { pageLocale } from './i18n.ts';
import { setPageStatus } from './page-status.ts';

export type AcceptedSubmission = Extract<LeadFormSubmission, { kind: 'accepted' }>;

/** The thank-you page that shows the submission's reference in its address. */
export const withReference = (thankYouPath: string) => (accepted: AcceptedSubmission) =>
  `${thankYouPath}?ref=${encodeURIComponent(accepted.reference)}`;

export async function formPageSubmission(
  astro: Pick<AstroGlobal, 'request' | 'clientAddress' | 'locals' | 'response' | 'redirect' | 'currentLocale' | 'url'>,
  form: LeadForm,
  thankYouPage: (accepted: AcceptedSubmission) => string | Promise<string>,
): Promise<Response | Exclude<LeadFormSubmission, AcceptedSubmission> | undefined> {
  astro.response.headers.set('Cache-Control', 'no-store');
  if (astro.request.method !== 'POST') return undefined;
  const submission = await submitPlainForm(
    form,
    astro.request,
    astro.locals.clientAddress ?? astro.clientAddress,
    pageLocale(astro),
  );
  if (submission.kind === 'accepted') return astro.redirect(await thankYouPage(submission), 303);
  setPageStatus(astro.response, submission.status);
  return submission;
}

/**
 * A new submission, or the one sent without JavaScript with its errors. A resubmission keeps its ID, so that a
 * repeat after an error can never be stored twice, and the time the form was first shown, so that a quick fix
 * of one field is never taken for a bot's speed.
 */
export function leadFormState(
  submission: LeadFormSubmission | undefined,
  initialValues: Record<string, unknown> = {},
): LeadFormState {
  const sent = submission && 'values' in submission ? submission.values : undefined;
  const { submissionId, startedAt, ...defaults } = sent ?? initialValues;
  const shownAt = Number(startedAt);
  return {
    submissionId: typeof submissionId === 'string' ? submissionId : crypto.randomUUID(),
    startedAt: startedAt !== undefined && Number.isSafeInteger(shownAt) && shownAt <= Date.now() ? shownAt : Date.now(),
    defaults,
    serverErrors: submission?.kind === 'invalid' ? submission.fields : {},
  };
}
