import { handleLeadJson, type LeadForm } from '#functions/http/lead-forms.ts';
import { toResponse } from '#functions/http/responses.ts';

/** A lead form's JSON endpoint, as `POST /api/<form>` answers it, for a form the test made. */
export function leadHandler(form: LeadForm) {
  return async (request: Request, clientAddress: string) =>
    toResponse(await handleLeadJson(form, request, clientAddress));
}
