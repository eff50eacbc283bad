/**
 * Between the server's flat field errors (`{ 'guardian.mobile': message }`, as the 400 answer and the
 * no-JavaScript path give them) and react-hook-form's nested errors, and posting a form as JSON.
 */
import { type FieldError, type FieldErrors, type FieldValues, set } from 'react-hook-form';
import type { SubmissionMessages } from '#functions/forms/messages-en.ts';

export type FlatFieldErrors = Record<string, string>;

/** The server's errors in react-hook-form's shape, to start a form with. */
export function nestedErrors(flat: FlatFieldErrors): FieldErrors {
  const nested: FieldErrors = {};
  for (const [path, message] of Object.entries(flat))
    set(nested, path, { type: 'server', message } satisfies FieldError);
  return nested;
}

/** Every error with a message, as `[path, message]`, in the order the form reported them. */
export function errorList<T extends FieldValues>(errors: FieldErrors<T>, prefix = ''): [string, string][] {
  return Object.entries(errors).flatMap(([key, value]): [string, string][] => {
    if (!value || typeof value !== 'object' || key === 'ref') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value.message === 'string' && value.message
      ? [[path, value.message]]
      : errorList(value as FieldErrors<T>, path);
  });
}

/**
 * Focuses the form's first control, in page order, whose field has a problem. react-hook-form's own focusing
 * follows the order fields were registered in, which is not the order a person reads them.
 */
export function focusFirstProblem(form: HTMLFormElement | null, problemFields: Iterable<string>): void {
  const fields = new Set(problemFields);
  const first = [...(form?.elements ?? [])].find(
    (element): element is HTMLElement & { name: string } =>
      'name' in element && fields.has(String(element.name)) && element instanceof HTMLElement,
  );
  first?.focus();
}

export type LeadPostResult =
  | { kind: 'accepted'; reference: string }
  | { kind: 'invalid'; fields: FlatFieldErrors }
  | { kind: 'failed'; message: string };

/** Posts a lead form as JSON and reads the answer; every failure becomes a message a visitor can act on. */
export async function postLead(endpoint: string, body: unknown, messages: SubmissionMessages): Promise<LeadPostResult> {
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'failed', message: messages.unreachable };
  }
  const answer = (await response.json().catch(() => ({}))) as { reference?: string; fields?: FlatFieldErrors };
  if (response.ok && answer.reference) return { kind: 'accepted', reference: answer.reference };
  if (response.status === 400 && answer.fields) return { kind: 'invalid', fields: answer.fields };
  if (response.status === 429) {
    return { kind: 'failed', message: messages.rateLimited(Number(response.headers.get('Retry-After') ?? 60)) };
  }
  return { kind: 'failed', message: messages.serverError };
}
