/**
 * A lead form's two ways in, through one path: the island's JSON post (`POST /api/<form>`) and the plain form
 * post a page answers without JavaScript. Both read the body within the same limit, hold the client to the same
 * rate limit and go through the same intake; one mapper turns what happened into the answer each path gives.
 */
import { defaultLocale, type Locale } from '#functions/clinic/locales.ts';
import { formMessages } from '#functions/forms/messages.ts';
import type { LeadIntake, LeadIntakeResult } from '#functions/intake/lead-intake.ts';
import { formDataToObject } from './form-fields.ts';
import type { ClientRateLimiter } from './rate-limit.ts';
import { type IncomingBody, type RequestError, readFormBody, readJsonBody } from './request-body.ts';
import { errorAnswer, internalError, type JsonAnswer, jsonAnswer, tooManyRequests } from './responses.ts';

/** Far more than any lead form needs, and small enough that nobody can make the server hold much. */
export const maxLeadBytes = 16 * 1024;

export interface LeadForm {
  intake: LeadIntake;
  rateLimit: ClientRateLimiter;
  /** The `error` of a 400 answer with field errors, such as `invalid_booking`. */
  invalidErrorCode: string;
  /** Unticked checkboxes are absent from a form post: these mean `false` then. */
  checkboxFields: readonly string[];
  /** Fields a plain form post may lack and gets here (the footer's form, on prebuilt pages, has no submission ID). */
  plainFormDefaults?: () => Record<string, unknown>;
}

export type LeadFormOutcome =
  | LeadIntakeResult
  | { kind: 'unreadable'; status: 400 | 413 | 415; error: RequestError }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

async function submit(form: LeadForm, values: unknown, clientAddress: string): Promise<LeadFormOutcome> {
  const decision = await form.rateLimit(clientAddress);
  if (!decision.allowed) return { kind: 'rate-limited', retryAfterSeconds: decision.retryAfterSeconds };
  return form.intake(values);
}

/** What the visitor is told on the page when the form sent without JavaScript was not accepted. */
function refusalMessage(outcome: Exclude<LeadFormOutcome, { kind: 'accepted' | 'invalid' }>, locale: Locale): string {
  const messages = formMessages[locale].submission;
  switch (outcome.kind) {
    case 'unreadable':
      return messages.unreadable;
    case 'rate-limited':
      return messages.rateLimited(outcome.retryAfterSeconds);
    case 'error':
      return messages.serverError;
  }
}

/** The one mapping from an outcome to its answer: the status both paths use, and the JSON path's body. */
export function leadFormAnswer(outcome: LeadFormOutcome, invalidErrorCode: string): JsonAnswer {
  switch (outcome.kind) {
    case 'accepted':
      return jsonAnswer(201, { reference: outcome.reference });
    case 'invalid':
      return jsonAnswer(400, { error: invalidErrorCode, fields: outcome.fields });
    case 'unreadable':
      return errorAnswer(outcome.status, outcome.error);
    case 'rate-limited':
      return tooManyRequests(outcome.retryAfterSeconds);
    case 'error':
      return internalError();
  }
}

/** `POST /api/<form>`: JSON in, JSON out. */
export async function handleLeadJson(
  form: LeadForm,
  request: Request | IncomingBody,
  clientAddress: string,
): Promise<JsonAnswer> {
  const body = await readJsonBody(request, maxLeadBytes);
  const outcome = body.ok
    ? await submit(form, body.value, clientAddress)
    : ({ kind: 'unreadable', status: body.status, error: body.error } as const);
  return leadFormAnswer(outcome, form.invalidErrorCode);
}

/** What a form page shows after a plain form post: the accepted reference, or the form again with why. */
export type LeadFormSubmission =
  | { kind: 'accepted'; reference: string; values: Record<string, unknown> }
  | { kind: 'invalid'; status: number; fields: Record<string, string>; values: Record<string, unknown> }
  | { kind: 'failed'; status: number; message: string; values?: Record<string, unknown> };

/**
 * The no-JavaScript path: a plain form post to the form's page, through the same intake as the JSON path. A
 * refusal is said in the page's language (`locale`); the fields' errors in the one the form says it is in.
 */
export async function submitPlainForm(
  form: LeadForm,
  request: Request,
  clientAddress: string,
  locale: Locale = defaultLocale,
): Promise<LeadFormSubmission> {
  const body = await readFormBody(request, maxLeadBytes);
  if (!body.ok) {
    const outcome = { kind: 'unreadable', status: body.status, error: body.error } as const;
    return { kind: 'failed', status: outcome.status, message: refusalMessage(outcome, locale) };
  }
  const values = { ...form.plainFormDefaults?.(), ...formDataToObject(body.value, form.checkboxFields) };
  const outcome = await submit(form, values, clientAddress);
  const { status } = leadFormAnswer(outcome, form.invalidErrorCode);
  switch (outcome.kind) {
    case 'accepted':
      return { kind: 'accepted', reference: outcome.reference, values };
    case 'invalid':
      return { kind: 'invalid', status, fields: outcome.fields, values };
    default:
      return { kind: 'failed', status, message: refusalMessage(outcome, locale), values };
  }
}
